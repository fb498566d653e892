#pragma once

#include "core/util/result.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

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

// A SentencePiece model (unigram or BPE). Ids 0..3 are always "<pad>", "<unk>", "<bos>" and
// "<eos>", the same specials in the same order as chorus::Vocabulary's defaults.
// The model lives in memory as serialized bytes (serialized()), so a project or a trained model
// can store it inside itself rather than next to it.
// Builds without libsentencepiece compile this class too: train and load then return
// Error{"this build has no SentencePiece support"}.
class SentencePieceModel {
public:
    // Hands out one sentence per call into `sentence`; returns false when there are no more.
    using SentenceReader = std::function<bool(std::string &sentence)>;

    SentencePieceModel();
    ~SentencePieceModel();
    SentencePieceModel(SentencePieceModel &&other) noexcept;
    SentencePieceModel &operator=(SentencePieceModel &&other) noexcept;
    SentencePieceModel(const SentencePieceModel &) = delete;
    SentencePieceModel &operator=(const SentencePieceModel &) = delete;

    static bool isAvailable();

    static Result<SentencePieceModel> train(const SentenceReader &sentences, const SentencePieceOptions &options);
    static Result<SentencePieceModel> train(const std::vector<std::string> &sentences,
                                            const SentencePieceOptions &options);
    // One sentence per line of a UTF-8 text file.
    static Result<SentencePieceModel> trainFromFile(const std::string &path, const SentencePieceOptions &options);

    static Result<SentencePieceModel> fromSerialized(std::string bytes);
    static Result<SentencePieceModel> load(const std::string &path);
    Status save(const std::string &path) const;

    bool isLoaded() const;
    // The model file's bytes (a serialized ModelProto); empty when nothing is loaded.
    const std::string &serialized() const;

    int vocabSize() const;
    // The piece of an id ("" when out of range) and the id of a piece (unknown id when absent).
    std::string piece(int id) const;
    int pieceId(const std::string &piece) const;
    int unknownId() const;

    // Encoding never fails on a loaded model; on an empty one these return nothing.
    std::vector<std::string> encodePieces(std::string_view text) const;
    std::vector<int> encodeIds(std::string_view text) const;
    std::string decodeIds(const std::vector<int> &ids) const;
    std::string decodePieces(const std::vector<std::string> &pieces) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace chorus
