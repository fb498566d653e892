#pragma once

#include <cstddef>
#include <vector>

namespace chorus {

struct Neighbour {
    int index = 0;
    double similarity = 0.0;
};

// One side of a sparse matrix in compressed form: vector v's entries are
// [offsets[v], offsets[v + 1]) of indices/values. For an InteractionMatrix, the CSR arrays are
// the users as vectors over items and the CSC arrays the items as vectors over users.
struct SparseVectors {
    const std::vector<std::size_t> *offsets = nullptr;
    const std::vector<int> *indices = nullptr;
    const std::vector<double> *values = nullptr;

    std::size_t count() const { return offsets->size() - 1; }
};

// The k most cosine-similar other vectors of every vector, computed sparsely: the dot products
// of vector a come from walking, for each of a's entries, the vectors sharing that coordinate
// (the transposed side), so the cost follows co-occurrences rather than count squared.
// Only positive similarities are kept; the order is similarity descending, ties by index.
// shrinkage > 0 gives the shrunk cosine a.b / (|a| |b| + shrinkage): pairs backed by little data
// (small norms: few or light interactions) lose more of their similarity than well-supported ones.
class CosineNeighbourhood {
public:
    static std::vector<std::vector<Neighbour>> compute(const SparseVectors &vectors, const SparseVectors &transposed,
                                                       int k, double shrinkage = 0.0);
};

} // namespace chorus
