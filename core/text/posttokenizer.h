#pragma once

#include "core/text/sentencepiecemodel.h"
#include "core/text/tokenizer.h"
#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace chorus {

// How a run turns post text into tokens: the social tokenizer with its options, or the pieces of a
// SentencePiece model trained on the run's own training posts. It travels with the run's encoding
// (writeTo / readFrom), so prediction splits new text exactly as training did.
class PostTokenizer {
public:
    PostTokenizer() = default;
    explicit PostTokenizer(TokenizerOptions options);
    static PostTokenizer sentencePiece(SentencePieceModel model);

    bool isSentencePiece() const { return m_pieces != nullptr; }
    const TokenizerOptions &options() const { return m_options; }
    // The model's piece count; 0 for the social tokenizer.
    int pieceCount() const;

    std::vector<std::string> tokenize(std::string_view text) const;

    // Sets encoding["tokenizer"] (the social options, kept for both kinds so older readers still
    // find them) and, for SentencePiece, encoding["sentencepiece"] = {"model": base64 bytes, "pieces"}.
    void writeTo(nlohmann::json &encoding) const;
    // The tokenizer a run's encoding describes; an Error names the bad field, or says why a
    // SentencePiece run cannot be read here (a build without the module).
    static Result<PostTokenizer> readFrom(const nlohmann::json &encoding);

private:
    TokenizerOptions m_options;
    // Shared: SupervisedData and predictors copy their tokenizer, the model is read-only.
    std::shared_ptr<const SentencePieceModel> m_pieces;
};

} // namespace chorus
