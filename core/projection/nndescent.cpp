#include "core/projection/nndescent.h"

#include "core/projection/parallelblocks.h"
#include "core/util/deterministicrandom.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace chorus {

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr float kFar = std::numeric_limits<float>::infinity();
// Points whose candidate joins are computed together and whose updates form one list: a fixed
// size, so the order of the updates does not depend on the thread count.
constexpr std::size_t kJoinChunk = 256;

// a is worse than b: farther, or as far with a higher row (the graph's tie rule reversed).
inline bool worse(float da, std::uint32_t ia, float db, std::uint32_t ib)
{
    return da > db || (da == db && ia > ib);
}

// Every point's k best candidates so far, each a max-heap (the worst at slot 0) of distance,
// row and whether the entry is new since it was last joined.
class CandidateHeaps {
public:
    CandidateHeaps(std::size_t rows, std::size_t k)
        : m_k(k), m_index(rows * k, kNone), m_distance(rows * k, kFar), m_new(rows * k, 0)
    {
    }

    std::size_t k() const { return m_k; }
    std::uint32_t index(std::size_t i, std::size_t slot) const { return m_index[i * m_k + slot]; }
    float distance(std::size_t i, std::size_t slot) const { return m_distance[i * m_k + slot]; }
    bool isNew(std::size_t i, std::size_t slot) const { return m_new[i * m_k + slot] != 0; }
    void markOld(std::size_t i, std::size_t slot) { m_new[i * m_k + slot] = 0; }
    float worst(std::size_t i) const { return m_distance[i * m_k]; }
    bool full(std::size_t i) const { return m_index[i * m_k] != kNone; }

    // Keeps (d, j) in i's heap if it beats the worst kept and is not there yet.
    bool push(std::size_t i, float d, std::uint32_t j)
    {
        float *dist = m_distance.data() + i * m_k;
        std::uint32_t *idx = m_index.data() + i * m_k;
        std::uint8_t *fresh = m_new.data() + i * m_k;
        if (!worse(dist[0], idx[0], d, j))
            return false;
        for (std::size_t s = 0; s < m_k; ++s)
            if (idx[s] == j)
                return false;
        std::size_t pos = 0;
        for (;;) {
            const std::size_t left = 2 * pos + 1;
            if (left >= m_k)
                break;
            std::size_t child = left;
            if (left + 1 < m_k && worse(dist[left + 1], idx[left + 1], dist[left], idx[left]))
                child = left + 1;
            if (!worse(dist[child], idx[child], d, j))
                break;
            dist[pos] = dist[child];
            idx[pos] = idx[child];
            fresh[pos] = fresh[child];
            pos = child;
        }
        dist[pos] = d;
        idx[pos] = j;
        fresh[pos] = 1;
        return true;
    }

private:
    std::size_t m_k;
    std::vector<std::uint32_t> m_index;
    std::vector<float> m_distance;
    std::vector<std::uint8_t> m_new;
};

// Up to `capacity` rows per point, those with the smallest random priorities (a max-heap on
// priority, then row), so the sample does not depend on the order rows are offered in.
class CandidateSample {
public:
    CandidateSample(std::size_t rows, std::size_t capacity)
        : m_capacity(capacity), m_count(rows, 0), m_index(rows * capacity), m_priority(rows * capacity)
    {
    }

    std::size_t count(std::size_t i) const { return m_count[i]; }
    const std::uint32_t *rows(std::size_t i) const { return m_index.data() + i * m_capacity; }
    bool contains(std::size_t i, std::uint32_t j) const
    {
        const std::uint32_t *r = rows(i);
        return std::find(r, r + m_count[i], j) != r + m_count[i];
    }

