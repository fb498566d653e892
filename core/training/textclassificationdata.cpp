#include "core/training/textclassificationdata.h"

#include "core/split/datasetsplitter.h"
#include "core/store/project.h"

#include <algorithm>
#include <map>

namespace chorus {

Result<TextClassificationData> TextClassificationData::load(Project &project, const TextDataOptions &options)
{
    auto datasetId = project.datasetId(options.dataset);
    if (!datasetId)
        return Error{"dataset: no dataset named '" + options.dataset + "'"};
    std::int64_t splitId = options.splitId;
    if (splitId == 0) {
        auto latest = DatasetSplitter::latest(project, options.dataset);
        if (!latest)
            return Error{"split: dataset '" + options.dataset +
                         "' has no stored split; make one with chorus-cli split"};
        splitId = *latest;
    }

    auto select = project.db().prepare(
        "SELECT p.id, p.text, l.value, a.part FROM split_assignments a JOIN posts p ON p.id = a.post_id"
        " LEFT JOIN labels l ON l.post_id = p.id AND l.task = ?2"
        " WHERE a.split_id = ?1 AND p.dataset_id = ?3 ORDER BY p.id");
    if (!select)
        return select.error();
    select->bind(1, splitId).bind(2, options.task).bind(3, *datasetId);

    TextClassificationData data;
    data.splitId = splitId;
    data.tokenizer = options.tokenizer;
    data.maxLength = options.maxLength;
    const SocialTokenizer tokenizer(options.tokenizer);
    struct Raw {
        std::int64_t postId;
        std::vector<std::string> tokens;
        std::string label;
        SplitPart part;
    };
    std::vector<Raw> rows;
    std::map<std::string, int> classIndex;
    while (select->step()) {
        if (select->isNull(2)) {
            ++data.unlabelled;
            continue;
        }
        const std::string_view part = select->textView(3);
        Raw raw{select->int64(0), tokenizer.tokenize(select->textView(1)), select->text(2),
                part == "train" ? SplitPart::Train : part == "valid" ? SplitPart::Valid : SplitPart::Test};
        if (raw.tokens.size() > options.maxLength)
            raw.tokens.resize(options.maxLength);
        if (raw.part == SplitPart::Train) {
            if (Status s = data.vocabulary.add(raw.tokens); !s.ok())
                return s.error();
        }
        classIndex.emplace(raw.label, 0);
        rows.push_back(std::move(raw));
    }
    if (select->failed())
        return Error{"cannot read posts: " + select->lastError()};
    if (rows.empty())
        return Error{"task: no post of split " + std::to_string(splitId) + " has a label for task '" + options.task + "'"};
    if (classIndex.size() < 2)
        return Error{"task: '" + options.task + "' has a single class; a classifier needs at least two"};
    if (Status s = data.vocabulary.finalize(options.minCount, options.maxVocabulary); !s.ok())
        return s.error();
    for (auto &[value, index] : classIndex) {
        index = static_cast<int>(data.classes.size());
        data.classes.push_back(value);
    }
    for (const Raw &raw : rows) {
        TextExample example{raw.postId, data.vocabulary.encode(raw.tokens), classIndex[raw.label]};
        switch (raw.part) {
        case SplitPart::Train: data.train.push_back(std::move(example)); break;
        case SplitPart::Valid: data.valid.push_back(std::move(example)); break;
        case SplitPart::Test: data.test.push_back(std::move(example)); break;
        }
    }
    if (data.train.empty())
        return Error{"split: split " + std::to_string(splitId) + " has no labelled training posts"};
    return data;
}

std::vector<std::string> TextClassificationData::tokens(const std::string &text) const
{
    std::vector<std::string> out = SocialTokenizer(tokenizer).tokenize(text);
    if (out.size() > maxLength)
        out.resize(maxLength);
    return out;
}

std::vector<std::int64_t> TextClassificationData::encode(const std::string &text) const
{
    return vocabulary.encode(tokens(text));
}

} // namespace chorus
