#pragma once

#include "core/embeddings/projectortable.h"
#include "core/util/result.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

// A run's token (or word) vectors as they stood at the end of one epoch, so the projector can show
// how the space formed during training. Only the most frequent rows are kept (kMaxRows): vocabularies
// are frequency ordered, and those are the words a reader recognises, at a size a project can hold
// for every epoch (2,000 x 300 floats is 2.4 MB).
struct EmbeddingSnapshot {
    static constexpr std::size_t kMaxRows = 2000;
    static constexpr const char *kContentType = "application/x-chorus-embeddings";

    int epoch = 0;           // 1-based: the epoch just completed
    std::int64_t step = 0;   // the run's step (optimizer steps, or words for word2vec) at that point
    std::size_t dimensions = 0;
    std::vector<std::string> tokens; // row labels, most frequent first
    std::vector<float> values;       // tokens.size() x dimensions, row-major

    // The first kMaxRows rows of a frequency-ordered table (tokens.size() x dims values, row-major).
    static EmbeddingSnapshot firstRows(int epoch, std::int64_t step, const std::vector<std::string> &tokens,
                                       std::size_t dims, const float *values);

    // A JSON header line (format, version, sizes, epoch, step, tokens) followed by the values as
    // little-endian float32: compact, and readable without LibTorch.
    std::string encode() const;
    // An Error says what is wrong with a blob that is not a complete snapshot.
    static Result<EmbeddingSnapshot> decode(const std::string &blob);
    // The rows as a frequency-ordered projector table labelled by token.
    ProjectorTable toProjectorTable() const;
};

} // namespace chorus