    void offer(std::size_t i, std::uint32_t j, std::uint64_t priority)
    {
        if (contains(i, j))
            return;
        std::uint32_t *idx = m_index.data() + i * m_capacity;
        std::uint64_t *pri = m_priority.data() + i * m_capacity;
        const auto above = [&](std::size_t a, std::uint64_t p, std::uint32_t r) {
            return pri[a] > p || (pri[a] == p && idx[a] > r);
        };
        std::size_t pos;
        if (m_count[i] < m_capacity) {
            pos = m_count[i]++;
            while (pos > 0) { // sift up
                const std::size_t parent = (pos - 1) / 2;
                if (above(parent, priority, j))
                    break;
                idx[pos] = idx[parent];
                pri[pos] = pri[parent];
                pos = parent;
            }
        } else {
            if (!above(0, priority, j))
                return;
            pos = 0;
            const std::size_t n = m_capacity;
            for (;;) { // sift down
                const std::size_t left = 2 * pos + 1;
                if (left >= n)
                    break;
                std::size_t child = left;
                if (left + 1 < n
                    && (pri[left + 1] > pri[left] || (pri[left + 1] == pri[left] && idx[left + 1] > idx[left])))
                    child = left + 1;
                if (!above(child, priority, j))
                    break;
                idx[pos] = idx[child];
                pri[pos] = pri[child];
                pos = child;
            }
        }
        idx[pos] = j;
        pri[pos] = priority;
    }

private:
    std::size_t m_capacity;
    std::vector<std::size_t> m_count;
    std::vector<std::uint32_t> m_index;
    std::vector<std::uint64_t> m_priority;
};

// The leaves of one random projection tree: contiguous runs of `order`.
struct ProjectionTree {
    std::vector<std::uint32_t> order;
    std::vector<std::pair<std::size_t, std::size_t>> leaves; // [begin, end) in order
};

// Splits by the hyperplane halfway between two random points until a part has at most
// `leafSize` points (annoy's and pynndescent's Euclidean split).
ProjectionTree buildTree(const MatrixView &matrix, std::size_t leafSize, std::uint64_t seed)
{
    DeterministicRandom random(seed);
    const std::size_t dims = matrix.columns;
    ProjectionTree tree;
    tree.order.resize(matrix.rows);
    for (std::size_t i = 0; i < matrix.rows; ++i)
        tree.order[i] = static_cast<std::uint32_t>(i);
    std::vector<double> normal(dims);
    std::vector<std::pair<std::size_t, std::size_t>> pending{{0, matrix.rows}};
    while (!pending.empty()) {
        const auto [lo, hi] = pending.back();
        pending.pop_back();
        const std::size_t size = hi - lo;
        if (size <= leafSize) {
            tree.leaves.emplace_back(lo, hi);
            continue;
        }
        const std::size_t a = lo + random.below(size);
        std::size_t b = lo + random.below(size - 1);
        if (b >= a)
            ++b;
        const float *pa = matrix.row(tree.order[a]);
        const float *pb = matrix.row(tree.order[b]);
        double offset = 0.0;
        for (std::size_t d = 0; d < dims; ++d) {
            normal[d] = double(pa[d]) - double(pb[d]);
            offset -= normal[d] * (double(pa[d]) + double(pb[d])) * 0.5;
        }
        std::size_t left = lo, right = hi;
        while (left < right) {
            const float *p = matrix.row(tree.order[left]);
            double side = offset;
            for (std::size_t d = 0; d < dims; ++d)
                side += normal[d] * p[d];
            const bool goesLeft = side == 0.0 ? random.chance(0.5) : side > 0.0;
            if (goesLeft)
                ++left;
            else
                std::swap(tree.order[left], tree.order[--right]);
        }
        std::size_t middle = left;
        if (middle == lo || middle == hi)
            middle = lo + size / 2; // every point on one side (duplicates): halve arbitrarily
        pending.emplace_back(middle, hi);
        pending.emplace_back(lo, middle);
    }
    std::sort(tree.leaves.begin(), tree.leaves.end());
    return tree;
}

} // namespace

