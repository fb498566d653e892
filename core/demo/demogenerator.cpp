#include "core/demo/demogenerator.h"

#include "core/demo/demolabels.h"
#include "core/demo/demotextcomposer.h"
#include "core/import/importwriter.h"
#include "core/store/project.h"
#include "core/util/deterministicrandom.h"

#ifdef CHORUS_HAVE_MEDIA
#include "core/media/demomedia.h"
#endif

#include <algorithm>
#include <array>
#include <cstdio>
#include <vector>

namespace chorus {
namespace {

// Fixed dates, never the clock: two runs must produce the same rows.
constexpr std::int64_t kDemoStart = 1735689600; // 2025-01-01 00:00:00 UTC
constexpr std::int64_t kDemoSpan = std::int64_t{90} * 86400;
constexpr std::int64_t kInfluencers = 10;

// Separate random streams per concern, so that changing how (say) images are drawn leaves the
// texts of an existing seed as they were.
enum Stream : std::uint64_t {
    kUserStream = 1,
    kPlanStream,
    kTextStream,
    kMediaChoiceStream,
    kItemStream,
    kInteractionStream,
    kMediaStreamBase = 1u << 20, // plus the post index: one stream per picture or clip
};

const std::array<const char *, 4> kClientApps = {"Chorus for Android", "Chorus for iPhone", "Chorus Web",
                                                 "Chorus for Desktop"};
const std::vector<double> kClientAppShares = {0.45, 0.30, 0.20, 0.05};
const std::vector<double> kSentimentShares = {0.36, 0.32, 0.32}; // positive, negative, neutral

struct DemoUser {
    std::string sourceId;
    std::string handle;
    bool chinese = false;
    std::vector<double> interests; // weight per DemoTopic
    std::size_t favourite = 0;
    double activity = 0; // relative posting rate
    std::size_t clientApp = 0;
    std::int64_t followers = 0;
};

struct PlannedPost {
    std::size_t author = 0;
    DemoTopic topic = DemoTopic::Sports;
    DemoSentiment sentiment = DemoSentiment::Neutral;
    bool chinese = false;
    int noun = 0;
    std::int64_t createdAt = 0;
    int parent = -1; // index of the post this one replies to
    int root = 0;    // index of the thread's first post
    std::int64_t replies = 0;
};

std::string numbered(const char *prefix, int number, int width)
{
    char digits[32];
    std::snprintf(digits, sizeof digits, "%0*d", width, number);
    return std::string(prefix) + digits;
}

std::string postSourceId(int index) { return numbered("demo-", index + 1, 6); }

std::vector<DemoUser> makeUsers(const DemoOptions &options)
{
    DeterministicRandom random(DeterministicRandom::derive(options.seed, kUserStream));
    std::vector<int> rank(static_cast<std::size_t>(options.users));
    for (std::size_t i = 0; i < rank.size(); ++i)
        rank[i] = static_cast<int>(i);
    random.shuffle(rank);
    std::vector<DemoUser> users;
    for (int u = 0; u < options.users; ++u) {
        DemoUser user;
        user.sourceId = numbered("demo-u", u + 1, 4);
        user.handle = DemoTextComposer::handle(random);
        user.chinese = random.chance(0.3);
        user.favourite = static_cast<std::size_t>(random.below(4));
        const std::size_t second = (user.favourite + 1 + random.below(3)) % 4;
        user.interests.assign(4, 0.06);
        user.interests[user.favourite] += 0.6;
        user.interests[second] += 0.22;
        const int r = rank[static_cast<std::size_t>(u)];
        user.activity = 1.0 / (r + 5); // a few very active users, a long tail of occasional ones
        user.clientApp = random.weighted(kClientAppShares);
        user.followers = random.between(10, 800);
        if (r < kInfluencers)
            user.followers += random.between(5000, 50000);
        users.push_back(std::move(user));
    }
    return users;
}

std::vector<PlannedPost> planPosts(const DemoOptions &options, const std::vector<DemoUser> &users)
{
    DeterministicRandom random(DeterministicRandom::derive(options.seed, kPlanStream));
    const auto n = static_cast<std::size_t>(options.posts);
    std::vector<std::int64_t> times(n);
    for (std::int64_t &t : times)
        t = kDemoStart + static_cast<std::int64_t>(random.below(kDemoSpan));
    std::sort(times.begin(), times.end());
    std::vector<double> activity;
    activity.reserve(users.size());
    for (const DemoUser &user : users)
        activity.push_back(user.activity);

    std::vector<PlannedPost> posts(n);
    for (std::size_t i = 0; i < n; ++i) {
        PlannedPost &post = posts[i];
        post.author = random.weighted(activity);
        post.createdAt = times[i];
        post.root = static_cast<int>(i);
        if (i > 0 && random.chance(0.25)) {
            // Answers go mostly to recent posts, on the parent's subject, from someone else.
            const std::size_t parent = i - 1 - static_cast<std::size_t>(random.below(std::min<std::size_t>(i, 150)));
            PlannedPost &answered = posts[parent];
            post.parent = static_cast<int>(parent);
            post.root = answered.root;
            post.topic = answered.topic;
            post.noun = random.chance(0.7) ? answered.noun
                                           : static_cast<int>(random.below(DemoTextComposer::kNounsPerTopic));
            if (post.author == answered.author && users.size() > 1)
                post.author =
                    (post.author + 1 + static_cast<std::size_t>(random.below(users.size() - 1))) % users.size();
            post.createdAt = std::max(post.createdAt, answered.createdAt + random.between(60, 7200));
            ++answered.replies;
        } else {
            post.topic = static_cast<DemoTopic>(random.weighted(users[post.author].interests));
            post.noun = static_cast<int>(random.below(DemoTextComposer::kNounsPerTopic));
        }
        const DemoUser &author = users[post.author];
        post.chinese = author.chinese ? random.chance(0.95) : random.chance(0.05);
        post.sentiment = static_cast<DemoSentiment>(random.weighted(kSentimentShares));
    }
    return posts;
}

// A plausible engagement score: hot topics and strong opinions travel further, influencers more
// so, plus noise. Only additions and multiplications, so it is the same on every platform.
double engagementOf(const PlannedPost &post, const DemoUser &author, DeterministicRandom &random)
{
    static const double topicBase[] = {1.4, 1.8, 1.1, 0.9};
    static const double sentimentBoost[] = {0.4, 0.7, -0.2};
    double value = topicBase[static_cast<int>(post.topic)] + sentimentBoost[static_cast<int>(post.sentiment)];
    if (author.followers > 5000)
        value += 0.6;
    value += 0.25 * random.roughNormal();
    return std::max(0.05, value);
}

std::string formatEngagement(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", value);
    return text;
}

struct ItemPlan {
    std::string sourceId;
    DemoTopic topic = DemoTopic::Sports;
};

} // namespace

DemoGenerator::DemoGenerator(DemoOptions options) : m_options(std::move(options)) {}

Result<DemoSummary> DemoGenerator::generate(Project &project)
{
    const DemoOptions &o = m_options;
    if (o.posts < 0 || o.users < 1 || o.items < 1 || o.images < 0 || o.videos < 0)
        return Error{"demo options need posts >= 0, users >= 1, items >= 1, images >= 0 and videos >= 0"};
#ifndef CHORUS_HAVE_MEDIA
    if (o.withMedia)
        return Error{"this Chorus was built without image and video support; generate the demo without media"};
#endif
    DemoSummary summary;
    summary.mediaDir = o.mediaDir.empty() ? project.path() + ".media/" : o.mediaDir;
    if (summary.mediaDir.back() != '/')
        summary.mediaDir += '/';

    auto postsDataset = project.ensureDataset(kPostsDataset, "posts");
    if (!postsDataset)
        return postsDataset.error();
    auto interactionsDataset = project.ensureDataset(kInteractionsDataset, "interactions");
    if (!interactionsDataset)
        return interactionsDataset.error();
    summary.postsDatasetId = *postsDataset;
    summary.interactionsDatasetId = *interactionsDataset;

    const std::vector<DemoUser> users = makeUsers(o);
    const std::vector<PlannedPost> plan = planPosts(o, users);

    // Which posts carry a picture or a clip: disjoint, drawn once.
    std::vector<int> mediaKind(plan.size(), 0); // 0 none, 1 image, 2 video
    std::vector<int> videoNumber(plan.size(), 0);
    if (o.withMedia) {
        DeterministicRandom random(DeterministicRandom::derive(o.seed, kMediaChoiceStream));
        std::vector<int> order(plan.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = static_cast<int>(i);
        random.shuffle(order);
        const std::size_t images = std::min(order.size(), static_cast<std::size_t>(o.images));
        const std::size_t videos = std::min(order.size() - images, static_cast<std::size_t>(o.videos));
        for (std::size_t k = 0; k < images; ++k)
            mediaKind[static_cast<std::size_t>(order[k])] = 1;
        for (std::size_t k = 0; k < videos; ++k) {
            mediaKind[static_cast<std::size_t>(order[images + k])] = 2;
            videoNumber[static_cast<std::size_t>(order[images + k])] = static_cast<int>(k);
        }
    }

    {
        ImportWriter writer(project.db(), summary.postsDatasetId, ImportOptions(), "");
        DeterministicRandom random(DeterministicRandom::derive(o.seed, kTextStream));
        for (std::size_t i = 0; i < plan.size(); ++i) {
            const PlannedPost &p = plan[i];
            const DemoUser &author = users[p.author];
            PostRecord post;
            post.sourceId = postSourceId(static_cast<int>(i));
            post.author.sourceId = author.sourceId;
            post.author.name = author.handle;
            post.author.extras = {{"followers", author.followers}};
            post.createdAt = p.createdAt;
            post.language = p.chinese ? "zh" : "en";
            if (p.parent >= 0) {
                post.text = DemoTextComposer::reply(random, p.chinese, p.topic, p.sentiment, p.noun,
                                                    users[plan[static_cast<std::size_t>(p.parent)].author].handle);
                post.replyTo = postSourceId(p.parent);
            } else {
                post.text = DemoTextComposer::post(random, p.chinese, p.topic, p.sentiment, p.noun);
            }
            post.threadId = postSourceId(p.root);
            const double engagement = engagementOf(p, author, random);
            post.likes = static_cast<std::int64_t>(engagement * engagement * 15.0) +
                         static_cast<std::int64_t>(random.below(8));
            post.shares = static_cast<std::int64_t>(engagement * 4.0) + static_cast<std::int64_t>(random.below(3));
            post.replies = p.replies;
            post.clientApp = kClientApps[random.chance(0.85) ? author.clientApp : random.weighted(kClientAppShares)];
            post.labels.push_back({"sentiment", demoName(p.sentiment)});
            post.labels.push_back({"topic", demoName(p.topic)});
            post.labels.push_back({"engagement", formatEngagement(engagement)});
#ifdef CHORUS_HAVE_MEDIA
            const std::uint64_t mediaSeed = DeterministicRandom::derive(o.seed, kMediaStreamBase + i);
            if (mediaKind[i] == 1) {
                auto image = DemoMedia::writeSentimentImage(summary.mediaDir + "images/" + post.sourceId + ".png",
                                                            p.sentiment, mediaSeed);
                if (!image)
                    return image.error();
                post.media.push_back(std::move(*image));
                ++summary.images;
            } else if (mediaKind[i] == 2) {
                const auto motion = static_cast<DemoMotion>(videoNumber[i] % 3);
                auto clip = DemoMedia::writeMotionClip(summary.mediaDir + "videos/" + post.sourceId + ".avi", motion,
                                                       mediaSeed);
                if (!clip)
                    return clip.error();
                post.media.push_back(std::move(*clip));
                post.labels.push_back({"motion", demoName(motion)});
                ++summary.videos;
            }
#endif
            if (!writer.post(std::move(post)))
                break;
        }
        if (Status s = writer.finish(); !s.ok())
            return Error{"cannot store the demo posts: " + s.message()};
        summary.postsAdded = writer.imported();
        summary.postsAlreadyThere = writer.duplicates();
    }

    // Articles: a topic each, and a popularity rank within their topic (Zipf: weight 1 / rank).
    std::array<std::vector<std::size_t>, 4> itemsOfTopic;
    std::array<std::vector<double>, 4> popularity;
    std::vector<ItemPlan> items(static_cast<std::size_t>(o.items));
    ImportWriter writer(project.db(), summary.interactionsDatasetId, ImportOptions(), "");
    {
        DeterministicRandom random(DeterministicRandom::derive(o.seed, kItemStream));
        std::vector<int> topics(items.size());
        for (std::size_t i = 0; i < topics.size(); ++i)
            topics[i] = static_cast<int>(i % 4);
        random.shuffle(topics);
        for (std::size_t i = 0; i < items.size(); ++i) {
            items[i].sourceId = numbered("item-", static_cast<int>(i + 1), 4);
            items[i].topic = static_cast<DemoTopic>(topics[i]);
            itemsOfTopic[static_cast<std::size_t>(topics[i])].push_back(i);
            const int noun = static_cast<int>(random.below(DemoTextComposer::kNounsPerTopic));
            ItemRecord item;
            item.sourceId = items[i].sourceId;
            item.title = DemoTextComposer::itemTitle(random, items[i].topic, noun);
            item.extras = {{"topic", demoName(items[i].topic)}};
            writer.item(std::move(item));
        }
        for (std::size_t t = 0; t < 4; ++t) {
            random.shuffle(itemsOfTopic[t]);
            for (std::size_t rank = 0; rank < itemsOfTopic[t].size(); ++rank)
                popularity[t].push_back(1.0 / static_cast<double>(rank + 1));
        }
        summary.items = static_cast<std::int64_t>(items.size());
    }

    // Behaviour: sessions over the 90 days; each view may be followed by a like or a share.
    DeterministicRandom random(DeterministicRandom::derive(o.seed, kInteractionStream));
    const std::int64_t end = kDemoStart + kDemoSpan;
    for (const DemoUser &user : users) {
        const int events = random.between(15, 60);
        std::int64_t t = kDemoStart + static_cast<std::int64_t>(random.below(std::uint64_t{20} * 86400));
        for (int e = 0; e < events; ++e) {
            t += random.between(300, 129600);
            if (t >= end)
                break;
            std::size_t topic = random.chance(0.85) ? random.weighted(user.interests)
                                                    : static_cast<std::size_t>(random.below(4));
            if (itemsOfTopic[topic].empty())
                topic = static_cast<std::size_t>(std::find_if(itemsOfTopic.begin(), itemsOfTopic.end(),
                                                              [](const auto &list) { return !list.empty(); }) -
                                                 itemsOfTopic.begin());
            const std::string &item = items[itemsOfTopic[topic][random.weighted(popularity[topic])]].sourceId;
            auto emit = [&](const char *kind) {
                InteractionRecord record;
                record.userSourceId = user.sourceId;
                record.item = item;
                record.kind = kind;
                record.createdAt = t;
                return writer.interaction(std::move(record));
            };
            bool ok = emit("view");
            if (ok && random.chance(topic == user.favourite ? 0.45 : 0.2)) {
                t += random.between(5, 300);
                ok = emit("like");
            }
            if (ok && random.chance(0.06)) {
                t += random.between(10, 600);
                ok = emit("share");
            }
            if (!ok)
                break;
        }
    }
    if (Status s = writer.finish(); !s.ok())
        return Error{"cannot store the demo interactions: " + s.message()};
    summary.interactionsAdded = writer.imported();
    summary.interactionsAlreadyThere = writer.duplicates();
    return summary;
}

} // namespace chorus
