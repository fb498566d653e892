#include "core/plugins/importformatregistry.h"

#include <algorithm>
#include <exception>

namespace chorus {

// The formats compiled into every build; a plugin may not take these names (media formats included,
// so a plugin behaves the same with and without OpenCV).
static bool isBuiltInFormat(const std::string &name)
{
    static const char *const builtIn[] = {"csv",    "tsv",         "jsonl", "json", "twitter",
                                          "reddit", "interactions", "images", "video"};
    for (const char *b : builtIn)
        if (name == b)
            return true;
    return false;
}

ImportFormatRegistry &ImportFormatRegistry::instance()
{
    static ImportFormatRegistry registry;
    return registry;
}

Status ImportFormatRegistry::add(const std::string &pluginName, const ImporterPlugin *plugin)
{
    std::vector<ImportFormatInfo> formats;
    try {
        formats = plugin->formats();
    } catch (const std::exception &e) {
        return Error{std::string("its importer failed to list its formats: ") + e.what()};
    } catch (...) {
        return Error{"its importer failed to list its formats"};
    }
    std::lock_guard<std::mutex> lock(m_mutex);
    for (const ImportFormatInfo &format : formats) {
        if (format.name.empty())
            return Error{"its importer lists a format without a name"};
        if (isBuiltInFormat(format.name))
            return Error{"its import format '" + format.name + "' is a built-in format"};
        for (const Entry &entry : m_entries)
            if (entry.info.name == format.name)
                return Error{"its import format '" + format.name + "' is already provided by plugin '" +
                             entry.pluginName + "'"};
    }
    for (ImportFormatInfo &format : formats)
        m_entries.push_back({std::move(format), pluginName, plugin});
    return {};
}

void ImportFormatRegistry::remove(const ImporterPlugin *plugin)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_entries.erase(std::remove_if(m_entries.begin(), m_entries.end(),
                                   [plugin](const Entry &entry) { return entry.plugin == plugin; }),
                    m_entries.end());
}

std::vector<ImportFormatInfo> ImportFormatRegistry::formats() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    std::vector<ImportFormatInfo> out;
    for (const Entry &entry : m_entries)
        out.push_back(entry.info);
    return out;
}

std::unique_ptr<RecordSource> ImportFormatRegistry::makeSource(const std::string &format) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    for (const Entry &entry : m_entries) {
        if (entry.info.name != format)
            continue;
        try {
            return entry.plugin->makeSource(format);
        } catch (...) {
            return nullptr; // a plugin that cannot make its own source behaves like an unknown format
        }
    }
    return nullptr;
}

std::string ImportFormatRegistry::detect(const std::string &path, const std::string &head) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    std::vector<const ImporterPlugin *> asked;
    for (const Entry &entry : m_entries) {
        if (std::find(asked.begin(), asked.end(), entry.plugin) != asked.end())
            continue;
        asked.push_back(entry.plugin);
        try {
            std::string format = entry.plugin->detect(path, head);
            if (!format.empty())
                return format;
        } catch (...) {
            // Detection is a guess; a plugin failing at it just does not claim the file.
        }
    }
    return {};
}

std::string ImportFormatRegistry::pluginFor(const std::string &format) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    for (const Entry &entry : m_entries)
        if (entry.info.name == format)
            return entry.pluginName;
    return {};
}

} // namespace chorus
