#pragma once

#include "core/text/tokenizer.h"
#include "core/text/vocabulary.h"
#include "core/util/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

class Project;

// One source -> target pair, encoded. Ids carry no <bos>/<eos> and no padding: the model adds them.
struct SequenceExample {
    // Behaviour: the user's row id. Replies: the reply post's row id.
    std::int64_t key = 0;
    // Behaviour: the time of the first target action (the moment the prediction is made for).
    // Replies: the reply's time (0 when it has none).
    std::int64_t time = 0;
    std::vector<std::string> sourceTokens, targetTokens; // as read (after truncation), for metrics and display
    std::vector<std::int64_t> source, target;            // vocabulary ids of the tokens above
};

enum class SequenceSource {
    Behaviour, // per user: the previous `context` interactions -> the next `horizon` ones
    Replies,   // per reply post: the parent post's text -> the reply's text
};

struct SequenceDataOptions {
    SequenceSource source = SequenceSource::Replies;
    std::string dataset;
    // Replies: the split whose assignments decide the parts; 0 takes the dataset's latest stored split
    // when it has one. Posts the split does not cover (or every post, without a split) are assigned by
    // a hash of their source id. Behaviour ignores it: it always splits by time per user.
    std::int64_t splitId = 0;
    std::size_t context = 8; // behaviour: previous actions in the source, at most
    std::size_t horizon = 4; // behaviour: next actions in the target, exactly
    std::size_t maxSourceLength = 48; // replies: source tokens kept (the first ones)
    std::size_t maxTargetLength = 24; // replies: target tokens kept, <eos> included (so up to this - 1 words)
    std::int64_t minCount = 1;
    std::size_t maxVocabulary = 30000;
    TokenizerOptions tokenizer;

    static Result<SequenceSource> parseSource(const std::string &name); // "behaviour" | "replies"
    static const char *sourceName(SequenceSource source);
};

// The source -> target pairs of a project for a sequence-to-sequence model, with the vocabulary that
// encodes them (one table for both sides: for behaviour both are actions, for replies both are post
// text). The vocabulary is counted on the training pairs only, so valid/test tokens unseen in training
// are <unk> exactly as new text would be. Special ids: <pad> 0, <unk> 1, <bos> 2, <eos> 3.
//
// Behaviour: a user's interactions of the dataset, ordered by (time, row id), become tokens
// "<kind>:<item source id>" ("view:item-0042"). An example at position t has the next `horizon`
// actions s[t..t+horizon) as target and up to `context` actions before t as source. Parts are by time
// per user, so no example ever trains on what it is later tested against: the user's last example
// (target = the last `horizon` actions) is test, the example whose target ends just before the test
// target starts is valid, and train holds the examples whose target ends before the valid target
// starts. With horizon 1 that is exactly: last = test, second last = valid, the rest train. Users with
// few actions fill test first, then valid.
//
// Replies: every post of the dataset whose reply_to names a post of the same dataset gives the pair
// (parent text, reply text), tokenised with SocialTokenizer.
struct SequenceData {
    static constexpr std::int64_t kPadId = 0;
    static constexpr std::int64_t kUnknownId = 1;
    static constexpr std::int64_t kBeginId = 2;
    static constexpr std::int64_t kEndId = 3;

    SequenceSource source = SequenceSource::Replies;
    Vocabulary vocabulary;
    std::vector<SequenceExample> train, valid, test;
    std::int64_t splitId = 0;      // replies: the stored split used (0: none, every part by hash)
    std::int64_t hashAssigned = 0; // replies: pairs whose part came from the source-id hash
    TokenizerOptions tokenizer;
    std::size_t context = 8, horizon = 4, maxSourceLength = 48, maxTargetLength = 24;

    static Result<SequenceData> load(Project &project, const SequenceDataOptions &options);

    // The part a reply post falls in when no stored split covers it: 80/10/10 by a hash of its source
    // id (stable across imports and machines, unlike row ids).
    static int hashPart(const std::string &postSourceId); // 0 train, 1 valid, 2 test
    // "<kind>:<item>", the behaviour token of one interaction.
    static std::string actionToken(const std::string &kind, const std::string &item);

    // Encodes new text the way reply sources were encoded (for predict).
    std::vector<std::int64_t> encodeText(const std::string &text, std::size_t maxLength) const;
};

} // namespace chorus
