#pragma once

#include "core/text/sentencepiecebackend.h"
#include "core/util/result.h"

#include <string>

namespace chorus {

// Loads the SentencePiece module once per process: <prefix>/lib/chorus/chorus-sentencepiece.so
// beside the running executable's <prefix>/bin (the build tree has the same layout: build/app,
// build/tests and build/lib/chorus), never from the working directory or a path a project names.
// RTLD_DEEPBIND keeps libsentencepiece's bundled protobuf apart from LibTorch's
// (core/text/sentencepiecebackend.h); sanitizer runtimes cannot work with RTLD_DEEPBIND, so
// sanitizer builds report SentencePiece as unavailable instead.
class SentencePieceLibrary {
public:
    // The backend, or why there is none (no module in this build, not found, not loadable).
    static Result<SentencePieceBackend *> backend();
    // Where the module is looked for.
    static std::string modulePath();
};

} // namespace chorus
