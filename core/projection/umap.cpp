#include "core/projection/umap.h"

#include "core/projection/nndescent.h"
#include "core/projection/parallelblocks.h"
#include "core/projection/pca.h"
#include "core/util/deterministicrandom.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <memory>
#include <sstream>

namespace chorus {

namespace {

constexpr std::size_t kDims = 2;
constexpr std::size_t kExactBelow = 4096;      // umap-learn's _small_data threshold
constexpr std::size_t kManyPoints = 10000;     // more than this: 200 epochs by default, else 500
constexpr int kSmoothSteps = 64;
constexpr double kSmoothTolerance = 1e-5;      // SMOOTH_K_TOLERANCE
constexpr double kMinDistanceScale = 1e-3;     // MIN_K_DIST_SCALE
constexpr float kClip = 4.0f;
constexpr int kReportEvery = 10;

std::string number(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

// The layout is shared by the descent's threads, which read and write points without locks
// (as umap-learn's parallel mode does): relaxed atomics make that defined behaviour in C++ and
// compile to plain loads and stores.
class SharedLayout {
public:
    explicit SharedLayout(const std::vector<float> &start)
        : m_size(start.size()), m_values(new std::atomic<float>[start.size()])
    {
        for (std::size_t i = 0; i < m_size; ++i)
            m_values[i].store(start[i], std::memory_order_relaxed);
    }
    float get(std::size_t i) const { return m_values[i].load(std::memory_order_relaxed); }
    void add(std::size_t i, float delta)
    {
        m_values[i].store(m_values[i].load(std::memory_order_relaxed) + delta, std::memory_order_relaxed);
    }
    std::vector<float> copy() const
    {
        std::vector<float> out(m_size);
        for (std::size_t i = 0; i < m_size; ++i)
            out[i] = get(i);
        return out;
    }

private:
    std::size_t m_size;
    std::unique_ptr<std::atomic<float>[]> m_values;
};

inline float clip(float value)
{
    return std::max(-kClip, std::min(kClip, value));
}

// Keeps the edges of weight at least `least` (both directions have the same weight, so the
// graph stays symmetric).
WeightedGraph pruned(const WeightedGraph &graph, float least)
{
    WeightedGraph out;
    out.rows = graph.rows;
    out.rowStart.assign(graph.rows + 1, 0);
    for (std::size_t i = 0; i < graph.rows; ++i) {
        for (std::size_t e = graph.rowStart[i]; e < graph.rowStart[i + 1]; ++e) {
            if (graph.weight[e] >= least) {
                out.column.push_back(graph.column[e]);
                out.weight.push_back(graph.weight[e]);
            }
        }
        out.rowStart[i + 1] = out.column.size();
    }
    return out;
}

// Scales coordinates so that the largest magnitude is 10 and adds N(0, 1e-4) noise
// (umap-learn's expansion after spectral_layout, and noisy_scale_coords for init='pca').
std::vector<float> scaledWithNoise(const std::vector<double> &coordinates, std::uint64_t seed)
{
    double largest = 0.0;
    for (double v : coordinates)
        largest = std::max(largest, std::abs(v));
    const double expansion = largest > 0 ? 10.0 / largest : 1.0;
    DeterministicRandom random(DeterministicRandom::derive(seed, 0x2015e));
    std::vector<float> out(coordinates.size());
    for (std::size_t i = 0; i < coordinates.size(); ++i)
        out[i] = float(coordinates[i] * expansion + 1e-4 * random.roughNormal());
    return out;
}

std::vector<float> randomLayout(std::size_t rows, std::uint64_t seed)
{
    DeterministicRandom random(DeterministicRandom::derive(seed, 0x4a2d0));
    std::vector<float> out(rows * kDims);
    for (float &v : out)
        v = float(20.0 * random.uniform() - 10.0);
    return out;
}

// The starting layout and the initialisation that made it.
std::vector<float> initialLayout(const MatrixView &matrix, const WeightedGraph &graph, const UmapOptions &options,
                                 int threads, UmapInitialisation &used)
{
    used = options.initialisation;
    if (used == UmapInitialisation::Spectral) {
        Result<std::vector<double>> spectral = spectralLayout(graph, matrix, options.seed, threads);
        if (spectral.ok())
            return scaledWithNoise(*spectral, options.seed);
        used = UmapInitialisation::Pca;
    }
    if (used == UmapInitialisation::Pca) {
        Result<PcaResult> pca = matrix.columns >= kDims ? principalComponents(matrix, kDims, threads)
                                                        : Result<PcaResult>(Error{"one column"});
        if (pca.ok()) {
            std::vector<double> coordinates(pca->coordinates.begin(), pca->coordinates.end());
            bool spread = false;
            for (double v : coordinates)
                spread = spread || v != 0.0;
            if (spread)
                return scaledWithNoise(coordinates, options.seed);
        }
        used = UmapInitialisation::Random;
    }
    return randomLayout(matrix.rows, options.seed);
}

// umap-learn rescales every axis of the start to [0, 10] before the descent.
void rescaleAxes(std::vector<float> &layout, std::size_t rows)
{
    for (std::size_t d = 0; d < kDims; ++d) {
        float lo = std::numeric_limits<float>::infinity(), hi = -lo;
        for (std::size_t i = 0; i < rows; ++i) {
            lo = std::min(lo, layout[i * kDims + d]);
            hi = std::max(hi, layout[i * kDims + d]);
        }
        const float width = hi - lo;
        for (std::size_t i = 0; i < rows; ++i)
            layout[i * kDims + d] = width > 0 ? 10.0f * (layout[i * kDims + d] - lo) / width : 5.0f;
    }
}

} // namespace

std::string UmapOptions::validate(std::size_t rows) const
{
    if (rows < 2)
        return "UMAP needs at least two points, got " + std::to_string(rows);
    if (nNeighbors < 2)
        return "n_neighbors must be at least 2, got " + std::to_string(nNeighbors);
    if (std::size_t(nNeighbors) > rows)
        return "n_neighbors (" + std::to_string(nNeighbors) + ") must not exceed the number of points ("
               + std::to_string(rows) + ")";
    if (!(minDist >= 0.0) || !std::isfinite(minDist))
        return "min_dist must be 0 or more, got " + number(minDist);
    if (!(spread > 0.0) || !std::isfinite(spread))
        return "spread must be positive, got " + number(spread);
    if (minDist > spread)
        return "min_dist (" + number(minDist) + ") must not exceed spread (" + number(spread) + ")";
    if (epochs < 0 || epochs > 100000)
        return "epochs must be 0 (automatic) to 100000, got " + std::to_string(epochs);
    if (!(learningRate > 0.0) || !std::isfinite(learningRate))
        return "learning_rate must be positive, got " + number(learningRate);
    if (negativeSampleRate < 0 || negativeSampleRate > 1000)
        return "negative_sample_rate must be 0 to 1000, got " + std::to_string(negativeSampleRate);
    if (!(repulsionStrength >= 0.0) || !std::isfinite(repulsionStrength))
        return "repulsion_strength must be 0 or more, got " + number(repulsionStrength);
    return {};
}

int UmapOptions::resolvedEpochs(std::size_t rows) const
{
    if (epochs > 0)
        return epochs;
    return rows <= kManyPoints ? 500 : 200;
}

UmapCurve fitUmapCurve(double spread, double minDist)
{
    constexpr int kPoints = 300;
    std::vector<double> x(kPoints), y(kPoints);
    for (int i = 0; i < kPoints; ++i) {
        x[i] = 3.0 * spread * double(i) / double(kPoints - 1);
        y[i] = x[i] < minDist ? 1.0 : std::exp(-(x[i] - minDist) / spread);
    }
    const auto cost = [&](double a, double b) {
        double sum = 0.0;
        for (int i = 0; i < kPoints; ++i) {
            const double r = 1.0 / (1.0 + a * std::pow(x[i], 2.0 * b)) - y[i];
            sum += r * r;
        }
        return sum;
    };
    double a = 1.0, b = 1.0, lambda = 1e-3;
    double current = cost(a, b);
    for (int iteration = 0; iteration < 500; ++iteration) {
        // Gauss-Newton normal equations J^T J and J^T r.
        double jaa = 0, jab = 0, jbb = 0, ga = 0, gb = 0;
        for (int i = 0; i < kPoints; ++i) {
            const double u = x[i] > 0 ? std::pow(x[i], 2.0 * b) : 0.0;
            const double f = 1.0 / (1.0 + a * u);
            const double r = f - y[i];
            const double da = -u * f * f;
            const double db = x[i] > 0 ? -a * f * f * u * 2.0 * std::log(x[i]) : 0.0;
            jaa += da * da;
            jab += da * db;
            jbb += db * db;
            ga += da * r;
            gb += db * r;
        }
        bool stepped = false;
        while (lambda < 1e16) {
            const double maa = jaa * (1.0 + lambda), mbb = jbb * (1.0 + lambda);
            const double det = maa * mbb - jab * jab;
            if (det != 0.0 && std::isfinite(det)) {
                const double stepA = -(mbb * ga - jab * gb) / det;
                const double stepB = -(maa * gb - jab * ga) / det;
                const double next = cost(a + stepA, b + stepB);
                if (std::isfinite(next) && next < current) {
                    const double change = current - next;
                    a += stepA;
                    b += stepB;
                    current = next;
                    lambda = std::max(lambda / 10.0, 1e-12);
                    stepped = change > 1e-16 * std::max(current, 1e-300)
                              && (std::abs(stepA) > 1e-12 * std::abs(a) || std::abs(stepB) > 1e-12 * std::abs(b));
                    break;
                }
            }
            lambda *= 10.0;
        }
        if (!stepped)
            break;
    }
    return UmapCurve{a, b};
}

SmoothDistances smoothNeighbourDistances(const NeighbourGraph &graph, double nNeighbors, int threads)
{
    const std::size_t n = graph.rows, k = graph.k;
    SmoothDistances out;
    out.rho.assign(n, 0.0);
    out.sigma.assign(n, 0.0);
    const double target = std::log2(nNeighbors);
    // umap-learn's distance rows include the point itself at distance 0: its means count it.
    double total = 0.0;
    for (float d : graph.squaredDistances)
        total += std::sqrt(double(d));
    const double meanDistance = total / double(n * (k + 1));
    parallelBlocks(n, resolvedThreadCount(threads), [&](std::size_t r0, std::size_t r1) {
        std::vector<double> d(k);
        for (std::size_t i = r0; i < r1; ++i) {
            double rowTotal = 0.0;
            double rho = 0.0;
            for (std::size_t j = 0; j < k; ++j) {
                d[j] = std::sqrt(double(graph.distancesOf(i)[j]));
                rowTotal += d[j];
                if (rho == 0.0 && d[j] > 0.0)
                    rho = d[j];
            }
            double lo = 0.0, hi = std::numeric_limits<double>::infinity(), mid = 1.0;
            for (int step = 0; step < kSmoothSteps; ++step) {
                double sum = 0.0;
                for (std::size_t j = 0; j < k; ++j) {
                    const double over = d[j] - rho;
                    sum += over > 0 ? std::exp(-over / mid) : 1.0;
                }
                if (std::abs(sum - target) < kSmoothTolerance)
                    break;
                if (sum > target) {
                    hi = mid;
                    mid = (lo + hi) / 2.0;
                } else {
                    lo = mid;
                    mid = std::isinf(hi) ? mid * 2.0 : (lo + hi) / 2.0;
                }
            }
            const double floor = kMinDistanceScale * (rho > 0.0 ? rowTotal / double(k + 1) : meanDistance);
            out.rho[i] = rho;
            out.sigma[i] = std::max(mid, floor);
        }
    });
    return out;
}

WeightedGraph fuzzySimplicialSet(const NeighbourGraph &graph, const SmoothDistances &smooth)
{
    const std::size_t n = graph.rows, k = graph.k;
    // Each row gathers its own memberships (forward) and those of the points that have it as a
    // neighbour (transposed); a pair present both ways is combined by the fuzzy union.
    struct Entry {
        std::uint32_t column;
        bool forward;
        double value;
    };
    std::vector<std::size_t> start(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        start[i + 1] += k;
        for (std::size_t j = 0; j < k; ++j)
            ++start[std::size_t(graph.neighboursOf(i)[j]) + 1];
    }
    for (std::size_t i = 0; i < n; ++i)
        start[i + 1] += start[i];
    std::vector<Entry> entries(start[n]);
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < k; ++j) {
            const std::uint32_t other = graph.neighboursOf(i)[j];
            const double over = std::sqrt(double(graph.distancesOf(i)[j])) - smooth.rho[i];
            const double value = over <= 0.0 || smooth.sigma[i] == 0.0 ? 1.0 : std::exp(-over / smooth.sigma[i]);
            entries[fill[i]++] = Entry{other, true, value};
            entries[fill[other]++] = Entry{static_cast<std::uint32_t>(i), false, value};
        }
    }
    WeightedGraph out;
    out.rows = n;
    out.rowStart.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        auto first = entries.begin() + std::ptrdiff_t(start[i]);
        auto last = entries.begin() + std::ptrdiff_t(start[i + 1]);
        std::sort(first, last, [](const Entry &a, const Entry &b) {
            return a.column < b.column || (a.column == b.column && a.forward && !b.forward);
        });
        for (auto it = first; it != last;) {
            double mine = 0.0, theirs = 0.0;
            const std::uint32_t column = it->column;
            for (; it != last && it->column == column; ++it)
                (it->forward ? mine : theirs) += it->value;
            const double weight = mine + theirs - mine * theirs;
            if (weight > 0.0 && column != i) {
                out.column.push_back(column);
                out.weight.push_back(float(weight));
            }
        }
        out.rowStart[i + 1] = out.column.size();
    }
    return out;
}

