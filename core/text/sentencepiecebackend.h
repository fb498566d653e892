#pragma once

#include "core/text/sentencepieceoptions.h"
#include "core/util/result.h"

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace chorus {

// One loaded SentencePiece model inside the backend module.
class SentencePieceProcessorHandle {
public:
    virtual ~SentencePieceProcessorHandle() = default;
    virtual int size() const = 0;
    virtual std::string piece(int id) const = 0;
    virtual int pieceId(const std::string &piece) const = 0;
    virtual int unknownId() const = 0;
    virtual std::vector<std::string> encodePieces(std::string_view text) const = 0;
    virtual std::vector<int> encodeIds(std::string_view text) const = 0;
    virtual std::string decodeIds(const std::vector<int> &ids) const = 0;
    virtual std::string decodePieces(const std::vector<std::string> &pieces) const = 0;
};

// What the SentencePiece module (chorus-sentencepiece.so, built on libsentencepiece) offers.
// Debian's libsentencepiece carries its own copy of protobuf and exports it; LibTorch links the
// system protobuf. Linked into one program they clash (a crash at start, or protobuf's version
// check aborting), so libsentencepiece is only ever loaded inside this module, with dlopen and
// RTLD_DEEPBIND|RTLD_LOCAL: the module binds to its own protobuf and nothing else sees it
// (core/text/sentencepiecelibrary.h). The module and Chorus are built together by the same
// compiler, so the interface may use C++ types; only the entry point is a C symbol.
class SentencePieceBackend {
public:
    using SentenceReader = std::function<bool(std::string &sentence)>;

    virtual ~SentencePieceBackend() = default;
    // The serialized model (a ModelProto) trained on the sentences, or what went wrong.
    virtual Result<std::string> train(const SentenceReader &sentences, const SentencePieceOptions &options) = 0;
    virtual Result<std::unique_ptr<SentencePieceProcessorHandle>> load(const std::string &serialized) = 0;
};

// The module's entry point: returns its backend (owned by the module, alive until the process ends)
// if `interfaceVersion` is the one it was built with, else null.
inline constexpr const char *kSentencePieceEntryPoint = "chorus_sentencepiece_backend";
inline constexpr int kSentencePieceInterfaceVersion = 1;
using SentencePieceEntryPoint = SentencePieceBackend *(*)(int interfaceVersion);

} // namespace chorus
