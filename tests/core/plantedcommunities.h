#pragma once
// Interactions with planted structure for the recommender tests: two communities of users with
// disjoint tastes. Community "a" (30 users) reads outdoor articles a00..a29, community "b" (20
// users) jazz articles b00..b29; each user reads 10 of their community's articles at increasing
// times. The larger community makes the popularity baseline recommend outdoor articles to
// everyone, so it fails community b, while personalised models should not.
#include "core/import/importoptions.h"
#include "core/import/importwriter.h"
#include "core/recommend/interactionmatrix.h"
#include "core/store/project.h"
#include "core/util/deterministicrandom.h"

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace planted {

constexpr int kUsersA = 30;
constexpr int kUsersB = 20;
constexpr int kItemsPerCommunity = 30;
constexpr int kItemsPerUser = 10;

struct Event {
    std::string user; // "a07", "b12"
    std::string item; // "a03", "b21"
    double weight = 1.0;
    std::int64_t at = 0;
};

inline std::string name(char community, int index)
{
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%c%02d", community, index);
    return buffer;
}

inline std::vector<Event> events()
{
    chorus::DeterministicRandom random(2024);
    std::vector<Event> list;
    std::int64_t at = 1700000000;
    for (char community : {'a', 'b'}) {
        const int users = community == 'a' ? kUsersA : kUsersB;
        for (int u = 0; u < users; ++u) {
            std::vector<int> items(kItemsPerCommunity);
            for (int i = 0; i < kItemsPerCommunity; ++i)
                items[static_cast<std::size_t>(i)] = i;
            // A partial Fisher-Yates with the project's PRNG: the same picks everywhere.
            for (int i = 0; i < kItemsPerUser; ++i) {
                const int j = i + static_cast<int>(random.below(static_cast<std::uint64_t>(kItemsPerCommunity - i)));
                std::swap(items[static_cast<std::size_t>(i)], items[static_cast<std::size_t>(j)]);
                list.push_back({name(community, u), name(community, items[static_cast<std::size_t>(i)]),
                                1.0 + static_cast<double>(random.below(3)), at += 60});
            }
        }
    }
    return list;
}

// Users are numbered 1000 + index, a then b, so a user's community is its id below 1000 + kUsersA.
inline chorus::InteractionMatrix matrix()
{
    std::vector<chorus::InteractionTriplet> triplets;
    for (const Event &e : events()) {
        const int index = std::stoi(e.user.substr(1)) + (e.user[0] == 'b' ? kUsersA : 0);
        triplets.push_back({1000 + index, e.item, e.weight, e.at});
    }
    return chorus::InteractionMatrix::fromTriplets(triplets);
}

inline bool inCommunityA(std::int64_t matrixUserId)
{
    return matrixUserId < 1000 + kUsersA;
}

// A project with dataset "planted" (kind interactions): the events and the articles' titles and
// topics. An empty string on success, else what failed.
inline std::string writeProject(const std::string &path)
{
    auto project = chorus::Project::open(path);
    if (!project)
        return project.message();
    auto dataset = (*project)->ensureDataset("planted", "interactions");
    if (!dataset)
        return dataset.message();
    chorus::ImportWriter writer((*project)->db(), *dataset, chorus::ImportOptions(), "");
    for (int i = 0; i < kItemsPerCommunity; ++i) {
        chorus::ItemRecord outdoor;
        outdoor.sourceId = name('a', i);
        outdoor.title = "Alpine hiking trail guide " + std::to_string(i);
        outdoor.extras = {{"topic", "outdoors"}};
        writer.item(std::move(outdoor));
        chorus::ItemRecord jazz;
        jazz.sourceId = name('b', i);
        jazz.title = "Jazz piano record review " + std::to_string(i);
        jazz.extras = {{"topic", "music"}};
        writer.item(std::move(jazz));
    }
    std::uint64_t line = 0;
    for (const Event &e : events()) {
        chorus::InteractionRecord record;
        record.line = ++line;
        record.userSourceId = e.user;
        record.item = e.item;
        record.kind = "view";
        record.weight = e.weight;
        record.createdAt = e.at;
        writer.interaction(std::move(record));
    }
    const chorus::Status finished = writer.finish();
    return finished.ok() ? std::string() : finished.message();
}

} // namespace planted
