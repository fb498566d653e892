#pragma once

#include "core/text/tokenizer.h"
#include "core/text/vocabulary.h"
#include "core/util/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

class Project;

// One labelled post, encoded.
struct TextExample {
    std::int64_t postId = 0;
    std::vector<std::int64_t> ids; // token ids, at most maxLength, no padding
    int label = 0;                 // index into TextClassificationData::classes
};

struct TextDataOptions {
    std::string dataset;
    std::string task;
    std::int64_t splitId = 0; // 0: the dataset's latest stored split
    std::size_t maxLength = 64;
    std::int64_t minCount = 1;
    std::size_t maxVocabulary = 50000;
    TokenizerOptions tokenizer;
};

// The posts of a dataset's split with their label for one task, tokenised and encoded once, ready
// for a trainer: the vocabulary is built from the training part only (no leakage of valid/test
// words), classes are the sorted distinct label values. Posts without a label for the task are
// left out and counted.
struct TextClassificationData {
    Vocabulary vocabulary;
    std::vector<std::string> classes;
    std::vector<TextExample> train, valid, test;
    std::int64_t splitId = 0;
    std::int64_t unlabelled = 0;
    TokenizerOptions tokenizer;
    std::size_t maxLength = 64;

    static Result<TextClassificationData> load(Project &project, const TextDataOptions &options);
    // Encodes new text the way training text was encoded (for predict and explain).
    std::vector<std::int64_t> encode(const std::string &text) const;
    std::vector<std::string> tokens(const std::string &text) const;
};

} // namespace chorus