Result<NeighbourGraph> approximateNeighbourGraph(const MatrixView &matrix, std::size_t k,
                                                 const NnDescentOptions &options,
                                                 const NeighbourSearchProgress &progress)
{
    const std::size_t n = matrix.rows;
    if (k == 0)
        return Error{"the number of neighbours must be at least 1"};
    if (k >= n)
        return Error{"asked for " + std::to_string(k) + " neighbours of each of " + std::to_string(n)
                     + " points; need fewer neighbours than points"};
    if (n >= kNone)
        return Error{"too many points for a neighbour graph"};
    const int threads = resolvedThreadCount(options.threads);
    const int trees = options.trees > 0
                          ? options.trees
                          : std::min(64, 5 + static_cast<int>(std::lround(std::sqrt(double(n)) / 20.0)));
    const int rounds = options.iterations > 0
                           ? options.iterations
                           : std::max(5, static_cast<int>(std::lround(std::log2(double(n)))));
    const std::size_t leafSize = options.leafSize > 0 ? options.leafSize : std::max<std::size_t>(10, k + 1);
    const std::size_t maxCandidates = std::max<std::size_t>(1, options.maxCandidates);
    const std::size_t dims = matrix.columns;
    const auto cancelled = [&](int done) { return progress && !progress(done, rounds); };
    const Error cancelError{"the neighbour search was cancelled"};
    if (cancelled(0))
        return cancelError;

    CandidateHeaps heaps(n, k);

    // The forest's leaves: every pair in a leaf is a candidate. A point is in one leaf per tree,
    // so the leaves of one tree can be joined in parallel without sharing a heap.
    std::vector<ProjectionTree> forest(static_cast<std::size_t>(trees));
    parallelBlocks(forest.size(), threads, [&](std::size_t t0, std::size_t t1) {
        for (std::size_t t = t0; t < t1; ++t)
            forest[t] = buildTree(matrix, leafSize, DeterministicRandom::derive(options.seed, 0x7ee0000 + t));
    });
    for (ProjectionTree &tree : forest) {
        parallelBlocks(tree.leaves.size(), threads, [&](std::size_t l0, std::size_t l1) {
            for (std::size_t l = l0; l < l1; ++l) {
                const auto [begin, end] = tree.leaves[l];
                for (std::size_t x = begin; x < end; ++x) {
                    const std::uint32_t a = tree.order[x];
                    for (std::size_t y = x + 1; y < end; ++y) {
                        const std::uint32_t b = tree.order[y];
                        const float d = squaredDistance(matrix.row(a), matrix.row(b), dims);
                        heaps.push(a, d, b);
                        heaps.push(b, d, a);
                    }
                }
            }
        });
        tree = ProjectionTree(); // free it as soon as it is joined
    }
    // Points left with fewer than k candidates (small leaves) get random ones.
    parallelBlocks(n, threads, [&](std::size_t r0, std::size_t r1) {
        for (std::size_t i = r0; i < r1; ++i) {
            DeterministicRandom random(DeterministicRandom::derive(options.seed, 0xf111000000ULL + i));
            for (std::size_t attempt = 0; !heaps.full(i) && attempt < 4 * k + 64; ++attempt) {
                const auto j = static_cast<std::uint32_t>(random.below(n));
                if (j != i)
                    heaps.push(i, squaredDistance(matrix.row(i), matrix.row(j), dims), j);
            }
            for (std::uint32_t j = 0; !heaps.full(i) && j < n; ++j)
                if (j != i)
                    heaps.push(i, squaredDistance(matrix.row(i), matrix.row(j), dims), j);
        }
    });

    struct Update {
        std::uint32_t a, b;
        float distance;
    };
    const std::size_t chunks = (n + kJoinChunk - 1) / kJoinChunk;
    std::vector<std::vector<Update>> updates(chunks);
    std::vector<float> threshold(n);
    const std::size_t enough = static_cast<std::size_t>(options.delta * double(n) * double(k));

    for (int round = 0; round < rounds; ++round) {
        // Sample each point's new and old candidates: its own neighbours and the points that
        // have it as a neighbour (the reverse graph), by a priority drawn from the pair.
        CandidateSample fresh(n, maxCandidates), old(n, maxCandidates);
        const std::uint64_t roundKey = DeterministicRandom::derive(options.seed, 0xde5c000 + std::uint64_t(round));
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t s = 0; s < k; ++s) {
                const std::uint32_t j = heaps.index(i, s);
                if (j == kNone)
                    continue;
                const std::uint64_t lo = std::min<std::uint64_t>(i, j), hi = std::max<std::uint64_t>(i, j);
                const std::uint64_t priority = DeterministicRandom::mix(roundKey ^ ((lo << 32) | hi));
                CandidateSample &sample = heaps.isNew(i, s) ? fresh : old;
                sample.offer(i, j, priority);
                sample.offer(j, static_cast<std::uint32_t>(i), priority);
            }
        }
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t s = 0; s < k; ++s)
                if (heaps.isNew(i, s) && fresh.contains(i, heaps.index(i, s)))
                    heaps.markOld(i, s);
        for (std::size_t i = 0; i < n; ++i)
            threshold[i] = heaps.worst(i);

        // Local join: neighbours of a neighbour are candidates. Only pairs that would enter one
        // of the two heaps (by the thresholds at the start of the round) are kept.
        parallelBlocks(chunks, threads, [&](std::size_t c0, std::size_t c1) {
            for (std::size_t c = c0; c < c1; ++c) {
                std::vector<Update> &out = updates[c];
                out.clear();
                const std::size_t v1 = std::min(n, (c + 1) * kJoinChunk);
                for (std::size_t v = c * kJoinChunk; v < v1; ++v) {
                    const std::uint32_t *newRows = fresh.rows(v);
                    const std::uint32_t *oldRows = old.rows(v);
                    const std::size_t newCount = fresh.count(v), oldCount = old.count(v);
                    for (std::size_t x = 0; x < newCount; ++x) {
                        const std::uint32_t a = newRows[x];
                        const float *pa = matrix.row(a);
                        for (std::size_t y = x + 1; y < newCount; ++y) {
                            const std::uint32_t b = newRows[y];
                            const float d = squaredDistance(pa, matrix.row(b), dims);
                            if (d < threshold[a] || d < threshold[b])
                                out.push_back(Update{a, b, d});
                        }
                        for (std::size_t y = 0; y < oldCount; ++y) {
                            const std::uint32_t b = oldRows[y];
                            if (b == a)
                                continue;
                            const float d = squaredDistance(pa, matrix.row(b), dims);
                            if (d < threshold[a] || d < threshold[b])
                                out.push_back(Update{a, b, d});
                        }
                    }
                }
            }
        });

        // Apply the updates in chunk order; each thread owns a range of heaps and reads every list.
        const std::size_t owners = static_cast<std::size_t>(std::max(1, threads));
        std::vector<std::size_t> improved(owners, 0);
        parallelBlocks(owners, threads, [&](std::size_t o0, std::size_t o1) {
            for (std::size_t o = o0; o < o1; ++o) {
                const std::size_t lo = n * o / owners, hi = n * (o + 1) / owners;
                std::size_t count = 0;
                for (const std::vector<Update> &list : updates) {
                    for (const Update &u : list) {
                        if (u.a >= lo && u.a < hi && u.a != u.b)
                            count += heaps.push(u.a, u.distance, u.b) ? 1 : 0;
                        if (u.b >= lo && u.b < hi && u.a != u.b)
                            count += heaps.push(u.b, u.distance, u.a) ? 1 : 0;
                    }
                }
                improved[o] = count;
            }
        });
        std::size_t total = 0;
        for (std::size_t c : improved)
            total += c;
        if (cancelled(round + 1))
            return cancelError;
        if (total <= enough)
            break;
    }

    NeighbourGraph graph;
    graph.rows = n;
    graph.k = k;
    graph.indices.resize(n * k);
    graph.squaredDistances.resize(n * k);
    parallelBlocks(n, threads, [&](std::size_t r0, std::size_t r1) {
        std::vector<std::pair<float, std::uint32_t>> row(k);
        for (std::size_t i = r0; i < r1; ++i) {
            for (std::size_t s = 0; s < k; ++s)
                row[s] = {heaps.distance(i, s), heaps.index(i, s)};
            std::sort(row.begin(), row.end());
            for (std::size_t s = 0; s < k; ++s) {
                graph.indices[i * k + s] = row[s].second;
                graph.squaredDistances[i * k + s] = row[s].first;
            }
        }
    });
    return graph;
}

} // namespace chorus
