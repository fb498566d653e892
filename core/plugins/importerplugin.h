#pragma once

#include "core/import/recordsource.h"

#include <memory>
#include <string>
#include <vector>

namespace chorus {

// One import format a plugin adds, as the CLI and the import wizard list it.
struct ImportFormatInfo {
    std::string name;        // the --format value, e.g. "mastodon"; must not clash with a built-in
    std::string description; // one line
    std::vector<std::string> extensions; // ".json", ".jsonl", ... that detection looks at
};

// What an importer plugin's chorus_create_importer() returns: the formats it reads, a factory for
// their RecordSources and detection. Called from any thread once loaded, so implementations keep
// no mutable state (each RecordSource is a fresh object per import).
class ImporterPlugin {
public:
    virtual ~ImporterPlugin() = default;

    virtual std::vector<ImportFormatInfo> formats() const = 0;
    // nullptr for a format this plugin does not provide.
    virtual std::unique_ptr<RecordSource> makeSource(const std::string &format) const = 0;
    // The format `path` is in, judged from its name and its first bytes (`head`, at most 64 KiB);
    // empty when the file is not one of this plugin's formats. Consulted only after the built-in
    // formats with a clear signature (Twitter, Reddit, media) have declined the file.
    virtual std::string detect(const std::string &path, const std::string &head) const = 0;
};

} // namespace chorus

// Entry point of an importer plugin (see plugininterface.h). The object is owned by the loader.
using ChorusCreateImporterFunction = chorus::ImporterPlugin *(*)();
