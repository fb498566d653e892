#pragma once

#include "core/plugins/importerplugin.h"
#include "core/util/result.h"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace chorus {

// The import formats loaded plugins add. makeRecordSource(), knownImportFormats() and
// detectImportFormat() consult it after the built-in formats, so a plugin can add formats but
// never replace one. The PluginManager that loaded a plugin registers its formats and removes them
// when it goes away. Safe from any thread.
class ImportFormatRegistry {
public:
    static ImportFormatRegistry &instance();

    // Fails, registering nothing, when a format name is built in or already registered.
    Status add(const std::string &pluginName, const ImporterPlugin *plugin);
    void remove(const ImporterPlugin *plugin);

    std::vector<ImportFormatInfo> formats() const;
    std::unique_ptr<RecordSource> makeSource(const std::string &format) const;
    // The first plugin format that claims the file; empty when none does.
    std::string detect(const std::string &path, const std::string &head) const;
    // Which plugin provides a format; empty when none.
    std::string pluginFor(const std::string &format) const;

private:
    ImportFormatRegistry() = default;

    struct Entry {
        ImportFormatInfo info;
        std::string pluginName;
        const ImporterPlugin *plugin = nullptr;
    };
    mutable std::mutex m_mutex;
    std::vector<Entry> m_entries;
};

} // namespace chorus
