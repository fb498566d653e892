#include "core/projection/spectrallayout.h"

#include "core/projection/parallelblocks.h"
#include "core/projection/pca.h"
#include "core/util/deterministicrandom.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

namespace chorus {

namespace {

constexpr std::size_t kDims = 2;
constexpr std::size_t kMaxBlock = 8;
constexpr int kRitzEvery = 10;
constexpr int kOrthonormaliseEvery = 5; // the block loses independence slowly: its top values are all near 1
// Rows below which a product runs on the calling thread: starting threads costs more than it saves.
constexpr std::size_t kParallelRows = 20000;
constexpr double kRitzTolerance = 1e-7;

// Eigenvalues (descending) and eigenvectors (columns of `vectors`, row-major b x b) of a small
// symmetric matrix by cyclic Jacobi rotations.
void symmetricEigen(std::vector<double> a, std::size_t b, std::vector<double> &values, std::vector<double> &vectors)
{
    std::vector<double> v(b * b, 0.0);
    for (std::size_t i = 0; i < b; ++i)
        v[i * b + i] = 1.0;
    for (int sweep = 0; sweep < 100; ++sweep) {
        double off = 0.0, total = 0.0;
        for (std::size_t i = 0; i < b; ++i)
            for (std::size_t j = 0; j < b; ++j) {
                total += a[i * b + j] * a[i * b + j];
                if (i != j)
                    off += a[i * b + j] * a[i * b + j];
            }
        if (off <= 1e-30 * std::max(total, 1e-300))
            break;
        for (std::size_t p = 0; p < b; ++p)
            for (std::size_t q = p + 1; q < b; ++q) {
                const double apq = a[p * b + q];
                if (std::abs(apq) < 1e-300)
                    continue;
                const double theta = (a[q * b + q] - a[p * b + p]) / (2.0 * apq);
                const double t = (theta >= 0 ? 1.0 : -1.0) / (std::abs(theta) + std::sqrt(theta * theta + 1.0));
                const double c = 1.0 / std::sqrt(t * t + 1.0), s = t * c;
                for (std::size_t k = 0; k < b; ++k) { // columns p, q
                    const double akp = a[k * b + p], akq = a[k * b + q];
                    a[k * b + p] = c * akp - s * akq;
                    a[k * b + q] = s * akp + c * akq;
                }
                for (std::size_t k = 0; k < b; ++k) { // rows p, q
                    const double apk = a[p * b + k], aqk = a[q * b + k];
                    a[p * b + k] = c * apk - s * aqk;
                    a[q * b + k] = s * apk + c * aqk;
                }
                for (std::size_t k = 0; k < b; ++k) {
                    const double vkp = v[k * b + p], vkq = v[k * b + q];
                    v[k * b + p] = c * vkp - s * vkq;
                    v[k * b + q] = s * vkp + c * vkq;
                }
            }
    }
    std::vector<std::size_t> order(b);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return a[x * b + x] > a[y * b + y] || (a[x * b + x] == a[y * b + y] && x < y);
    });
    values.resize(b);
    vectors.assign(b * b, 0.0);
    for (std::size_t c = 0; c < b; ++c) {
        values[c] = a[order[c] * b + order[c]];
        for (std::size_t r = 0; r < b; ++r)
            vectors[r * b + c] = v[r * b + order[c]];
    }
}

// One connected component as a graph of its own, with the normalised weights
// w_ij / sqrt(d_i d_j) and the unit vector D^1/2 1 / |D^1/2 1| (the trivial eigenvector).
struct NormalisedComponent {
    std::size_t size = 0;
    std::vector<std::size_t> rowStart;
    std::vector<std::uint32_t> column;
    std::vector<double> weight;
    std::vector<double> trivial;
};

// `local` holds every row's place in its own component's list of members.
NormalisedComponent normalisedComponent(const WeightedGraph &graph, const std::vector<std::uint32_t> &members,
                                        const std::vector<std::uint32_t> &local)
{
    NormalisedComponent c;
    c.size = members.size();
    std::vector<double> degree(c.size, 0.0);
    c.rowStart.assign(c.size + 1, 0);
    for (std::size_t i = 0; i < c.size; ++i) {
        const std::uint32_t g = members[i];
        for (std::size_t e = graph.rowStart[g]; e < graph.rowStart[g + 1]; ++e) {
            c.column.push_back(local[graph.column[e]]);
            c.weight.push_back(graph.weight[e]);
            degree[i] += graph.weight[e];
        }
        c.rowStart[i + 1] = c.column.size();
    }
    double norm = 0.0;
    for (double d : degree)
        norm += d;
    norm = std::sqrt(norm);
    c.trivial.resize(c.size);
    for (std::size_t i = 0; i < c.size; ++i) {
        c.trivial[i] = std::sqrt(degree[i]) / norm;
        for (std::size_t e = c.rowStart[i]; e < c.rowStart[i + 1]; ++e)
            c.weight[e] /= std::sqrt(degree[i] * degree[c.column[e]]);
    }
    return c;
}

