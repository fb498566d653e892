#include "core/training/replythreads.h"

#include "core/store/project.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <unordered_set>

namespace chorus {
namespace {

// Union-find over dense indexes, with path halving.
class DisjointSets {
public:
    explicit DisjointSets(std::size_t size) : m_parent(size) { std::iota(m_parent.begin(), m_parent.end(), std::size_t(0)); }
    std::size_t find(std::size_t x)
    {
        while (m_parent[x] != x) {
            m_parent[x] = m_parent[m_parent[x]];
            x = m_parent[x];
        }
        return x;
    }
    void join(std::size_t a, std::size_t b) { m_parent[find(a)] = find(b); }

private:
    std::vector<std::size_t> m_parent;
};

} // namespace

bool ReplyThreads::earlier(const Post &a, const Post &b) const
{
    return a.time != b.time ? a.time < b.time : a.id < b.id;
}

Result<ReplyThreads> ReplyThreads::load(Project &project, std::int64_t datasetId)
{
    auto select = project.db().prepare(
        "SELECT id, source_id, reply_to, thread_id, created_at FROM posts WHERE dataset_id = ?1 ORDER BY id");
    if (!select)
        return select.error();
    select->bind(1, datasetId);
    std::vector<Post> posts;
    std::vector<std::string> replyTo, threadIds;
    std::unordered_map<std::string, std::size_t> bySource;
    while (select->step()) {
        Post post;
        post.id = select->int64(0);
        post.time = select->isNull(4) ? std::numeric_limits<std::int64_t>::min() : select->int64(4);
        bySource.emplace(select->text(1), posts.size());
        replyTo.push_back(select->isNull(2) ? std::string() : select->text(2));
        threadIds.push_back(select->isNull(3) ? std::string() : select->text(3));
        posts.push_back(post);
    }
    if (select->failed())
        return Error{"cannot read the reply threads: " + select->lastError()};

    DisjointSets sets(posts.size());
    std::unordered_map<std::string, std::size_t> firstOfThreadId;
    for (std::size_t i = 0; i < posts.size(); ++i) {
        if (!replyTo[i].empty())
            if (auto parent = bySource.find(replyTo[i]); parent != bySource.end() && parent->second != i) {
                posts[i].parent = posts[parent->second].id;
                sets.join(i, parent->second);
            }
        if (!threadIds[i].empty()) {
            auto [first, inserted] = firstOfThreadId.emplace(threadIds[i], i);
            if (!inserted)
                sets.join(i, first->second);
        }
    }

    ReplyThreads threads;
    std::unordered_map<std::size_t, std::vector<std::size_t>> components;
    for (std::size_t i = 0; i < posts.size(); ++i)
        components[sets.find(i)].push_back(i);
    for (auto &[root, members] : components) {
        std::sort(members.begin(), members.end(),
                  [&](std::size_t a, std::size_t b) { return threads.earlier(posts[a], posts[b]); });
        const std::int64_t key = posts[members.front()].id;
        std::vector<std::int64_t> ids;
        ids.reserve(members.size());
        for (std::size_t m : members) {
            posts[m].thread = key;
            ids.push_back(posts[m].id);
        }
        threads.m_members.emplace(key, std::move(ids));
    }
    for (const Post &post : posts)
        threads.m_posts.emplace(post.id, post);
    return threads;
}

std::int64_t ReplyThreads::threadOf(std::int64_t postId) const
{
    const auto found = m_posts.find(postId);
    return found == m_posts.end() ? postId : found->second.thread;
}

std::vector<std::int64_t> ReplyThreads::context(std::int64_t postId, std::size_t maxPosts) const
{
    const auto found = m_posts.find(postId);
    if (found == m_posts.end() || maxPosts <= 1)
        return {postId};
    const Post &target = found->second;
    std::vector<const Post *> picked;
    std::unordered_set<std::int64_t> seen{postId};
    // Ancestors first: what the post answers matters more than what merely came before it.
    for (std::int64_t parent = target.parent; parent != 0 && picked.size() + 1 < maxPosts;) {
        const auto p = m_posts.find(parent);
        if (p == m_posts.end() || !seen.insert(parent).second)
            break; // a reply_to cycle: stop rather than loop
        picked.push_back(&p->second);
        parent = p->second.parent;
    }
    // Then the thread's other earlier posts, most recent first.
    const auto members = m_members.find(target.thread);
    if (members != m_members.end())
        for (auto it = members->second.rbegin(); it != members->second.rend() && picked.size() + 1 < maxPosts; ++it) {
            const Post &other = m_posts.at(*it);
            if (earlier(other, target) && seen.insert(other.id).second)
                picked.push_back(&other);
        }
    std::sort(picked.begin(), picked.end(), [this](const Post *a, const Post *b) { return earlier(*a, *b); });
    std::vector<std::int64_t> out;
    out.reserve(picked.size() + 1);
    for (const Post *p : picked)
        out.push_back(p->id);
    out.push_back(postId);
    return out;
}

} // namespace chorus
