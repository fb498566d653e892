// The plugins subcommand: which plugins were found, their state, and turning them on or off.
#include "arguments.h"
#include "clicontext.h"
#include "commands.h"
#include "helptext.h"

#include "core/plugins/plugininterface.h"
#include "core/plugins/pluginmanager.h"

#include <sstream>

namespace {

nlohmann::json entryJson(const chorus::PluginEntry &entry, const chorus::PluginManager &plugins)
{
    nlohmann::json out = {{"name", entry.name},
                          {"state", chorus::pluginStateName(entry.state)},
                          {"reason", entry.reason},
                          {"enabled", plugins.settings().isEnabled(entry.name)},
                          {"manifest", entry.manifestPath},
                          {"library", entry.libraryPath},
                          {"import_formats", entry.importFormats},
                          {"models", entry.models}};
    if (entry.hasManifest) {
        out["version"] = entry.manifest.version;
        out["description"] = entry.manifest.description;
        out["interface_version"] = entry.manifest.interfaceVersion;
        out["provides"] = {{"importers", entry.manifest.importers}, {"models", entry.manifest.models}};
    }
    return out;
}

} // namespace

int commandPlugins(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv,
                         "Usage: chorus-cli plugins [--json]\n"
                         "       chorus-cli plugins --enable NAME | --disable NAME [--json]\n\n"
                         "Lists the plugins found in the installed plugin folder (<prefix>/lib/chorus/plugins) and\n"
                         "the user's folder ($XDG_DATA_HOME/chorus/plugins, default ~/.local/share/chorus/plugins),\n"
                         "each with its state: loaded, disabled, or failed with the reason (bad manifest, interface\n"
                         "version mismatch, missing library, load error). CHORUS_PLUGIN_PATH (folders separated by\n"
                         "':') replaces both folders when set.\n\n"
                         "--enable/--disable record the choice in $XDG_CONFIG_HOME/chorus/plugins.json (default\n"
                         "~/.config/chorus/plugins.json); it takes effect the next time Chorus starts.\n\n"
                         "JSON: {\"interface_version\", \"folders\", \"settings\", \"plugins\": [{\"name\", \"version\",\n"
                         "\"state\", \"reason\", \"enabled\", \"manifest\", \"library\", \"description\", \"provides\",\n"
                         "\"import_formats\", \"models\"}]}; with --enable/--disable: {\"name\", \"enabled\", \"settings\"}.\n"))
        return 0;
    Arguments args(argv, {"enable", "disable"}, {"json"});
    CliContext ctx("plugins", args.has("json"));
    if (!args.ok())
        return ctx.usage(args.error());
    if (!args.positionals().empty())
        return ctx.usage("unexpected argument '" + args.positionals().front() + "'");
    chorus::PluginManager &plugins = chorus::PluginManager::global();

    if (args.has("enable") || args.has("disable")) {
        if (args.has("enable") && args.has("disable"))
            return ctx.usage("give either --enable or --disable, not both");
        const bool enable = args.has("enable");
        const std::string name = args.value(enable ? "enable" : "disable");
        if (chorus::Status s = plugins.setEnabled(name, enable); !s)
            return ctx.fail(s.message());
        return ctx.succeed({{"name", name}, {"enabled", enable}, {"settings", plugins.settings().path()}},
                           "plugin '" + name + "' " + (enable ? "enabled" : "disabled") +
                               "; this takes effect the next time Chorus starts\n");
    }

    nlohmann::json list = nlohmann::json::array();
    std::ostringstream text;
    const std::vector<chorus::PluginEntry> entries = plugins.plugins();
    for (const chorus::PluginEntry &entry : entries) {
        list.push_back(entryJson(entry, plugins));
        text << entry.name;
        if (entry.hasManifest)
            text << " " << entry.manifest.version;
        text << "\t" << chorus::pluginStateName(entry.state);
        if (entry.state != chorus::PluginState::Loaded)
            text << ": " << entry.reason;
        else if (!plugins.settings().isEnabled(entry.name))
            text << " (disabled from the next start)";
        text << "\n";
        if (!entry.importFormats.empty()) {
            text << "  import formats:";
            for (const std::string &format : entry.importFormats)
                text << " " << format;
            text << "\n";
        }
        if (!entry.models.empty()) {
            text << "  model families:";
            for (const std::string &model : entry.models)
                text << " " << model;
            text << "\n";
        }
        if (entry.hasManifest && !entry.manifest.description.empty())
            text << "  " << entry.manifest.description << "\n";
        text << "  " << entry.manifestPath << "\n";
    }
    if (entries.empty()) {
        text << "No plugins found. Searched:";
        for (const std::string &folder : plugins.folders())
            text << "\n  " << folder;
        text << "\n";
    }
    if (!plugins.settingsProblem().empty())
        text << "warning: " << plugins.settingsProblem() << "\n";
    return ctx.succeed({{"interface_version", chorus::kPluginInterfaceVersion},
                        {"folders", plugins.folders()},
                        {"settings", plugins.settings().path()},
                        {"settings_problem", plugins.settingsProblem()},
                        {"plugins", list}},
                       text.str());
}