// y = A x for the B vectors stored row-major in x (size x B), for a block size known when compiled
// so that the inner loop vectorises.
template <std::size_t B>
void multiplyRows(const NormalisedComponent &c, const double *x, double *y, std::size_t r0, std::size_t r1)
{
    for (std::size_t i = r0; i < r1; ++i) {
        double sum[B] = {};
        for (std::size_t e = c.rowStart[i]; e < c.rowStart[i + 1]; ++e) {
            const double w = c.weight[e];
            const double *in = x + std::size_t(c.column[e]) * B;
            for (std::size_t v = 0; v < B; ++v)
                sum[v] += w * in[v];
        }
        for (std::size_t v = 0; v < B; ++v)
            y[i * B + v] = sum[v];
    }
}

// y = A x for the b vectors stored row-major in x (size x b), rows shared out over threads.
void multiply(const NormalisedComponent &c, const std::vector<double> &x, std::vector<double> &y, std::size_t b,
              int threads)
{
    parallelBlocks(c.size, c.size < kParallelRows ? 1 : threads, [&](std::size_t r0, std::size_t r1) {
        if (b == kMaxBlock) {
            multiplyRows<kMaxBlock>(c, x.data(), y.data(), r0, r1);
            return;
        }
        for (std::size_t i = r0; i < r1; ++i) {
            double *out = y.data() + i * b;
            std::fill(out, out + b, 0.0);
            for (std::size_t e = c.rowStart[i]; e < c.rowStart[i + 1]; ++e) {
                const double w = c.weight[e];
                const double *in = x.data() + std::size_t(c.column[e]) * b;
                for (std::size_t v = 0; v < b; ++v)
                    out[v] += w * in[v];
            }
        }
    });
}

// Makes column `v` of x orthogonal to the trivial vector and to columns 0 .. v-1 (twice, for
// accuracy) and of unit length; false when nothing independent is left of it.
bool orthonormaliseColumn(std::vector<double> &x, std::size_t b, std::size_t v, const std::vector<double> &trivial)
{
    const std::size_t m = trivial.size();
    double before = 0.0;
    for (std::size_t i = 0; i < m; ++i)
        before += x[i * b + v] * x[i * b + v];
    for (int pass = 0; pass < 2; ++pass) {
        double t = 0.0;
        for (std::size_t i = 0; i < m; ++i)
            t += trivial[i] * x[i * b + v];
        for (std::size_t i = 0; i < m; ++i)
            x[i * b + v] -= t * trivial[i];
        for (std::size_t u = 0; u < v; ++u) {
            double d = 0.0;
            for (std::size_t i = 0; i < m; ++i)
                d += x[i * b + u] * x[i * b + v];
            for (std::size_t i = 0; i < m; ++i)
                x[i * b + v] -= d * x[i * b + u];
        }
    }
    double norm = 0.0;
    for (std::size_t i = 0; i < m; ++i)
        norm += x[i * b + v] * x[i * b + v];
    if (!(norm > 1e-20 * std::max(before, 1e-300)) || !std::isfinite(norm))
        return false;
    norm = 1.0 / std::sqrt(norm);
    for (std::size_t i = 0; i < m; ++i)
        x[i * b + v] *= norm;
    return true;
}

// Orthonormalises all columns; a column that collapsed is replaced by fresh random values.
void orthonormalise(std::vector<double> &x, std::size_t b, const std::vector<double> &trivial,
                    DeterministicRandom &random)
{
    const std::size_t m = trivial.size();
    for (std::size_t v = 0; v < b; ++v) {
        for (int attempt = 0; attempt < 4 && !orthonormaliseColumn(x, b, v, trivial); ++attempt)
            for (std::size_t i = 0; i < m; ++i)
                x[i * b + v] = random.roughNormal();
    }
}

