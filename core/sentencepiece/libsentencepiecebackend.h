#pragma once

#include "core/text/sentencepiecebackend.h"

namespace chorus {

// The SentencePieceBackend on libsentencepiece; only ever compiled into the module
// chorus-sentencepiece.so (see core/text/sentencepiecebackend.h for why).
class LibSentencePieceBackend final : public SentencePieceBackend {
public:
    Result<std::string> train(const SentenceReader &sentences, const SentencePieceOptions &options) override;
    Result<std::unique_ptr<SentencePieceProcessorHandle>> load(const std::string &serialized) override;
};

} // namespace chorus
