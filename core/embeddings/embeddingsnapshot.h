#pragma once

#include "core/embeddings/projectortable.h"
#include "core/util/result.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

// Which vectors of a run a snapshot holds.
enum class EmbeddingSpace {
    Tokens, // token or word vectors, most frequent first
    Posts,  // what the output layer reads for each of a fixed set of validation posts
    Users,  // a factor model's user factors, most active users first
    Items,  // a factor model's item factors, most popular items first
};

// "tokens", "posts", "users", "items": the names the artifacts, the CLI and the header use.
const char *embeddingSpaceName(EmbeddingSpace space);
Result<EmbeddingSpace> parseEmbeddingSpace(const std::string &name);

// A run's vectors as they stood at the end of one epoch (or one ALS iteration), so the projector can
// show how the space formed during training. At most kMaxRows rows are kept: vocabularies are
// frequency ordered, and those are the words a reader recognises, at a size a project can hold for
// every epoch (2,000 x 300 floats is 2.4 MB). Posts, users and items carry metadata columns (text,
// split, label, prediction; name, counts) so the projector can colour and search them.
struct EmbeddingSnapshot {
    static constexpr std::size_t kMaxRows = 2000;
    static constexpr const char *kContentType = "application/x-chorus-embeddings";

    EmbeddingSpace space = EmbeddingSpace::Tokens;
    int epoch = 0;           // 1-based: the epoch just completed
    std::int64_t step = 0;   // the run's step (optimizer steps, words for word2vec, ALS iterations) then
    std::size_t dimensions = 0;
    std::string labelColumn = "token";  // what the row labels are
    std::vector<std::string> tokens;    // row labels (tokens most frequent first, post texts, user ids, ...)
    std::vector<float> values;          // tokens.size() x dimensions, row-major
    // Further metadata: per column a name and one value per row.
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> columnValues;

    // The first kMaxRows rows of a frequency-ordered table (tokens.size() x dims values, row-major).
    static EmbeddingSnapshot firstRows(int epoch, std::int64_t step, const std::vector<std::string> &tokens,
                                       std::size_t dims, const float *values);

    // A JSON header line (format, version, space, sizes, epoch, step, labels, metadata) followed by
    // the values as little-endian float32: compact, and readable without LibTorch.
    std::string encode() const;
    // An Error says what is wrong with a blob that is not a complete snapshot. Version 1 blobs
    // (token snapshots without metadata) still read.
    static Result<EmbeddingSnapshot> decode(const std::string &blob);
    // The rows as a projector table: the labels first, then the metadata columns; frequency ordered
    // for tokens.
    ProjectorTable toProjectorTable() const;
};

} // namespace chorus
