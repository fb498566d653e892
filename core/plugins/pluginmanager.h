#pragma once

#include "core/plugins/importerplugin.h"
#include "core/plugins/modelplugin.h"
#include "core/plugins/pluginmanifest.h"
#include "core/plugins/pluginsettings.h"
#include "core/util/result.h"

#include <memory>
#include <string>
#include <vector>

namespace chorus {

enum class PluginState { Loaded, Disabled, Failed };

const char *pluginStateName(PluginState state); // "loaded", "disabled", "failed"

// One plugin found in a plugin folder, whatever became of it.
struct PluginEntry {
    std::string name;         // from the manifest; the manifest's file name when it is unreadable
    std::string manifestPath;
    std::string libraryPath;  // empty when the manifest could not be read
    bool hasManifest = false;
    PluginManifest manifest;  // valid when hasManifest
    PluginState state = PluginState::Failed;
    std::string reason;       // why it failed, or that the user disabled it
    std::vector<std::string> importFormats; // registered, when loaded
    std::vector<std::string> models;        // model families it registered, when loaded

    // "plugin 'mastodon' (/usr/lib/chorus/plugins/mastodon.plugin.json): REASON"
    std::string describe() const;
};

// Finds plugins (pluginpaths.h), reads each manifest before loading anything, loads the enabled ones
// (the first of each name that is not failed)
// and registers their import formats (ImportFormatRegistry). Every failure (bad manifest, interface
// or ABI mismatch, missing library, dlopen or dlsym error, an entry point that throws) leaves that
// plugin Failed with a reason and the others untouched: Chorus carries on without it.
class PluginManager {
public:
    struct Options {
        std::vector<std::string> folders; // searched in order; a missing folder is not an error
        std::string settingsPath;         // enable/disable; empty: everything enabled, nothing saved
    };
    static Options defaultOptions();
    // The process-wide manager over the default folders, loaded on first use. The CLI and the GUI
    // call this at start, before any import or model lookup.
    static PluginManager &global();

    explicit PluginManager(Options options);
    // Withdraws this manager's import formats. Libraries stay mapped (see plugininterface.h).
    ~PluginManager();
    PluginManager(const PluginManager &) = delete;
    PluginManager &operator=(const PluginManager &) = delete;

    // Scans the folders and loads the enabled plugins; a second call does nothing.
    void load();

    std::vector<PluginEntry> plugins() const;
    // The loaded or disabled plugin of that name, else the first failed one; nullptr when none.
    const PluginEntry *find(const std::string &name) const;
    // describe() of each failed plugin, for a warning at start.
    std::vector<std::string> problems() const;
    const std::vector<std::string> &folders() const { return m_options.folders; }
    const PluginSettings &settings() const { return m_settings; }
    // A problem with the settings file itself (every plugin is then treated as enabled).
    const std::string &settingsProblem() const { return m_settingsProblem; }

    // Persists the choice; it takes effect when Chorus next starts. Fails for a name no folder holds,
    // or when the settings cannot be written.
    Status setEnabled(const std::string &name, bool enabled);

    // Loaded plugins that provide model families, for models/registry/pluginmodels.h.
    struct ModelProvider {
        std::string name;
        std::string torchVersion; // as the library reports it
        std::vector<std::string> models; // as the manifest lists them
        ChorusRegisterModelsFunction registerModels = nullptr;
    };
    std::vector<ModelProvider> modelProviders() const;
    // Called by the model side when registration fails: the plugin is then listed as failed.
    void markFailed(const std::string &name, const std::string &reason);
    void setRegisteredModels(const std::string &name, const std::vector<std::string> &models);

private:
    struct Slot {
        PluginEntry entry;
        std::unique_ptr<ImporterPlugin> importer;
        ChorusRegisterModelsFunction registerModels = nullptr;
        std::string torchVersion;
    };

    void scanFolder(const std::string &folder);
    void consider(const std::string &manifestPath);
    Status loadLibrary(Slot &slot);

    Options m_options;
    PluginSettings m_settings;
    std::string m_settingsProblem;
    std::vector<Slot> m_slots;
    bool m_loaded = false;
};

} // namespace chorus
