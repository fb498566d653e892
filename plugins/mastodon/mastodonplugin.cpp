// The Mastodon importer plugin: its entry points and its ImporterPlugin.
#include "mastodonsource.h"

#include "core/plugins/importerplugin.h"
#include "core/plugins/plugininterface.h"

namespace chorus {
namespace mastodon {
namespace {

class MastodonImporter : public ImporterPlugin {
public:
    std::vector<ImportFormatInfo> formats() const override
    {
        return {{"mastodon",
                 "Mastodon statuses: a JSON array or JSON Lines from the REST API, or an account export's outbox.json",
                 {".json", ".jsonl", ".ndjson"}}};
    }

    std::unique_ptr<RecordSource> makeSource(const std::string &format) const override
    {
        if (format == "mastodon")
            return std::make_unique<MastodonSource>();
        return nullptr;
    }

    std::string detect(const std::string &, const std::string &head) const override
    {
        // Counters only Mastodon (and its API clones) name this way; an export names ActivityStreams.
        if (head.find("\"favourites_count\"") != std::string::npos || head.find("\"reblogs_count\"") != std::string::npos)
            return "mastodon";
        if (head.find("\"orderedItems\"") != std::string::npos && head.find("activitystreams") != std::string::npos)
            return "mastodon";
        return {};
    }
};

} // namespace
} // namespace mastodon
} // namespace chorus

CHORUS_PLUGIN_EXPORT const ChorusPluginInfo *chorus_plugin_info()
{
    static const ChorusPluginInfo info = {CHORUS_PLUGIN_INTERFACE_VERSION, "mastodon", CHORUS_MASTODON_PLUGIN_VERSION,
                                          CHORUS_PLUGIN_ABI_TAG, ""};
    return &info;
}

CHORUS_PLUGIN_EXPORT chorus::ImporterPlugin *chorus_create_importer()
{
    return new chorus::mastodon::MastodonImporter();
}
