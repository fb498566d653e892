#pragma once

#include "core/util/result.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace chorus {

class Project;

struct PostFilter {
    std::int64_t datasetId = 0; // 0: every dataset
    std::string search;         // FTS5 query; empty: no text filter
};

struct PostRow {
    std::int64_t id = 0;
    std::string sourceId;
    std::string author;
    std::string createdAt; // ISO 8601 UTC, empty when unknown
    std::string text;
    std::string labels; // "task=value; task=value"
    std::int64_t likes = 0;
    int images = 0;
    int videos = 0;
};

struct PostMedia {
    std::string kind;
    std::string path;
    std::string blob;
    int width = 0;
    int height = 0;
    double duration = 0;
};

struct PostDetail {
    PostRow row;
    std::string dataset;
    std::string language;
    std::string replyTo;
    std::string clientApp;
    std::int64_t shares = 0;
    std::int64_t replies = 0;
    std::vector<std::pair<std::string, std::string>> labels;
    std::vector<PostMedia> media;
};

// Read-only paging over posts for browsers: keyset pagination (WHERE id > last) so the millionth row
// costs what the first does, and nothing is loaded that is not shown.
class PostBrowser {
public:
    explicit PostBrowser(Project &project) : m_project(project) {}

    Result<std::vector<PostRow>> page(const PostFilter &filter, std::int64_t afterId, int limit);
    Result<PostDetail> detail(std::int64_t postId);
    Result<std::vector<std::string>> labelTasks(std::int64_t datasetId);
    // (value, count) pairs, most frequent first.
    Result<std::vector<std::pair<std::string, std::int64_t>>> labelCounts(std::int64_t datasetId, const std::string &task);

private:
    Project &m_project;
};

} // namespace chorus
