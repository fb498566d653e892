#pragma once

#include "core/analytics/postembeddings.h"
#include "core/util/result.h"

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace chorus {

class TopicCorpus;

struct LsaOptions {
    std::size_t dimensions = 64;
    // Extra random directions beyond `dimensions` and power iterations: the usual accuracy knobs of
    // randomized SVD (Halko, Martinsson and Tropp 2011); 10 and 4 recover the leading singular
    // vectors of text matrices to well below the noise of the data.
    std::size_t oversampling = 10;
    int powerIterations = 4;
    std::uint64_t seed = 1;
};

struct LsaResult {
    EmbeddingMatrix embedding;           // posts x dimensions, U * S rows scaled to unit length
    std::vector<double> singularValues;  // descending, one per kept dimension
};

// Latent semantic analysis: the corpus as sublinear TF-IDF rows (1 + log tf) * idf, each row
// L2-normalised, reduced to its leading singular directions by randomized SVD with power
// iteration. Only the sparse matrix and a few dense posts x (dimensions + oversampling) blocks
// are held. Fewer dimensions are kept when the corpus has fewer posts or terms than asked for.
// Deterministic for a seed (DeterministicRandom, sequential sums).
Result<LsaResult> latentSemanticAnalysis(const TopicCorpus &corpus, const LsaOptions &options = {});

// The same reduction of rows weighted elsewhere (e.g. UserSimilarity's TF-IDF user vectors):
// each row's (column, weight) pairs, columns below `columns`. Rows are used as given.
Result<LsaResult> reduceWeightedRows(const std::vector<std::vector<std::pair<int, double>>> &rows, std::size_t columns,
                                     const LsaOptions &options = {});

} // namespace chorus
