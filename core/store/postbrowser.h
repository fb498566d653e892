#pragma once

#include "core/util/result.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace chorus {

class Project;

// Every field narrows the posts further (the filters are ANDed); defaults filter nothing.
struct PostFilter {
    std::int64_t datasetId = 0; // 0: every dataset
    std::string search;         // FTS5 query; empty: no text filter
    std::string labelTask;      // posts labelled for this task; empty: no label filter
    std::string labelValue;     // with labelTask: only this value; empty: any value
    std::int64_t splitId = 0;   // posts assigned by this split (splits.id); 0: no split filter
    std::string splitPart;      // with splitId: "train", "valid" (or "validation") or "test"; empty: any
    bool hasImage = false;      // only posts with at least one picture
    bool hasVideo = false;      // only posts with at least one clip
    // Creation time range, both ends inclusive, in any parseTimestamp spelling (ISO 8601 UTC).
    // A bare date as `to` includes that whole day. Empty: unbounded. Set bounds drop undated posts.
    std::string from;
    std::string to;
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

struct SplitSummary {
    std::int64_t id = 0;
    std::string method;    // "random", "time", "user"
    std::string createdAt; // ISO 8601 UTC
    std::int64_t posts = 0;
};

enum class PostsOverTimeBucket { Day, Week };

// Posts per day or per week (weeks start on Monday, UTC); only buckets holding posts are listed.
struct PostsOverTime {
    PostsOverTimeBucket bucket = PostsOverTimeBucket::Day;
    std::vector<std::pair<std::int64_t, std::int64_t>> counts; // (bucket start in Unix seconds, posts), ascending
    std::int64_t undated = 0;                                  // matching posts without a creation time
};

// One label task of a dataset and how many posts carry each of its values, most frequent first.
struct TaskLabelCounts {
    std::string task;
    std::vector<std::pair<std::string, std::int64_t>> counts;
};

// Read-only paging over posts for browsers: keyset pagination (WHERE id > last) so the millionth row
// costs what the first does, and nothing is loaded that is not shown.
class PostBrowser {
public:
    explicit PostBrowser(Project &project) : m_project(project) {}

    // Rows with id > afterId, ascending. The most selective ordered source (the text index, a label
    // value, a split) drives the scan and stops at `limit`, so a page stays cheap on a million posts.
    Result<std::vector<PostRow>> page(const PostFilter &filter, std::int64_t afterId, int limit);
    // How many posts match (one aggregate query over the indexes; a full dataset scan at worst).
    Result<std::int64_t> count(const PostFilter &filter);
    // Matching posts per day, or per week when they span more than kDailySpanDays.
    Result<PostsOverTime> postsOverTime(const PostFilter &filter);
    // The splits of a dataset (0: all), newest first.
    Result<std::vector<SplitSummary>> splits(std::int64_t datasetId);
    Result<PostDetail> detail(std::int64_t postId);
    Result<std::vector<std::string>> labelTasks(std::int64_t datasetId);
    // (value, count) pairs, most frequent first.
    Result<std::vector<std::pair<std::string, std::int64_t>>> labelCounts(std::int64_t datasetId, const std::string &task);
    // Every task's value counts in one pass over the labels (tasks by name, values most frequent
    // first): what the data browser shows, without one query per task.
    Result<std::vector<TaskLabelCounts>> labelCountsByTask(std::int64_t datasetId);

    static constexpr std::int64_t kDailySpanDays = 120;

private:
    Project &m_project;
};

} // namespace chorus
