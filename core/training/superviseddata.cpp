#include "core/training/superviseddata.h"

#include "core/split/datasetsplitter.h"
#include "core/store/project.h"
#include "core/training/replythreads.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <map>
#include <set>
#include <unordered_set>

namespace chorus {
namespace {

bool parseNumber(const std::string &text, double &value)
{
    if (text.empty())
        return false;
    const char *end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    return ec == std::errc() && ptr == end && std::isfinite(value);
}

struct RawPost {
    std::int64_t postId = 0;
    std::vector<std::string> tokens;
    std::vector<std::string> labels; // per task, empty when missing
    std::vector<bool> present;
    SplitPart part = SplitPart::Train;
    std::int64_t imageMedia = 0;
    std::int64_t videoMedia = 0;
    std::vector<std::int64_t> thread; // with thread context: ReplyThreads::context of the post
};

} // namespace

// The text of the split's training posts, streamed from the project into SentencePiece's trainer.
static Result<SentencePieceModel> trainSentencePiece(Project &project, std::int64_t splitId, std::int64_t datasetId,
                                                     const SentencePieceOptions &options)
{
    auto texts = project.db().prepare("SELECT p.text FROM split_assignments a JOIN posts p ON p.id = a.post_id"
                                      " WHERE a.split_id = ?1 AND p.dataset_id = ?2 AND a.part = 'train' ORDER BY p.id");
    if (!texts)
        return texts.error();
    texts->bind(1, splitId).bind(2, datasetId);
    const SentencePieceModel::SentenceReader reader = [&](std::string &sentence) {
        if (!texts->step())
            return false;
        sentence = texts->text(0);
        return true;
    };
    auto model = SentencePieceModel::train(reader, options);
    if (texts->failed())
        return Error{"cannot read the training posts' text: " + texts->lastError()};
    if (!model) {
        // SentencePiece keeps every character it must cover as a piece of its own; say so in the
        // run config's terms rather than the trainer's ("400 vs 518").
        const std::string &message = model.message();
        const std::size_t at = message.find("smaller than required_chars. ");
        if (at != std::string::npos) {
            const std::string sizes = message.substr(at + std::strlen("smaller than required_chars. "));
            const std::size_t versus = sizes.find(" vs ");
            if (versus != std::string::npos) {
                const std::string needed = sizes.substr(versus + 4, sizes.find_first_not_of("0123456789", versus + 4) - versus - 4);
                return Error{"params.sentencepiece_pieces: " + std::to_string(options.vocabSize) +
                             " pieces cannot hold the " + needed +
                             " distinct characters (and special pieces) of the training posts; use more pieces than that"};
            }
        }
        return Error{"params.tokenizer: " + message};
    }
    return model;
}

std::string LabelTask::engagementColumn(const std::string &taskName)
{
    static const char *const columns[] = {"likes", "shares", "replies"};
    const std::string prefix = kEngagementPrefix;
    if (taskName.compare(0, prefix.size(), prefix) != 0)
        return {};
    for (const char *column : columns)
        if (taskName.compare(prefix.size(), std::string::npos, column) == 0)
            return column;
    return {};
}

Result<SupervisedData> SupervisedData::load(Project &project, const SupervisedDataOptions &options)
{
    if (options.tasks.empty())
        return Error{"task: a supervised run needs a label task"};
    auto datasetId = project.datasetId(options.dataset);
    if (!datasetId)
        return Error{"dataset: no dataset named '" + options.dataset + "'"};
    std::int64_t splitId = options.splitId;
    if (splitId == 0) {
        auto latest = DatasetSplitter::latest(project, options.dataset);
        if (!latest)
            return Error{"split: dataset '" + options.dataset + "' has no stored split; make one with chorus-cli split"};
        splitId = *latest;
    }

    // Engagement tasks read columns 5.. of the select below (likes, shares, replies).
    std::vector<int> engagementColumn(options.tasks.size(), -1);
    for (std::size_t t = 0; t < options.tasks.size(); ++t) {
        const std::string &name = options.tasks[t];
        const std::string column = LabelTask::engagementColumn(name);
        if (!column.empty())
            engagementColumn[t] = column == "likes" ? 5 : column == "shares" ? 6 : 7;
        else if (name.compare(0, std::strlen(LabelTask::kEngagementPrefix), LabelTask::kEngagementPrefix) == 0)
            return Error{"task: '" + name + "' is not an engagement task; use post.likes, post.shares or post.replies"};
    }

    auto select = project.db().prepare(
        "SELECT p.id, p.text, a.part,"
        " (SELECT m.id FROM media m WHERE m.post_id = p.id AND m.kind = 'image' ORDER BY m.id LIMIT 1),"
        " (SELECT m.id FROM media m WHERE m.post_id = p.id AND m.kind = 'video' ORDER BY m.id LIMIT 1),"
        " p.likes, p.shares, p.replies"
        " FROM split_assignments a JOIN posts p ON p.id = a.post_id"
        " WHERE a.split_id = ?1 AND p.dataset_id = ?2 ORDER BY p.id");
    if (!select)
        return select.error();
    select->bind(1, splitId).bind(2, *datasetId);
    auto labelsOf = project.db().prepare("SELECT task, value FROM labels WHERE post_id = ?1");
    if (!labelsOf)
        return labelsOf.error();

    SupervisedData data;
    data.splitId = splitId;
    data.tokenizer = PostTokenizer(options.tokenizer);
    if (options.sentencePiece) {
        auto trained = trainSentencePiece(project, splitId, *datasetId, *options.sentencePiece);
        if (!trained)
            return trained.error();
        data.tokenizer = PostTokenizer::sentencePiece(std::move(*trained));
    }
    data.maxLength = options.maxLength;
    const PostTokenizer &tokenizer = data.tokenizer;
    std::map<std::string, std::size_t> taskIndex;
    for (std::size_t i = 0; i < options.tasks.size(); ++i)
        taskIndex.emplace(options.tasks[i], i);
    const std::size_t taskCount = options.tasks.size();
    std::vector<std::set<std::string>> values(taskCount);
    std::vector<RawPost> rows;
    std::vector<std::int64_t> labelled(taskCount, 0);
    while (select->step()) {
        RawPost raw;
        raw.postId = select->int64(0);
        raw.labels.assign(taskCount, {});
        raw.present.assign(taskCount, false);
        labelsOf->reset();
        labelsOf->bind(1, raw.postId);
        bool any = false;
        while (labelsOf->step()) {
            auto found = taskIndex.find(labelsOf->text(0));
            if (found == taskIndex.end())
                continue;
            raw.labels[found->second] = labelsOf->text(1);
            raw.present[found->second] = true;
            any = true;
        }
        if (labelsOf->failed())
            return Error{"cannot read labels: " + labelsOf->lastError()};
        for (std::size_t t = 0; t < taskCount; ++t) {
            const int column = engagementColumn[t];
            // A count the source did not give (NULL) is missing, not zero engagement.
            if (column < 0 || select->isNull(column) || select->int64(column) < 0)
                continue;
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%.17g", std::log1p(static_cast<double>(select->int64(column))));
            raw.labels[t] = buffer;
            raw.present[t] = true;
            any = true;
        }
        // Single-task runs keep only posts labelled for the task; multi-task runs keep posts that
        // any task labels (the missing targets are masked out of the loss).
        if (!(taskCount == 1 ? raw.present[0] : any)) {
            ++data.unlabelled;
            continue;
        }
        const std::string_view part = select->textView(2);
        raw.part = part == "train" ? SplitPart::Train : part == "valid" ? SplitPart::Valid : SplitPart::Test;
        raw.tokens = tokenizer.tokenize(select->textView(1));
        if (raw.tokens.size() > options.maxLength)
            raw.tokens.resize(options.maxLength);
        raw.imageMedia = select->isNull(3) ? 0 : select->int64(3);
        raw.videoMedia = select->isNull(4) ? 0 : select->int64(4);
        if ((options.requireImage && raw.imageMedia == 0) || (options.requireVideo && raw.videoMedia == 0)) {
            ++data.withoutMedia;
            continue;
        }
        for (std::size_t t = 0; t < taskCount; ++t)
            if (raw.present[t]) {
                values[t].insert(raw.labels[t]);
                ++labelled[t];
            }
        if (raw.part == SplitPart::Train) {
            if (Status s = data.vocabulary.add(raw.tokens); !s.ok())
                return s.error();
        }
        rows.push_back(std::move(raw));
    }
    if (select->failed())
        return Error{"cannot read posts: " + select->lastError()};
    for (std::size_t t = 0; t < taskCount; ++t)
        if (labelled[t] == 0)
            return Error{"task: no post of split " + std::to_string(splitId) + " has a label for task '" +
                         options.tasks[t] + "'" +
                         (options.requireImage || options.requireVideo
                              ? std::string(" and ") + (options.requireImage ? "an image" : "a video")
                              : std::string())};
    // Thread context: the texts of the posts read with each example. The vocabulary also counts
    // the words of the context of training posts, since the model reads them in training (their
    // labels, if any, are never read).
    std::unordered_map<std::int64_t, std::vector<std::string>> contextTokens;
    if (options.threadPosts > 0) {
        auto threads = ReplyThreads::load(project, *datasetId);
        if (!threads)
            return threads.error();
        std::unordered_map<std::int64_t, const RawPost *> byId;
        for (const RawPost &raw : rows)
            byId.emplace(raw.postId, &raw);
        auto textOf = project.db().prepare("SELECT text FROM posts WHERE id = ?1");
        if (!textOf)
            return textOf.error();
        for (RawPost &raw : rows) {
            raw.thread = threads->context(raw.postId, options.threadPosts);
            for (std::int64_t id : raw.thread) {
                if (contextTokens.count(id))
                    continue;
                if (auto known = byId.find(id); known != byId.end()) {
                    contextTokens.emplace(id, known->second->tokens);
                    continue;
                }
                textOf->reset();
                textOf->bind(1, id);
                if (!textOf->step())
                    return Error{"cannot read the thread of post " + std::to_string(raw.postId) + ": " +
                                 (textOf->failed() ? textOf->lastError() : "post " + std::to_string(id) + " is missing")};
                std::vector<std::string> tokens = tokenizer.tokenize(textOf->textView(0));
                if (tokens.size() > options.maxLength)
                    tokens.resize(options.maxLength);
                contextTokens.emplace(id, std::move(tokens));
            }
        }
        std::unordered_set<std::int64_t> counted;
        for (const RawPost &raw : rows)
            if (raw.part == SplitPart::Train)
                counted.insert(raw.postId); // counted above
        for (const RawPost &raw : rows)
            if (raw.part == SplitPart::Train)
                for (std::int64_t id : raw.thread)
                    if (counted.insert(id).second)
                        if (Status s = data.vocabulary.add(contextTokens.at(id)); !s.ok())
                            return s.error();
    }
    if (Status s = data.vocabulary.finalize(options.minCount, options.maxVocabulary); !s.ok())
        return s.error();

    std::vector<std::map<std::string, double>> classIndex(taskCount);
    for (std::size_t t = 0; t < taskCount; ++t) {
        LabelTask task;
        task.name = options.tasks[t];
        const bool engagement = engagementColumn[t] >= 0;
        if (engagement)
            task.transform = "log1p";
        const bool forced = engagement ||
                            std::find(options.regressionTasks.begin(), options.regressionTasks.end(), task.name) !=
                                options.regressionTasks.end();
        bool numeric = true;
        double ignored = 0;
        for (const std::string &v : values[t])
            numeric = numeric && parseNumber(v, ignored);
        if (forced && !numeric)
            return Error{"task: '" + task.name + "' is a regression task but has values that are not numbers"};
        task.regression = forced || (numeric && values[t].size() > options.regressionThreshold);
        if (!task.regression) {
            if (values[t].size() < 2)
                return Error{"task: '" + task.name + "' has a single class; a classifier needs at least two"};
            for (const std::string &v : values[t]) {
                classIndex[t].emplace(v, static_cast<double>(task.classes.size()));
                task.classes.push_back(v);
            }
        }
        data.tasks.push_back(std::move(task));
    }

    for (RawPost &raw : rows) {
        PostExample example;
        example.postId = raw.postId;
        example.ids = data.vocabulary.encode(raw.tokens);
        example.imageMedia = raw.imageMedia;
        example.videoMedia = raw.videoMedia;
        example.thread = std::move(raw.thread);
        data.withImage += raw.imageMedia != 0;
        data.withVideo += raw.videoMedia != 0;
        example.targets.assign(taskCount, std::numeric_limits<double>::quiet_NaN());
        for (std::size_t t = 0; t < taskCount; ++t) {
            if (!raw.present[t])
                continue;
            if (data.tasks[t].regression)
                parseNumber(raw.labels[t], example.targets[t]);
            else
                example.targets[t] = classIndex[t][raw.labels[t]];
        }
        switch (raw.part) {
        case SplitPart::Train: data.train.push_back(std::move(example)); break;
        case SplitPart::Valid: data.valid.push_back(std::move(example)); break;
        case SplitPart::Test: data.test.push_back(std::move(example)); break;
        }
    }
    if (data.train.empty())
        return Error{"split: split " + std::to_string(splitId) + " has no labelled training posts"};
    data.threadPosts = options.threadPosts;
    for (const auto &[id, tokens] : contextTokens)
        data.threadPostTokens.emplace(id, data.vocabulary.encode(tokens));
    return data;
}

Status SupervisedData::attachThreads(Project &project, const ReplyThreads &threads, std::size_t maxPosts,
                                     std::vector<PostExample> &examples)
{
    threadPosts = std::max(threadPosts, maxPosts);
    auto textOf = project.db().prepare("SELECT text FROM posts WHERE id = ?1");
    if (!textOf)
        return textOf.error();
    for (PostExample &example : examples) {
        example.thread = threads.context(example.postId, maxPosts);
        for (std::int64_t id : example.thread) {
            if (threadPostTokens.count(id))
                continue;
            textOf->reset();
            textOf->bind(1, id);
            if (!textOf->step())
                return Error{textOf->failed() ? "cannot read the thread of post " + std::to_string(example.postId) +
                                                    ": " + textOf->lastError()
                                              : "post " + std::to_string(id) + " of a thread is missing"};
            threadPostTokens.emplace(id, encode(textOf->text(0)));
        }
    }
    return {};
}

nlohmann::json SupervisedData::encodingJson() const
{
    nlohmann::json tasksJson = nlohmann::json::array();
    for (const LabelTask &task : tasks)
        tasksJson.push_back({{"name", task.name},
                             {"regression", task.regression},
                             {"classes", task.classes},
                             {"transform", task.transform}});
    nlohmann::json encoding = {{"vocabulary", vocabulary.toJson()},
                               {"classes", primary().classes},
                               {"regression", primary().regression},
                               {"tasks", tasksJson},
                               {"max_length", maxLength},
                               {"split", splitId}};
    tokenizer.writeTo(encoding);
    return encoding;
}

std::vector<std::int64_t> SupervisedData::encode(const std::string &text) const
{
    std::vector<std::string> tokens = tokenizer.tokenize(text);
    if (tokens.size() > maxLength)
        tokens.resize(maxLength);
    return vocabulary.encode(tokens);
}

} // namespace chorus