Result<UmapResult> runUmap(const MatrixView &matrix, const UmapOptions &options, const UmapProgressCallback &progress)
{
    const std::size_t n = matrix.rows;
    if (const std::string problem = options.validate(n); !problem.empty())
        return Error{problem};
    for (std::size_t i = 0; i < n * matrix.columns; ++i)
        if (!std::isfinite(matrix.data[i]))
            return Error{"row " + std::to_string(i / matrix.columns) + " holds a value that is not a finite number"};
    const int threads = resolvedThreadCount(options.threads);
    const int epochs = options.resolvedEpochs(n);

    UmapResult result;
    result.rows = n;
    const auto stopped = [&](UmapStage stage, int done, int total) {
        return progress && !progress(stage, done, total);
    };
    const auto cancelledResult = [&]() {
        result.cancelled = true;
        return result;
    };

    // 1. The k nearest neighbours (umap-learn's n_neighbors counts the point itself).
    const std::size_t k = std::size_t(options.nNeighbors) - 1;
    result.exactNeighbours = options.neighbourSearch == UmapNeighbourSearch::Exact
                             || (options.neighbourSearch == UmapNeighbourSearch::Automatic && n < kExactBelow);
    Result<NeighbourGraph> neighbours = Error{""};
    if (result.exactNeighbours) {
        if (stopped(UmapStage::Neighbours, 0, 1))
            return cancelledResult();
        neighbours = euclideanNeighbourGraph(matrix, k, threads);
        if (neighbours.ok() && stopped(UmapStage::Neighbours, 1, 1))
            return cancelledResult();
    } else {
        NnDescentOptions search;
        search.threads = threads;
        search.seed = options.seed;
        bool searchStopped = false;
        neighbours = approximateNeighbourGraph(matrix, k, search, [&](int done, int total) {
            searchStopped = stopped(UmapStage::Neighbours, done, total);
            return !searchStopped;
        });
        if (searchStopped)
            return cancelledResult();
    }
    if (!neighbours.ok())
        return neighbours.error();

    // 2. The fuzzy graph, without the edges too weak to be sampled in `epochs` epochs.
    const WeightedGraph fuzzy
        = fuzzySimplicialSet(*neighbours, smoothNeighbourDistances(*neighbours, options.nNeighbors, threads));
    float strongest = 0.0f;
    for (float w : fuzzy.weight)
        strongest = std::max(strongest, w);
    const int pruneEpochs = epochs > 10 ? epochs : (n <= kManyPoints ? 500 : 200);
    const WeightedGraph graph = pruned(fuzzy, strongest / float(pruneEpochs));
    result.edges = graph.column.size();
    result.components = connectedComponents(graph).count;

    // 3. The start.
    std::vector<float> start = initialLayout(matrix, graph, options, threads, result.initialisation);
    rescaleAxes(start, n);
    const UmapCurve curve = fitUmapCurve(options.spread, options.minDist);
    result.a = curve.a;
    result.b = curve.b;
    SharedLayout layout(start);
    const auto finish = [&](bool cancelled) {
        result.cancelled = cancelled;
        result.coordinates = layout.copy();
        return result;
    };
    if (stopped(UmapStage::Layout, 0, epochs))
        return finish(true);

    // 4. Stochastic gradient descent: each edge is sampled in proportion to its weight (every
    // epochsPerSample epochs), with negativeSampleRate random points pushed away per sample.
    const std::size_t edges = graph.column.size();
    // Every epoch reads these for every edge, most of which are not due: single precision halves
    // that traffic (umap-learn keeps doubles; epoch counts up to 100,000 lose nothing that matters).
    // The interval between negative samples is epochsPerSample / negativeSampleRate.
    std::vector<float> epochsPerSample(edges), nextSample(edges), nextNegative(edges);
    const float negativeRate = float(std::max(1, options.negativeSampleRate));
    for (std::size_t e = 0; e < edges; ++e) {
        epochsPerSample[e] = strongest / graph.weight[e];
        nextSample[e] = epochsPerSample[e];
        nextNegative[e] = epochsPerSample[e] / negativeRate;
    }
    const float a = float(curve.a), b = float(curve.b);
    const float gamma = float(options.repulsionStrength);
    const std::uint64_t negativeKey = DeterministicRandom::derive(options.seed, 0x4e6a7);
    const std::uint64_t vertices = n;

    for (int epoch = 0; epoch < epochs; ++epoch) {
        // umap-learn updates alpha after each epoch: the first two epochs use the full rate.
        const float alpha = float(options.learningRate * (1.0 - double(std::max(0, epoch - 1)) / double(epochs)));
        // Edges in row order (row j holds the edges j -> t), rows shared out over the threads.
        parallelBlocks(n, threads, [&](std::size_t r0, std::size_t r1) {
            for (std::size_t e = graph.rowStart[r0], j = r0; e < graph.rowStart[r1]; ++e) {
                while (e >= graph.rowStart[j + 1])
                    ++j;
                if (nextSample[e] > float(epoch))
                    continue;
                const std::size_t t = graph.column[e];
                float cx = layout.get(2 * j), cy = layout.get(2 * j + 1);
                float dx = cx - layout.get(2 * t), dy = cy - layout.get(2 * t + 1);
                float d2 = dx * dx + dy * dy;
                if (d2 > 0.0f) {
                    const float powered = std::exp(b * std::log(d2)); // d2^b, faster than pow
                    const float coefficient = -2.0f * a * b * (powered / d2) / (a * powered + 1.0f);
                    const float gx = clip(coefficient * dx) * alpha, gy = clip(coefficient * dy) * alpha;
                    layout.add(2 * j, gx);
                    layout.add(2 * j + 1, gy);
                    layout.add(2 * t, -gx);
                    layout.add(2 * t + 1, -gy);
                    cx += gx;
                    cy += gy;
                }
                nextSample[e] += epochsPerSample[e];
                if (options.negativeSampleRate == 0)
                    continue;

                const float epochsPerNegative = epochsPerSample[e] / negativeRate;
                const int negatives = int((float(epoch) - nextNegative[e]) / epochsPerNegative);
                const std::uint64_t base = DeterministicRandom::mix(negativeKey ^ ((std::uint64_t(epoch) << 40) + e));
                for (int p = 0; p < negatives; ++p) {
                    const std::uint64_t r = DeterministicRandom::mix(base + std::uint64_t(p));
                    const std::size_t other = std::size_t(((r >> 32) * vertices) >> 32);
                    dx = cx - layout.get(2 * other);
                    dy = cy - layout.get(2 * other + 1);
                    d2 = dx * dx + dy * dy;
                    float gx, gy;
                    if (d2 > 0.0f) {
                        const float powered = std::exp(b * std::log(d2));
                        const float coefficient = 2.0f * gamma * b / ((0.001f + d2) * (a * powered + 1.0f));
                        gx = clip(coefficient * dx);
                        gy = clip(coefficient * dy);
                    } else if (other == j) {
                        continue;
                    } else {
                        gx = gy = kClip; // a coincident point: umap-learn pushes by the clip
                    }
                    layout.add(2 * j, gx * alpha);
                    layout.add(2 * j + 1, gy * alpha);
                    cx += gx * alpha;
                    cy += gy * alpha;
                }
                nextNegative[e] += float(negatives) * epochsPerNegative;
            }
        });
        result.epochsRun = epoch + 1;
        if ((result.epochsRun % kReportEvery == 0 || result.epochsRun == epochs)
            && stopped(UmapStage::Layout, result.epochsRun, epochs))
            return finish(true);
    }
    return finish(false);
}

} // namespace chorus