// The Ritz values and vectors of A on the span of x (orthonormal), given ax = A x.
void rayleighRitz(const std::vector<double> &x, const std::vector<double> &ax, std::size_t m, std::size_t b,
                  std::vector<double> &values, std::vector<double> &vectors)
{
    std::vector<double> h(b * b, 0.0);
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t p = 0; p < b; ++p)
            for (std::size_t q = 0; q < b; ++q)
                h[p * b + q] += x[i * b + p] * ax[i * b + q];
    for (std::size_t p = 0; p < b; ++p) // symmetrise the rounding away
        for (std::size_t q = p + 1; q < b; ++q)
            h[p * b + q] = h[q * b + p] = 0.5 * (h[p * b + q] + h[q * b + p]);
    symmetricEigen(h, b, values, vectors);
}

// The component's two leading non-trivial eigenvectors (size x 2, row-major).
std::vector<double> componentEigenvectors(const NormalisedComponent &c, std::uint64_t seed, int threads,
                                          int maxIterations)
{
    const std::size_t m = c.size;
    const std::size_t b = std::min(kMaxBlock, m - 1);
    DeterministicRandom random(seed);
    std::vector<double> x(m * b), ax(m * b);
    for (double &v : x)
        v = random.roughNormal();
    orthonormalise(x, b, c.trivial, random);
    std::vector<double> values, vectors, previous(kDims, 2.0);
    for (int iteration = 1; iteration <= maxIterations; ++iteration) {
        multiply(c, x, ax, b, threads);
        if (iteration % kRitzEvery == 1) { // just orthonormalised (every kOrthonormaliseEvery)
            rayleighRitz(x, ax, m, b, values, vectors);
            bool settled = true;
            for (std::size_t v = 0; v < kDims && v < b; ++v)
                settled = settled && std::abs(values[v] - previous[v]) < kRitzTolerance;
            for (std::size_t v = 0; v < kDims && v < b; ++v)
                previous[v] = values[v];
            if (settled)
                break;
        }
        // The shift (I + A) / 2 maps A's spectrum [-1, 1] to [0, 1], so the iteration favours
        // the eigenvalues nearest 1 and never those nearest -1.
        for (std::size_t i = 0; i < m * b; ++i)
            x[i] = 0.5 * (x[i] + ax[i]);
        if (iteration % kOrthonormaliseEvery == 0)
            orthonormalise(x, b, c.trivial, random);
    }
    orthonormalise(x, b, c.trivial, random);
    multiply(c, x, ax, b, threads);
    rayleighRitz(x, ax, m, b, values, vectors);
    std::vector<double> out(m * kDims, 0.0);
    for (std::size_t d = 0; d < kDims && d < b; ++d) {
        double largest = 0.0;
        for (std::size_t i = 0; i < m; ++i) {
            double value = 0.0;
            for (std::size_t p = 0; p < b; ++p)
                value += x[i * b + p] * vectors[p * b + d];
            out[i * kDims + d] = value;
            if (std::abs(value) > std::abs(largest))
                largest = value;
        }
        if (largest < 0) // a fixed sign: the largest-magnitude entry positive
            for (std::size_t i = 0; i < m; ++i)
                out[i * kDims + d] = -out[i * kDims + d];
    }
    return out;
}

// Where each component goes (components x 2), as multi_component_layout places them.
std::vector<double> componentPlaces(const GraphComponents &components, const MatrixView &data, std::uint64_t seed,
                                    int threads)
{
    const std::size_t count = components.count;
    std::vector<double> places(count * kDims, 0.0);
    if (count <= 2 * kDims) {
        const std::size_t half = (count + 1) / 2;
        for (std::size_t c = 0; c < count; ++c) {
            const std::size_t axis = c % half;
            places[c * kDims + axis] = c < half ? 1.0 : -1.0;
        }
        return places;
    }
    std::vector<float> centroids(count * data.columns, 0.0f);
    {
        std::vector<double> sums(count * data.columns, 0.0);
        std::vector<std::size_t> sizes(count, 0);
        for (std::size_t i = 0; i < data.rows; ++i) {
            const std::size_t c = components.label[i];
            ++sizes[c];
            for (std::size_t d = 0; d < data.columns; ++d)
                sums[c * data.columns + d] += data.row(i)[d];
        }
        for (std::size_t c = 0; c < count; ++c)
            for (std::size_t d = 0; d < data.columns; ++d)
                centroids[c * data.columns + d] = float(sums[c * data.columns + d] / double(sizes[c]));
    }
    Result<PcaResult> pca = principalComponents(MatrixView{centroids.data(), count, data.columns}, kDims, threads);
    double largest = 0.0;
    if (pca.ok()) {
        for (std::size_t i = 0; i < count * kDims; ++i) {
            places[i] = pca->coordinates[i];
            largest = std::max(largest, std::abs(places[i]));
        }
    }
    if (!(largest > 0) || !std::isfinite(largest)) { // no spread to show: random places
        DeterministicRandom random(DeterministicRandom::derive(seed, 0x91ace));
        for (double &p : places)
            p = 2.0 * random.uniform() - 1.0;
        return places;
    }
    for (double &p : places)
        p /= largest;
    return places;
}

} // namespace

