#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chorus {

// What importers produce: plain values, independent of the input format and of the database.

struct UserRecord {
    std::string sourceId; // empty: the post has no known author
    std::string name;     // display or screen name; dropped when pseudonymising
    nlohmann::json extras; // source-specific fields (followers, verified...), null when none
};

enum class MediaKind { Image, Video };

struct MediaRecord {
    MediaKind kind = MediaKind::Image;
    std::string path;   // absolute path or URL as given by the source
    std::string blob;   // encoded bytes (e.g. a PNG thumbnail) when the media is stored inline
    std::string sha256; // hex digest of the file's bytes, empty when the file was not read
    std::optional<int> width;
    std::optional<int> height;
    std::optional<double> durationSeconds;
    std::optional<std::int64_t> frameCount;
};

struct LabelRecord {
    std::string task;
    std::string value;
};

struct PostRecord {
    std::uint64_t line = 0; // where the record starts in its file (1-based; 0 for one-file-per-record sources)
    std::string sourceId;
    UserRecord author;
    std::optional<std::int64_t> createdAt; // Unix seconds, UTC
    std::string text;
    std::string language;
    std::string replyTo;  // source id of the post this one answers
    std::string threadId; // source id of the conversation root
    std::optional<std::int64_t> likes;
    std::optional<std::int64_t> shares;
    std::optional<std::int64_t> replies;
    std::string clientApp;
    nlohmann::json extras; // source-specific fields worth keeping, null when none
    std::vector<MediaRecord> media;
    std::vector<LabelRecord> labels;
};

struct ItemRecord {
    std::string sourceId;
    std::string title;
    nlohmann::json extras;
};

struct InteractionRecord {
    std::uint64_t line = 0;
    std::string userSourceId;
    std::string item;
    std::string kind = "rating";
    double weight = 1.0;
    std::int64_t createdAt = 0; // 0 when unknown
};

} // namespace chorus
