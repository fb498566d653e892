#include "core/training/sequencedata.h"

#include "core/split/datasetsplitter.h"
#include "core/store/project.h"
#include "core/util/deterministicrandom.h"

#include <algorithm>

namespace chorus {
namespace {

struct Action {
    std::string token;
    std::int64_t time = 0;
};

// Counts the training examples' tokens, fixes the ids and encodes every part.
Status finishVocabulary(SequenceData &data, const SequenceDataOptions &options)
{
    for (const SequenceExample &e : data.train) {
        if (Status s = data.vocabulary.add(e.sourceTokens); !s.ok())
            return s;
        if (Status s = data.vocabulary.add(e.targetTokens); !s.ok())
            return s;
    }
    if (Status s = data.vocabulary.finalize(options.minCount, options.maxVocabulary); !s.ok())
        return s;
    // The model relies on these ids; defaultSpecialTokens() gives them, this guards against a change there.
    if (data.vocabulary.specialId(Vocabulary::kPad) != SequenceData::kPadId ||
        data.vocabulary.specialId(Vocabulary::kUnknown) != SequenceData::kUnknownId ||
        data.vocabulary.specialId(Vocabulary::kBegin) != SequenceData::kBeginId ||
        data.vocabulary.specialId(Vocabulary::kEnd) != SequenceData::kEndId)
        return Error{"the vocabulary's special tokens are not <pad> <unk> <bos> <eos> in that order"};
    for (auto *part : {&data.train, &data.valid, &data.test}) {
        for (SequenceExample &e : *part) {
            e.source = data.vocabulary.encode(e.sourceTokens);
            e.target = data.vocabulary.encode(e.targetTokens);
        }
    }
    return Status::success();
}

// Turns one user's time-ordered actions into examples (see SequenceData for the rules).
void addUserExamples(SequenceData &data, std::int64_t user, const std::vector<Action> &actions,
                     const SequenceDataOptions &options)
{
    const std::size_t n = actions.size();
    const std::size_t m = options.horizon;
    auto makeExample = [&](std::size_t t) {
        SequenceExample e;
        e.key = user;
        e.time = actions[t].time;
        for (std::size_t i = t > options.context ? t - options.context : 0; i < t; ++i)
            e.sourceTokens.push_back(actions[i].token);
        for (std::size_t i = t; i < t + m; ++i)
            e.targetTokens.push_back(actions[i].token);
        return e;
    };
    // An example needs at least one action before its target.
    if (n < m + 1)
        return;
    const std::size_t testStart = n - m;
    data.test.push_back(makeExample(testStart));
    if (testStart < m + 1)
        return;
    const std::size_t validStart = testStart - m;
    data.valid.push_back(makeExample(validStart));
    if (validStart < m + 1)
        return;
    // Training targets end at or before validStart: t + m <= validStart.
    for (std::size_t t = 1; t + m <= validStart; ++t)
        data.train.push_back(makeExample(t));
}

Status loadBehaviour(Project &project, std::int64_t datasetId, const SequenceDataOptions &options, SequenceData &data)
{
    auto select = project.db().prepare("SELECT user_id, kind, item, created_at FROM interactions WHERE dataset_id = ?1"
                                       " ORDER BY user_id, created_at, id");
    if (!select)
        return select.error();
    select->bind(1, datasetId);
    std::vector<Action> actions;
    std::int64_t user = 0;
    bool any = false;
    while (select->step()) {
        const std::int64_t rowUser = select->int64(0);
        if (any && rowUser != user) {
            addUserExamples(data, user, actions, options);
            actions.clear();
        }
        user = rowUser;
        any = true;
        actions.push_back({SequenceData::actionToken(select->text(1), select->text(2)), select->int64(3)});
    }
    if (select->failed())
        return Error{"cannot read interactions: " + select->lastError()};
    if (!any)
        return Error{"dataset: '" + options.dataset + "' has no interactions; behaviour sequences need them"};
    addUserExamples(data, user, actions, options);
    if (data.train.empty())
        return Error{"dataset: no user of '" + options.dataset + "' has enough interactions for a training example (" +
                     "each needs more than 3 x horizon = " + std::to_string(3 * options.horizon) + ")"};
    return Status::success();
}

Status loadReplies(Project &project, std::int64_t datasetId, const SequenceDataOptions &options, SequenceData &data)
{
    std::int64_t splitId = options.splitId;
    if (splitId == 0) {
        auto latest = DatasetSplitter::latest(project, options.dataset);
        if (latest)
            splitId = *latest; // no stored split is fine: every pair is assigned by hash
    } else {
        auto exists = project.db().prepare("SELECT count(*) FROM splits WHERE id = ?1 AND dataset_id = ?2");
        if (!exists)
            return exists.error();
        exists->bind(1, splitId).bind(2, datasetId);
        if (!exists->step())
            return Error{exists->lastError()};
        if (exists->int64(0) == 0)
            return Error{"split: split " + std::to_string(splitId) + " is not a split of dataset '" + options.dataset +
                         "'"};
    }
    data.splitId = splitId;

    auto select = project.db().prepare(
        "SELECT r.id, r.source_id, coalesce(r.created_at, 0), p.text, r.text, a.part FROM posts r"
        " JOIN posts p ON p.dataset_id = r.dataset_id AND p.source_id = r.reply_to"
        " LEFT JOIN split_assignments a ON a.post_id = r.id AND a.split_id = ?2"
        " WHERE r.dataset_id = ?1 AND r.reply_to IS NOT NULL ORDER BY r.id");
    if (!select)
        return select.error();
    select->bind(1, datasetId).bind(2, splitId);
    const SocialTokenizer tokenizer(options.tokenizer);
    const std::size_t targetWords = options.maxTargetLength - 1; // room for <eos>
    while (select->step()) {
        SequenceExample e;
        e.key = select->int64(0);
        e.time = select->int64(2);
        e.sourceTokens = tokenizer.tokenize(select->textView(3));
        if (e.sourceTokens.size() > options.maxSourceLength)
            e.sourceTokens.resize(options.maxSourceLength);
        e.targetTokens = tokenizer.tokenize(select->textView(4));
        if (e.targetTokens.size() > targetWords)
            e.targetTokens.resize(targetWords);
        int part = 0;
        if (select->isNull(5)) {
            part = SequenceData::hashPart(select->text(1));
            ++data.hashAssigned;
        } else {
            const std::string_view name = select->textView(5);
            part = name == "train" ? 0 : name == "valid" ? 1 : 2;
        }
        (part == 0 ? data.train : part == 1 ? data.valid : data.test).push_back(std::move(e));
    }
    if (select->failed())
        return Error{"cannot read reply threads: " + select->lastError()};
    if (data.train.empty() && data.valid.empty() && data.test.empty())
        return Error{"dataset: '" + options.dataset + "' has no replies whose parent post is in the dataset"};
    if (data.train.empty())
        return Error{"split: no reply of '" + options.dataset + "' is in the training part"};
    return Status::success();
}

} // namespace

Result<SequenceSource> SequenceDataOptions::parseSource(const std::string &name)
{
    if (name == "behaviour" || name == "behavior")
        return SequenceSource::Behaviour;
    if (name == "replies")
        return SequenceSource::Replies;
    return Error{"params.source: must be \"behaviour\" or \"replies\", got \"" + name + "\""};
}

const char *SequenceDataOptions::sourceName(SequenceSource source)
{
    return source == SequenceSource::Behaviour ? "behaviour" : "replies";
}

int SequenceData::hashPart(const std::string &postSourceId)
{
    // FNV-1a, then splitmix64 to spread nearby ids; both fixed-width integer arithmetic only.
    std::uint64_t hash = 1469598103934665603ULL;
    for (unsigned char c : postSourceId) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    const std::uint64_t bucket = DeterministicRandom::mix(hash) % 100;
    return bucket < 80 ? 0 : bucket < 90 ? 1 : 2;
}

std::string SequenceData::actionToken(const std::string &kind, const std::string &item)
{
    return kind + ":" + item;
}

std::vector<std::int64_t> SequenceData::encodeText(const std::string &text, std::size_t maxLength) const
{
    std::vector<std::string> tokens = SocialTokenizer(tokenizer).tokenize(text);
    if (tokens.size() > maxLength)
        tokens.resize(maxLength);
    return vocabulary.encode(tokens);
}

Result<SequenceData> SequenceData::load(Project &project, const SequenceDataOptions &options)
{
    if (options.source == SequenceSource::Behaviour && (options.context < 1 || options.horizon < 1))
        return Error{"params.context and params.horizon: both must be at least 1"};
    if (options.source == SequenceSource::Replies && (options.maxSourceLength < 1 || options.maxTargetLength < 2))
        return Error{"params.max_target_length: must be at least 2 (one word and <eos>)"};
    auto datasetId = project.datasetId(options.dataset);
    if (!datasetId)
        return Error{"dataset: no dataset named '" + options.dataset + "'"};

    SequenceData data;
    data.source = options.source;
    data.tokenizer = options.tokenizer;
    data.context = options.context;
    data.horizon = options.horizon;
    data.maxSourceLength = options.maxSourceLength;
    data.maxTargetLength = options.maxTargetLength;
    Status loaded = options.source == SequenceSource::Behaviour ? loadBehaviour(project, *datasetId, options, data)
                                                                : loadReplies(project, *datasetId, options, data);
    if (!loaded.ok())
        return loaded.error();
    if (Status s = finishVocabulary(data, options); !s.ok())
        return s.error();
    return data;
}

} // namespace chorus
