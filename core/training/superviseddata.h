#pragma once

#include "core/text/posttokenizer.h"
#include "core/text/tokenizer.h"
#include "core/text/vocabulary.h"
#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace chorus {

class Project;
class ReplyThreads;

// A label task as the data defines it: the sorted distinct values are the classes, unless every
// value is a number and there are many of them (or the caller says so), which makes it a
// regression target.
//
// Engagement tasks: a task named "post.likes", "post.shares" or "post.replies" needs no labels; its
// target is the post's own count, log-scaled (log1p), since engagement is heavy-tailed and a
// squared error on raw counts would be ruled by a few viral posts. Always a regression.
struct LabelTask {
    std::string name;
    bool regression = false;
    std::vector<std::string> classes; // classification only
    std::string transform;            // "log1p" for engagement tasks, empty otherwise

    static constexpr const char *kEngagementPrefix = "post.";
    // The posts column behind an engagement task ("likes" for "post.likes"), empty for any other.
    static std::string engagementColumn(const std::string &taskName);
};

// One post, encoded for training: token ids, one target per task and where its media are.
struct PostExample {
    std::int64_t postId = 0;
    std::vector<std::int64_t> ids; // token ids, at most maxLength, no padding
    // Per task (in SupervisedData::tasks order): the class index, or the value for a regression
    // task; NaN where the post has no label for that task.
    std::vector<double> targets;
    std::int64_t imageMedia = 0; // media row id of the post's first image, 0 when none
    std::int64_t videoMedia = 0; // media row id of the post's first video, 0 when none
    // With thread context (SupervisedDataOptions::threadPosts > 0): the posts of its reply thread
    // the model reads with it (ReplyThreads::context), oldest first, this post last. Their tokens
    // are in SupervisedData::threadPostTokens. Empty without thread context.
    std::vector<std::int64_t> thread;
};

struct SupervisedDataOptions {
    std::string dataset;
    std::vector<std::string> tasks; // the primary task first; at least one
    std::vector<std::string> regressionTasks; // forced to regression whatever their values look like
    std::int64_t splitId = 0;       // 0: the dataset's latest stored split
    std::size_t maxLength = 64;
    std::int64_t minCount = 1;
    std::size_t maxVocabulary = 50000;
    TokenizerOptions tokenizer;
    // Set: posts are split into the pieces of a SentencePiece model trained on the text of the
    // split's training posts (the project's own text, never validation or test) instead of by the
    // social tokenizer.
    std::optional<SentencePieceOptions> sentencePiece;
    // Keep only posts that have an image / a video (families that read nothing else).
    bool requireImage = false;
    bool requireVideo = false;
    // Numeric tasks with more distinct values than this are regression targets.
    std::size_t regressionThreshold = 20;
    // > 0: give every post its reply-thread context of at most this many posts (for families that
    // read "thread"). Context posts may be unlabelled or in another part of the split: only their
    // text is read, never their labels. The vocabulary counts the words of training posts and of
    // their context posts (what the model reads in training).
    std::size_t threadPosts = 0;
};

// The posts of a dataset's split with their labels for one or more tasks, tokenised and encoded
// once: the vocabulary comes from the training part only (no leakage), classes are the sorted
// distinct values. Posts lacking the primary task's label are left out (and counted) unless other
// tasks label them. Media are referenced by id and decoded batch by batch, so memory stays small.
struct SupervisedData {
    Vocabulary vocabulary;
    std::vector<LabelTask> tasks;
    std::vector<PostExample> train, valid, test;
    std::int64_t splitId = 0;
    std::int64_t unlabelled = 0;
    std::int64_t withoutMedia = 0; // left out for lack of the required image or video
    std::int64_t withImage = 0;
    std::int64_t withVideo = 0;
    PostTokenizer tokenizer;
    std::size_t maxLength = 64;
    std::size_t threadPosts = 0;
    // Token ids (encoded like the examples' ids) of every post some example's thread names.
    std::unordered_map<std::int64_t, std::vector<std::int64_t>> threadPostTokens;

    static Result<SupervisedData> load(Project &project, const SupervisedDataOptions &options);
    // Sets each example's `thread` to its context in `threads` (at most maxPosts posts) and encodes
    // the posts named there into threadPostTokens, reading the texts of those not yet encoded. For
    // the trainer's parts and for posts explained one at a time with a loaded run's encoding.
    Status attachThreads(Project &project, const ReplyThreads &threads, std::size_t maxPosts,
                         std::vector<PostExample> &examples);

    const LabelTask &primary() const { return tasks.front(); }
    // What predict and explain need to encode new posts exactly as the training posts were
    // (the "encoding" artifact of a run). The first task's classes are also stored as "classes".
    nlohmann::json encodingJson() const;
    std::vector<std::int64_t> encode(const std::string &text) const;
};

} // namespace chorus
