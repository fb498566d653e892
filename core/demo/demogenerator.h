#pragma once

#include "core/util/result.h"

#include <cstdint>
#include <string>

namespace chorus {

class Project;

struct DemoOptions {
    std::uint64_t seed = 7;
    int posts = 3000;
    int users = 200;
    int items = 300; // articles of the "interactions" dataset
#ifdef CHORUS_HAVE_MEDIA
    bool withMedia = true;
#else
    bool withMedia = false;
#endif
    int images = 600; // demo posts that get a picture (with media only)
    int videos = 60;  // demo posts that get a short clip (with media only)
    // Where pictures and clips are written; empty: "<project path>.media/".
    std::string mediaDir;
};

struct DemoSummary {
    std::int64_t postsDatasetId = 0;
    std::int64_t interactionsDatasetId = 0;
    std::int64_t postsAdded = 0;        // 0 when the demo was generated into this project before
    std::int64_t postsAlreadyThere = 0; // skipped as duplicates
    std::int64_t interactionsAdded = 0;
    std::int64_t interactionsAlreadyThere = 0;
    std::int64_t items = 0;
    std::int64_t images = 0; // files written
    std::int64_t videos = 0;
    std::string mediaDir;
};

// Fills a project with a synthetic but realistic-looking social-media corpus, so every part of
// Chorus can be tried without data of one's own:
// - dataset "demo": English and Chinese posts by users with latent topic interests, with labels
//   "sentiment" (positive/negative/neutral, visible in words and emoji), "topic"
//   (sports/politics/tech/food, visible in co-occurring topical words and hashtags, so topic
//   discovery can recover it) and "engagement" (a number: regression), likes/shares/replies,
//   reply threads, client apps, ~90 days of timestamps; with media, pictures whose colour and
//   shape follow the sentiment and clips whose motion is the label "motion";
// - dataset "interactions": the same users viewing, liking and sharing articles (items with a
//   topic) according to their interests and the articles' Zipf-distributed popularity; ordered
//   by time per user these are behaviour sequences.
// Everything follows from the seed (DeterministicRandom, fixed dates), and source ids are stable,
// so generating again into the same project adds nothing.
class DemoGenerator {
public:
    explicit DemoGenerator(DemoOptions options = DemoOptions());
    Result<DemoSummary> generate(Project &project);

    static constexpr const char *kPostsDataset = "demo";
    static constexpr const char *kInteractionsDataset = "interactions";

private:
    DemoOptions m_options;
};

} // namespace chorus