GraphComponents connectedComponents(const WeightedGraph &graph)
{
    GraphComponents out;
    constexpr std::uint32_t kUnset = UINT32_MAX;
    out.label.assign(graph.rows, kUnset);
    std::vector<std::uint32_t> stack;
    for (std::size_t start = 0; start < graph.rows; ++start) {
        if (out.label[start] != kUnset)
            continue;
        const auto label = static_cast<std::uint32_t>(out.count++);
        out.label[start] = label;
        stack.push_back(static_cast<std::uint32_t>(start));
        while (!stack.empty()) {
            const std::uint32_t i = stack.back();
            stack.pop_back();
            for (std::size_t e = graph.rowStart[i]; e < graph.rowStart[i + 1]; ++e) {
                const std::uint32_t j = graph.column[e];
                if (out.label[j] == kUnset) {
                    out.label[j] = label;
                    stack.push_back(j);
                }
            }
        }
    }
    return out;
}

Result<std::vector<double>> spectralLayout(const WeightedGraph &graph, const MatrixView &data, std::uint64_t seed,
                                           int threads, int maxIterations)
{
    const std::size_t n = graph.rows;
    const GraphComponents components = connectedComponents(graph);
    std::vector<std::vector<std::uint32_t>> members(components.count);
    std::vector<std::uint32_t> local(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<std::uint32_t> &list = members[components.label[i]];
        local[i] = static_cast<std::uint32_t>(list.size());
        list.push_back(static_cast<std::uint32_t>(i));
    }

    std::vector<double> out(n * kDims, 0.0);
    const bool single = components.count == 1;
    const std::vector<double> places = single ? std::vector<double>(kDims, 0.0)
                                              : componentPlaces(components, data, seed, threads);
    // Components are independent: several are laid out side by side, each on one thread; a
    // single component uses the threads inside its products instead.
    const int outerThreads = single ? 1 : threads;
    const int innerThreads = single ? threads : 1;
    parallelBlocks(components.count, outerThreads, [&](std::size_t c0, std::size_t c1) {
        for (std::size_t c = c0; c < c1; ++c) {
            const std::vector<std::uint32_t> &rows = members[c];
            const double *place = places.data() + c * kDims;
            // Half the distance to the nearest other place (1 when alone).
            double range = 1.0;
            if (!single) {
                double nearest = std::numeric_limits<double>::infinity();
                for (std::size_t o = 0; o < components.count; ++o) {
                    const double dx = places[o * kDims] - place[0], dy = places[o * kDims + 1] - place[1];
                    const double d = std::sqrt(dx * dx + dy * dy);
                    if (o != c && d > 0)
                        nearest = std::min(nearest, d);
                }
                range = std::isfinite(nearest) ? nearest / 2.0 : 1.0;
            }
            const std::uint64_t componentSeed = DeterministicRandom::derive(seed, 0x5bec000000ULL + c);
            if (rows.size() < 2 * kDims || rows.size() <= kDims + 1) {
                DeterministicRandom random(componentSeed);
                for (std::uint32_t r : rows)
                    for (std::size_t d = 0; d < kDims; ++d)
                        out[r * kDims + d] = place[d] + range * (2.0 * random.uniform() - 1.0);
                continue;
            }
            const std::vector<double> vectors = componentEigenvectors(normalisedComponent(graph, rows, local),
                                                                      componentSeed, innerThreads, maxIterations);
            double scale = 1.0;
            if (!single) {
                double largest = 0.0;
                for (double v : vectors)
                    largest = std::max(largest, std::abs(v));
                scale = largest > 0 ? range / largest : 0.0;
            }
            for (std::size_t i = 0; i < rows.size(); ++i)
                for (std::size_t d = 0; d < kDims; ++d)
                    out[std::size_t(rows[i]) * kDims + d] = place[d] + scale * vectors[i * kDims + d];
        }
    });
    for (double v : out)
        if (!std::isfinite(v))
            return Error{"the spectral layout did not give finite coordinates"};
    return out;
}

} // namespace chorus
