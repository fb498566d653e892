#pragma once

#include "core/text/sentencepieceoptions.h"
#include "core/util/result.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace chorus {

// A SentencePiece model (unigram or BPE). Ids 0..3 are always "<pad>", "<unk>", "<bos>" and
// "<eos>", the same specials in the same order as chorus::Vocabulary's defaults.
// The model lives in memory as serialized bytes (serialized()), so a project or a trained model
// can store it inside itself rather than next to it.
// libsentencepiece lives in a module loaded at run time (SentencePieceLibrary), so every program
// may use this class, LibTorch ones included. Without the module (a build without
// libsentencepiece, a sanitizer build) train and load return an Error that says why.
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
