#include "core/plugins/pluginmanager.h"

#include "core/plugins/importformatregistry.h"
#include "core/plugins/plugininterface.h"
#include "core/plugins/pluginpaths.h"

#include <algorithm>
#include <exception>

#include <dirent.h>
#include <dlfcn.h>
#include <sys/stat.h>

namespace chorus {
namespace {

bool endsWith(const std::string &text, const std::string &suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool isDirectory(const std::string &path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool isRegularFile(const std::string &path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string childPath(const std::string &folder, const std::string &name)
{
    std::string path;
    path.reserve(folder.size() + 1 + name.size());
    path.append(folder).append("/").append(name);
    return path;
}

// Names in a folder, sorted so the load order (and which duplicate wins) does not depend on the
// file system.
std::vector<std::string> folderEntries(const std::string &folder)
{
    std::vector<std::string> names;
    DIR *dir = ::opendir(folder.c_str());
    if (!dir)
        return names;
    while (const dirent *entry = ::readdir(dir)) {
        const std::string name = entry->d_name;
        if (name != "." && name != "..")
            names.push_back(name);
    }
    ::closedir(dir);
    std::sort(names.begin(), names.end());
    return names;
}

std::string lastDlError(const char *fallback)
{
    const char *error = ::dlerror();
    return error ? std::string(error) : std::string(fallback);
}

std::string joined(const std::vector<std::string> &items)
{
    std::string out;
    for (const std::string &item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

bool contains(const std::vector<std::string> &items, const std::string &item)
{
    return std::find(items.begin(), items.end(), item) != items.end();
}

} // namespace

const char *pluginStateName(PluginState state)
{
    switch (state) {
    case PluginState::Loaded:
        return "loaded";
    case PluginState::Disabled:
        return "disabled";
    case PluginState::Failed:
        break;
    }
    return "failed";
}

std::string PluginEntry::describe() const
{
    return "plugin '" + name + "' (" + manifestPath + "): " + reason;
}

PluginManager::Options PluginManager::defaultOptions()
{
    Options options;
    options.folders = pluginpaths::defaultFolders();
    options.settingsPath = pluginpaths::settingsFile();
    return options;
}

PluginManager &PluginManager::global()
{
    // Never destroyed: it would run after other statics it uses (the format registry) are gone, and
    // objects of plugin code must not be torn down while the process exits.
    static PluginManager *manager = new PluginManager(defaultOptions());
    manager->load();
    return *manager;
}

PluginManager::PluginManager(Options options) : m_options(std::move(options)), m_settings(m_options.settingsPath) {}

PluginManager::~PluginManager()
{
    for (Slot &slot : m_slots)
        if (slot.importer)
            ImportFormatRegistry::instance().remove(slot.importer.get());
}

void PluginManager::load()
{
    if (m_loaded)
        return;
    m_loaded = true;
    if (!m_options.settingsPath.empty()) {
        if (Status s = m_settings.load(); !s)
            m_settingsProblem = s.message() + "; every plugin is treated as enabled";
    }
    for (const std::string &folder : m_options.folders)
        scanFolder(folder);
}

void PluginManager::scanFolder(const std::string &folder)
{
    const std::string suffix = pluginpaths::kManifestSuffix;
    // Manifests directly in the folder, and one level down, so a plugin unpacked into its own
    // sub-folder is found too.
    for (const std::string &name : folderEntries(folder)) {
        const std::string path = childPath(folder, name);
        if (endsWith(name, suffix) && isRegularFile(path)) {
            consider(path);
        } else if (isDirectory(path)) {
            for (const std::string &inner : folderEntries(path)) {
                if (!endsWith(inner, suffix))
                    continue;
                const std::string innerPath = childPath(path, inner);
                if (isRegularFile(innerPath))
                    consider(innerPath);
            }
        }
    }
}

void PluginManager::consider(const std::string &manifestPath)
{
    Slot slot;
    PluginEntry &entry = slot.entry;
    entry.manifestPath = manifestPath;
    const std::size_t slash = manifestPath.find_last_of('/');
    const std::string folder = manifestPath.substr(0, slash);
    const std::string fileName = manifestPath.substr(slash + 1);
    entry.name = fileName.substr(0, fileName.size() - std::string(pluginpaths::kManifestSuffix).size());

    auto manifest = PluginManifest::fromFile(manifestPath);
    if (!manifest) {
        entry.reason = "bad manifest: " + manifest.message();
        m_slots.push_back(std::move(slot));
        return;
    }
    entry.hasManifest = true;
    entry.manifest = *manifest;
    entry.name = manifest->name;
    entry.libraryPath = folder + "/" + manifest->library;

    // A failed plugin does not hide a working one of the same name further down the folder list
    // (an old build in the installed folder, a fixed one in the user's).
    for (const Slot &other : m_slots) {
        if (other.entry.state != PluginState::Failed && other.entry.name == entry.name) {
            entry.reason = "another plugin named '" + entry.name + "' was found first (" + other.entry.manifestPath + ")";
            m_slots.push_back(std::move(slot));
            return;
        }
    }
    if (manifest->interfaceVersion != kPluginInterfaceVersion) {
        entry.reason = "built for plugin interface version " + std::to_string(manifest->interfaceVersion) +
                       ", but this Chorus provides version " + std::to_string(kPluginInterfaceVersion) +
                       "; rebuild the plugin against this Chorus";
    } else if (!manifest->abi.empty() && manifest->abi != kPluginAbiTag) {
        entry.reason = "built with " + manifest->abi + ", but this Chorus was built with " +
                       std::string(kPluginAbiTag) + "; rebuild the plugin with the same compiler";
    } else if (!m_settings.isEnabled(entry.name)) {
        entry.state = PluginState::Disabled;
        entry.reason = "disabled in " + m_settings.path();
    } else if (!isRegularFile(entry.libraryPath)) {
        entry.reason = "its library " + entry.libraryPath + " does not exist";
    } else if (Status loaded = loadLibrary(slot); !loaded) {
        entry.reason = loaded.message();
    } else {
        entry.state = PluginState::Loaded;
    }
    m_slots.push_back(std::move(slot));
}

Status PluginManager::loadLibrary(Slot &slot)
{
    PluginEntry &entry = slot.entry;
    const PluginManifest &manifest = entry.manifest;
    ::dlerror();
    // RTLD_NOW: an unresolved symbol fails here with a message, not later with a crash. RTLD_LOCAL:
    // one plugin's symbols never satisfy another's.
    void *handle = ::dlopen(entry.libraryPath.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        return Error{"cannot load its library: " + lastDlError("dlopen failed")};

    ::dlerror();
    auto info = reinterpret_cast<ChorusPluginInfoFunction>(::dlsym(handle, kPluginInfoSymbol));
    if (!info)
        return Error{std::string("its library is not a Chorus plugin (no ") + kPluginInfoSymbol +
                     "): " + lastDlError("symbol not found")};
    const ChorusPluginInfo *about = info();
    if (!about || !about->name || !about->abiTag)
        return Error{std::string(kPluginInfoSymbol) + "() returned no information"};
    if (about->interfaceVersion != kPluginInterfaceVersion)
        return Error{"its library was built for plugin interface version " + std::to_string(about->interfaceVersion) +
                     " (its manifest says " + std::to_string(manifest.interfaceVersion) +
                     "), but this Chorus provides version " + std::to_string(kPluginInterfaceVersion)};
    if (std::string(about->abiTag) != kPluginAbiTag)
        return Error{"its library was built with " + std::string(about->abiTag) + ", but this Chorus was built with " +
                     kPluginAbiTag + "; rebuild the plugin with the same compiler"};
    if (manifest.name != about->name)
        return Error{"its library calls itself '" + std::string(about->name) + "', but the manifest says '" +
                     manifest.name + "'"};
    slot.torchVersion = about->torchVersion ? about->torchVersion : "";

    if (!manifest.models.empty()) {
        ::dlerror();
        slot.registerModels = reinterpret_cast<ChorusRegisterModelsFunction>(::dlsym(handle, kRegisterModelsSymbol));
        if (!slot.registerModels)
            return Error{"its manifest lists models, but its library lacks " + std::string(kRegisterModelsSymbol) +
                         ": " + lastDlError("symbol not found")};
    }
    if (!manifest.importers.empty()) {
        ::dlerror();
        auto create = reinterpret_cast<ChorusCreateImporterFunction>(::dlsym(handle, kCreateImporterSymbol));
        if (!create)
            return Error{"its manifest lists importers, but its library lacks " + std::string(kCreateImporterSymbol) +
                         ": " + lastDlError("symbol not found")};
        try {
            slot.importer.reset(create());
        } catch (const std::exception &e) {
            return Error{std::string(kCreateImporterSymbol) + "() failed: " + e.what()};
        } catch (...) {
            return Error{std::string(kCreateImporterSymbol) + "() failed"};
        }
        if (!slot.importer)
            return Error{std::string(kCreateImporterSymbol) + "() returned no importer"};
        std::vector<std::string> provided;
        try {
            for (const ImportFormatInfo &format : slot.importer->formats())
                provided.push_back(format.name);
        } catch (...) {
            slot.importer.reset();
            return Error{"its importer failed to list its formats"};
        }
        for (const std::string &format : manifest.importers)
            if (!contains(provided, format)) {
                slot.importer.reset();
                return Error{"its manifest lists import format '" + format + "', but its library provides only: " +
                             joined(provided)};
            }
        for (const std::string &format : provided)
            if (!contains(manifest.importers, format)) {
                slot.importer.reset();
                return Error{"its library provides import format '" + format + "', which its manifest does not list"};
            }
        if (Status added = ImportFormatRegistry::instance().add(manifest.name, slot.importer.get()); !added) {
            slot.importer.reset();
            return added.error();
        }
        entry.importFormats = provided;
    }
    return {};
}

std::vector<PluginEntry> PluginManager::plugins() const
{
    std::vector<PluginEntry> out;
    for (const Slot &slot : m_slots)
        out.push_back(slot.entry);
    return out;
}

const PluginEntry *PluginManager::find(const std::string &name) const
{
    const PluginEntry *found = nullptr;
    for (const Slot &slot : m_slots) {
        if (slot.entry.name != name)
            continue;
        if (slot.entry.state != PluginState::Failed)
            return &slot.entry;
        if (!found)
            found = &slot.entry;
    }
    return found;
}

std::vector<std::string> PluginManager::problems() const
{
    std::vector<std::string> out;
    if (!m_settingsProblem.empty())
        out.push_back(m_settingsProblem);
    for (const Slot &slot : m_slots)
        if (slot.entry.state == PluginState::Failed)
            out.push_back(slot.entry.describe());
    return out;
}

Status PluginManager::setEnabled(const std::string &name, bool enabled)
{
    if (!find(name)) {
        std::string searched;
        for (const std::string &folder : m_options.folders)
            searched += (searched.empty() ? "" : ", ") + folder;
        return Error{"no plugin named '" + name + "' (searched: " + (searched.empty() ? "no folders" : searched) + ")"};
    }
    if (m_options.settingsPath.empty())
        return Error{"plugin settings are not saved in this session"};
    PluginSettings settings(m_options.settingsPath);
    if (Status s = settings.load(); !s)
        return Error{s.message() + "; fix or delete the file"};
    settings.setEnabled(name, enabled);
    if (Status s = settings.save(); !s)
        return s;
    // The running process keeps what it loaded; m_settings answers what happens next start.
    m_settings = settings;
    return {};
}

std::vector<PluginManager::ModelProvider> PluginManager::modelProviders() const
{
    std::vector<ModelProvider> out;
    for (const Slot &slot : m_slots)
        if (slot.entry.state == PluginState::Loaded && slot.registerModels)
            out.push_back({slot.entry.name, slot.torchVersion, slot.entry.manifest.models, slot.registerModels});
    return out;
}

void PluginManager::markFailed(const std::string &name, const std::string &reason)
{
    for (Slot &slot : m_slots) {
        if (slot.entry.name != name || !slot.entry.hasManifest)
            continue;
        slot.entry.state = PluginState::Failed;
        slot.entry.reason = reason;
        if (slot.importer) {
            ImportFormatRegistry::instance().remove(slot.importer.get());
            slot.importer.reset();
            slot.entry.importFormats.clear();
        }
        slot.registerModels = nullptr;
        return;
    }
}

void PluginManager::setRegisteredModels(const std::string &name, const std::vector<std::string> &models)
{
    // Copied, not moved: a plugin shadowed by one of the same name keeps a slot with that name too.
    for (Slot &slot : m_slots)
        if (slot.entry.name == name && slot.entry.hasManifest)
            slot.entry.models = models;
}

} // namespace chorus
