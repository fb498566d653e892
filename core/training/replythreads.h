#pragma once

#include "core/util/result.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace chorus {

class Project;

// The reply threads of one dataset, from its posts' reply_to and thread_id fields: two posts are in
// the same thread when one replies to the other or when they carry the same thread_id (so a thread
// is a connected component of both relations, whichever of the two an importer filled in). A post
// with neither is a thread of its own. Only ids, parents and times are held, never texts.
class ReplyThreads {
public:
    static Result<ReplyThreads> load(Project &project, std::int64_t datasetId);

    // What a reader of `postId` had seen of its thread: the post itself, its ancestors (the
    // reply_to chain) and the thread's other posts created before it, at most `maxPosts` of them,
    // oldest first and `postId` last. When the cap bites, the post's own ancestors are kept first
    // (nearest parent first), then the most recent earlier posts. Order is by created_at, then id;
    // a post without a time counts as the oldest. An unknown post id gives {postId}.
    std::vector<std::int64_t> context(std::int64_t postId, std::size_t maxPosts) const;

    // The thread's root-most key (a post id) shared by all posts of one thread.
    std::int64_t threadOf(std::int64_t postId) const;
    std::size_t postCount() const { return m_posts.size(); }
    std::size_t threadCount() const { return m_members.size(); }

private:
    struct Post {
        std::int64_t id = 0;
        std::int64_t parent = 0; // post id of the reply_to target in this dataset, 0 when none
        std::int64_t time = 0;   // created_at; the smallest value when unknown
        std::int64_t thread = 0; // representative post id of its thread
    };
    bool earlier(const Post &a, const Post &b) const;

    std::unordered_map<std::int64_t, Post> m_posts;
    std::unordered_map<std::int64_t, std::vector<std::int64_t>> m_members; // thread -> posts, oldest first
};

} // namespace chorus
