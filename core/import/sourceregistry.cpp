#include "core/import/recordsource.h"

#include "core/import/csvsource.h"
#include "core/import/interactionsource.h"
#include "core/import/jsonlsource.h"
#include "core/import/redditsource.h"
#include "core/import/twittersource.h"
#include "core/plugins/importformatregistry.h"
#ifdef CHORUS_HAVE_MEDIA
#include "core/media/imagefoldersource.h"
#include "core/media/videosource.h"
#endif

#include <algorithm>
#include <cctype>
#include <fstream>

#include <sys/stat.h>

namespace chorus {

std::vector<std::string> knownImportFormats()
{
    std::vector<std::string> formats = {"csv", "tsv", "jsonl", "twitter", "reddit", "interactions"};
#ifdef CHORUS_HAVE_MEDIA
    formats.emplace_back("images");
    formats.emplace_back("video");
#endif
    for (const ImportFormatInfo &plugin : ImportFormatRegistry::instance().formats())
        formats.push_back(plugin.name);
    return formats;
}

std::unique_ptr<RecordSource> makeRecordSource(const std::string &format)
{
    if (format == "csv")
        return std::make_unique<CsvSource>('\0');
    if (format == "tsv")
        return std::make_unique<CsvSource>('\t');
    if (format == "jsonl" || format == "json")
        return std::make_unique<JsonlSource>();
    if (format == "twitter")
        return std::make_unique<TwitterSource>();
    if (format == "reddit")
        return std::make_unique<RedditSource>();
    if (format == "interactions")
        return std::make_unique<InteractionSource>();
#ifdef CHORUS_HAVE_MEDIA
    if (format == "images")
        return std::make_unique<ImageFolderSource>();
    if (format == "video")
        return std::make_unique<VideoSource>();
#endif
    return ImportFormatRegistry::instance().makeSource(format);
}

// What plugins judge a file by: its first 64 KiB (a Mastodon export names its kind early).
static std::string pluginFormatFor(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::string head(std::size_t{64} * 1024, '\0');
    in.read(&head[0], static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return ImportFormatRegistry::instance().detect(path, head);
}

std::string detectImportFormat(const std::string &path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
        return "images";
    std::string lower = path;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    auto endsWith = [&](const std::string &suffix) {
        return lower.size() >= suffix.size() && lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (endsWith(".zst"))
        return "reddit";
    for (const char *ext : {".mp4", ".avi", ".mov", ".mkv", ".webm"})
        if (endsWith(ext))
            return "video";
    if (endsWith(".tsv") || endsWith(".tab"))
        return "tsv";
    if (endsWith(".csv"))
        return "csv";
    if (endsWith(".jsonl") || endsWith(".ndjson") || endsWith(".json")) {
        // Peek at the first object to tell tweets and Reddit dumps from generic JSON Lines.
        std::ifstream in(path);
        std::string head(4096, '\0');
        in.read(&head[0], static_cast<std::streamsize>(head.size()));
        head.resize(static_cast<std::size_t>(in.gcount()));
        if (head.find("\"id_str\"") != std::string::npos || head.find("\"includes\"") != std::string::npos)
            return "twitter";
        if (head.find("\"subreddit\"") != std::string::npos)
            return "reddit";
        // Plugins come after the built-in signatures but before the generic fallback.
        if (std::string plugin = pluginFormatFor(path); !plugin.empty())
            return plugin;
        return "jsonl";
    }
    return pluginFormatFor(path);
}

} // namespace chorus
