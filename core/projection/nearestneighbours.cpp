#include "core/projection/nearestneighbours.h"

#include "core/projection/parallelblocks.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

namespace chorus {

namespace {

constexpr std::size_t kLanes = 8;
// Candidate rows visited together by a block of queries: small enough to stay in L2 while the
// queries of the block pass over them.
constexpr std::size_t kCandidateBlockBytes = std::size_t{128} * 1024;
constexpr std::size_t kQueryBlock = 8;

float dot(const float *a, const float *b, std::size_t dims)
{
    float lanes[kLanes] = {};
    std::size_t d = 0;
    for (; d + kLanes <= dims; d += kLanes)
        for (std::size_t l = 0; l < kLanes; ++l)
            lanes[l] += a[d + l] * b[d + l];
    float sum = 0;
    for (; d < dims; ++d)
        sum += a[d] * b[d];
    for (std::size_t l = 0; l < kLanes; ++l)
        sum += lanes[l];
    return sum;
}

// A (value, index) pair ordered so that the heap's top is the worst neighbour kept so far.
struct Candidate {
    float value;
    std::uint32_t index;
};

// Nearer is smaller distance, then lower index.
bool nearer(const Candidate &a, const Candidate &b)
{
    return a.value < b.value || (a.value == b.value && a.index < b.index);
}

// Keeps the k best candidates; the heap's front is the worst of them.
class BoundedHeap {
public:
    explicit BoundedHeap(std::size_t k) : m_k(k) { m_items.reserve(k); }

    void offer(float value, std::uint32_t index)
    {
        const Candidate c{value, index};
        if (m_items.size() < m_k) {
            m_items.push_back(c);
            std::push_heap(m_items.begin(), m_items.end(), nearer);
        } else if (nearer(c, m_items.front())) {
            std::pop_heap(m_items.begin(), m_items.end(), nearer);
            m_items.back() = c;
            std::push_heap(m_items.begin(), m_items.end(), nearer);
        }
    }
    bool full() const { return m_items.size() == m_k; }
    float worst() const { return m_items.front().value; }

    // Best first; empties the heap.
    std::vector<Candidate> takeSorted()
    {
        std::sort_heap(m_items.begin(), m_items.end(), nearer);
        std::vector<Candidate> out;
        out.swap(m_items);
        return out;
    }

private:
    std::size_t m_k;
    std::vector<Candidate> m_items;
};

} // namespace

float squaredDistance(const float *a, const float *b, std::size_t dims)
{
    float lanes[kLanes] = {};
    std::size_t d = 0;
    for (; d + kLanes <= dims; d += kLanes) {
        for (std::size_t l = 0; l < kLanes; ++l) {
            const float diff = a[d + l] - b[d + l];
            lanes[l] += diff * diff;
        }
    }
    float sum = 0;
    for (; d < dims; ++d) {
        const float diff = a[d] - b[d];
        sum += diff * diff;
    }
    for (std::size_t l = 0; l < kLanes; ++l)
        sum += lanes[l];
    return sum;
}

std::vector<Neighbour> cosineNeighbours(const MatrixView &matrix, const float *query, std::size_t k,
                                        std::size_t exclude)
{
    std::vector<Neighbour> out;
    if (k == 0 || matrix.rows == 0 || matrix.columns == 0)
        return out;
    const float queryNorm = std::sqrt(dot(query, query, matrix.columns));
    if (!(queryNorm > 0))
        return out;
    // The heap keeps the smallest "distance", so store negated similarity.
    BoundedHeap heap(k);
    for (std::size_t i = 0; i < matrix.rows; ++i) {
        if (i == exclude)
            continue;
        const float *row = matrix.row(i);
        const float norm = std::sqrt(dot(row, row, matrix.columns));
        if (!(norm > 0))
            continue;
        const float similarity = dot(query, row, matrix.columns) / (norm * queryNorm);
        heap.offer(-similarity, static_cast<std::uint32_t>(i));
    }
    for (const Candidate &c : heap.takeSorted())
        out.push_back(Neighbour{c.index, -c.value});
    return out;
}

std::vector<Neighbour> cosineNeighboursOfRow(const MatrixView &matrix, std::size_t row, std::size_t k)
{
    if (row >= matrix.rows)
        return {};
    return cosineNeighbours(matrix, matrix.row(row), k, row);
}

Result<NeighbourGraph> euclideanNeighbourGraph(const MatrixView &matrix, std::size_t k, int threads)
{
    if (k == 0)
        return Error{"the number of neighbours must be at least 1"};
    if (k >= matrix.rows)
        return Error{"asked for " + std::to_string(k) + " neighbours of each of " + std::to_string(matrix.rows)
                     + " points; need fewer neighbours than points"};
    if (matrix.rows > UINT32_MAX)
        return Error{"too many points for a neighbour graph"};

    NeighbourGraph graph;
    graph.rows = matrix.rows;
    graph.k = k;
    graph.indices.resize(matrix.rows * k);
    graph.squaredDistances.resize(matrix.rows * k);

    const std::size_t dims = matrix.columns;
    const std::size_t candidateBlock
        = std::max<std::size_t>(16, kCandidateBlockBytes / std::max<std::size_t>(1, dims * sizeof(float)));
    const std::size_t queryBlocks = (matrix.rows + kQueryBlock - 1) / kQueryBlock;

    parallelBlocks(queryBlocks, threads, [&](std::size_t firstBlock, std::size_t endBlock) {
        std::vector<BoundedHeap> heaps(kQueryBlock, BoundedHeap(k));
        for (std::size_t b = firstBlock; b < endBlock; ++b) {
            const std::size_t q0 = b * kQueryBlock;
            const std::size_t q1 = std::min(matrix.rows, q0 + kQueryBlock);
            for (std::size_t c0 = 0; c0 < matrix.rows; c0 += candidateBlock) {
                const std::size_t c1 = std::min(matrix.rows, c0 + candidateBlock);
                for (std::size_t q = q0; q < q1; ++q) {
                    BoundedHeap &heap = heaps[q - q0];
                    const float *query = matrix.row(q);
                    for (std::size_t c = c0; c < c1; ++c) {
                        if (c == q)
                            continue;
                        const float d = squaredDistance(query, matrix.row(c), dims);
                        // Candidates come in increasing index order, so an equal distance never
                        // displaces a kept neighbour: the cheap test below is exact.
                        if (!heap.full() || d < heap.worst())
                            heap.offer(d, static_cast<std::uint32_t>(c));
                    }
                }
            }
            for (std::size_t q = q0; q < q1; ++q) {
                const std::vector<Candidate> best = heaps[q - q0].takeSorted();
                for (std::size_t j = 0; j < k; ++j) {
                    graph.indices[q * k + j] = best[j].index;
                    graph.squaredDistances[q * k + j] = best[j].value;
                }
            }
        }
    });
    return graph;
}

} // namespace chorus
