#pragma once

#include "core/util/result.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace chorus {

// One neighbour of a point: the row it is, and how near (a similarity or a distance, as the
// function returning it says).
struct Neighbour {
    std::size_t index = 0;
    float value = 0;
};

// Rows of a row-major float matrix, viewed without copying.
struct MatrixView {
    const float *data = nullptr;
    std::size_t rows = 0;
    std::size_t columns = 0;

    const float *row(std::size_t i) const { return data + i * columns; }
};

// The k exact nearest neighbours of every row (itself excluded), nearest first; ties go to the
// lower row index so that every run and thread count gives the same graph.
struct NeighbourGraph {
    std::size_t rows = 0;
    std::size_t k = 0;
    std::vector<std::uint32_t> indices;  // rows x k
    std::vector<float> squaredDistances; // rows x k, Euclidean distance squared

    const std::uint32_t *neighboursOf(std::size_t i) const { return indices.data() + i * k; }
    const float *distancesOf(std::size_t i) const { return squaredDistances.data() + i * k; }
};

// The k rows most similar to `query` (a vector of matrix.columns values) by cosine similarity,
// most similar first; value is the similarity. Rows with zero norm are never neighbours. `exclude`
// (e.g. the query's own row) is skipped; pass matrix.rows to skip nothing.
std::vector<Neighbour> cosineNeighbours(const MatrixView &matrix, const float *query, std::size_t k,
                                        std::size_t exclude);

// Same, for row `row` of the matrix itself (which is excluded).
std::vector<Neighbour> cosineNeighboursOfRow(const MatrixView &matrix, std::size_t row, std::size_t k);

// Exact Euclidean k-nearest-neighbour graph by blocked brute force on `threads` threads (rows are
// shared out in fixed blocks and each row is computed alone, so the result does not depend on the
// thread count). Errors when k >= rows or k == 0.
Result<NeighbourGraph> euclideanNeighbourGraph(const MatrixView &matrix, std::size_t k, int threads);

// Squared Euclidean distance between two vectors of `dims` floats, summed in eight lanes so the
// compiler vectorises it without reassociating (the same result on every compiler).
float squaredDistance(const float *a, const float *b, std::size_t dims);

} // namespace chorus
