#pragma once

#include <cstdint>

namespace chorus {

// Training settings for a subword model learned from the project's own posts.
struct SentencePieceOptions {
    enum class ModelType { Unigram, Bpe };

    ModelType type = ModelType::Unigram;
    // Pieces in the model, the four specials included. With hardVocabLimit, training fails when
    // the text cannot fill this many; without it the model may come out smaller.
    int vocabSize = 8000;
    bool hardVocabLimit = true;
    // Share of characters the model must cover; below 1 rare characters become <unk>. Near 1
    // suits text with many CJK characters.
    double characterCoverage = 0.9995;
    // Most sentences read for training (SentencePiece samples them at random when there are
    // more); 0 = no limit.
    std::int64_t maxSentences = 1000000;
    // Longest sentence in bytes kept for training; longer ones are skipped.
    int maxSentenceLength = 4192;
    int threads = 1;
};

} // namespace chorus
