#include "core/projection/tsne.h"

#include "core/projection/parallelblocks.h"
#include "core/projection/pca.h"
#include "core/util/deterministicrandom.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace chorus {

namespace {

constexpr int kCheckEvery = 50;
constexpr int kPerplexitySteps = 100;
constexpr double kPerplexityTolerance = 1e-5;
constexpr double kMinGain = 0.01;
constexpr double kTiny = 1.1754943508222875e-38; // sklearn's FLOAT32_TINY in the KL divergence
constexpr double kDuplicateDistance = 1e-12;     // closer than this counts as the same place

// Symmetric sparse affinities in compressed rows.
struct SparseAffinities {
    std::vector<std::size_t> rowStart; // rows + 1
    std::vector<std::uint32_t> column;
    std::vector<double> value;
};

// p_{j|i} over the k neighbours of each point, each row calibrated so its entropy is
// log(perplexity). Distances are shifted by the row minimum before exponentiation: this leaves
// p and the entropy unchanged but keeps exp() from underflowing on far-apart data.
std::vector<double> conditionalAffinities(const NeighbourGraph &graph, double perplexity, int threads)
{
    const std::size_t k = graph.k;
    std::vector<double> p(graph.rows * k);
    const double targetEntropy = std::log(perplexity);
    parallelBlocks(graph.rows, threads, [&](std::size_t r0, std::size_t r1) {
        std::vector<double> shifted(k);
        for (std::size_t i = r0; i < r1; ++i) {
            const float *d = graph.distancesOf(i);
            double *row = p.data() + i * k;
            const double smallest = d[0];
            for (std::size_t j = 0; j < k; ++j)
                shifted[j] = double(d[j]) - smallest;
            double beta = 1.0;
            double betaMin = -std::numeric_limits<double>::infinity();
            double betaMax = std::numeric_limits<double>::infinity();
            for (int step = 0; step < kPerplexitySteps; ++step) {
                double sum = 0.0;
                for (std::size_t j = 0; j < k; ++j) {
                    row[j] = std::exp(-shifted[j] * beta);
                    sum += row[j];
                }
                double weighted = 0.0;
                for (std::size_t j = 0; j < k; ++j) {
                    row[j] /= sum;
                    weighted += shifted[j] * row[j];
                }
                const double entropy = std::log(sum) + beta * weighted;
                const double difference = entropy - targetEntropy;
                if (std::abs(difference) <= kPerplexityTolerance)
                    break;
                if (difference > 0) {
                    betaMin = beta;
                    beta = std::isinf(betaMax) ? beta * 2.0 : (beta + betaMax) / 2.0;
                } else {
                    betaMax = beta;
                    beta = std::isinf(betaMin) ? beta / 2.0 : (beta + betaMin) / 2.0;
                }
            }
        }
    });
    return p;
}

// P = (P_cond + P_cond^T) / sum, as compressed rows sorted by column.
SparseAffinities symmetrise(const NeighbourGraph &graph, const std::vector<double> &conditional)
{
    const std::size_t n = graph.rows;
    const std::size_t k = graph.k;
    std::vector<std::size_t> count(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        count[i] += k;
        for (std::size_t j = 0; j < k; ++j)
            ++count[graph.neighboursOf(i)[j]];
    }
    std::vector<std::size_t> start(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i)
        start[i + 1] = start[i] + count[i];
    std::vector<std::pair<std::uint32_t, double>> entries(start[n]);
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < k; ++j) {
            const std::uint32_t other = graph.neighboursOf(i)[j];
            const double value = conditional[i * k + j];
            entries[fill[i]++] = {other, value};
            entries[fill[other]++] = {static_cast<std::uint32_t>(i), value};
        }
    }
    SparseAffinities p;
    p.rowStart.assign(n + 1, 0);
    double total = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        auto first = entries.begin() + static_cast<std::ptrdiff_t>(start[i]);
        auto last = entries.begin() + static_cast<std::ptrdiff_t>(start[i + 1]);
        std::sort(first, last, [](const auto &a, const auto &b) { return a.first < b.first; });
        for (auto it = first; it != last; ++it) {
            if (!p.column.empty() && p.column.size() > p.rowStart[i] && p.column.back() == it->first) {
                p.value.back() += it->second;
            } else {
                p.column.push_back(it->first);
                p.value.push_back(it->second);
            }
            total += it->second;
        }
        p.rowStart[i + 1] = p.column.size();
    }
    for (double &v : p.value)
        v /= std::max(total, std::numeric_limits<double>::min());
    return p;
}

// A point-region quadtree over the embedding that stores, for each cell, the number of points
// and the sum of their positions; cells are summarised by their centre of mass.
class QuadTree {
public:
    void build(const std::vector<double> &y, std::size_t n)
    {
        m_nodes.clear();
        double minX = y[0], maxX = y[0], minY = y[1], maxY = y[1];
        for (std::size_t i = 1; i < n; ++i) {
            minX = std::min(minX, y[2 * i]);
            maxX = std::max(maxX, y[2 * i]);
            minY = std::min(minY, y[2 * i + 1]);
            maxY = std::max(maxY, y[2 * i + 1]);
        }
        const double half = std::max(maxX - minX, maxY - minY) * 0.5 * (1.0 + 1e-6) + 1e-12;
        m_minHalf = half * 1e-12;
        m_nodes.push_back(Node{(minX + maxX) * 0.5, (minY + maxY) * 0.5, half});
        for (std::size_t i = 0; i < n; ++i)
            insert(y[2 * i], y[2 * i + 1]);
        // The traversal reads only this compact copy, with centres of mass divided out once.
        m_cells.resize(m_nodes.size());
        for (std::size_t i = 0; i < m_nodes.size(); ++i) {
            const Node &node = m_nodes[i];
            Cell &cell = m_cells[i];
            cell.count = node.count;
            cell.x = node.count > 0 ? node.sumX / node.count : 0.0;
            cell.y = node.count > 0 ? node.sumY / node.count : 0.0;
            cell.widthSquared = 4.0 * node.half * node.half;
            cell.firstChild = node.firstChild;
        }
    }

    // Repulsive force sum_j w_ij^2 (y_i - y_j) and sum_j w_ij, w = 1 / (1 + d^2), over all other
    // points, with cells of width / distance < theta taken as one point at their centre of mass.
    void repulsion(double x, double y, double thetaSquared, double &forceX, double &forceY, double &z) const
    {
        double fx = 0.0, fy = 0.0, sum = 0.0;
        std::uint32_t stack[1024];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            const Cell &cell = m_cells[stack[--top]];
            const double dx = x - cell.x;
            const double dy = y - cell.y;
            const double d2 = dx * dx + dy * dy;
            if (cell.firstChild == 0 || cell.widthSquared < thetaSquared * d2) {
                if (d2 < kDuplicateDistance && cell.firstChild == 0)
                    continue; // the point itself (and exact duplicates, which exert no force)
                const double w = 1.0 / (1.0 + d2);
                const double mass = cell.count * w;
                sum += mass;
                fx += mass * w * dx;
                fy += mass * w * dy;
            } else {
                for (std::uint32_t c = cell.firstChild; c < cell.firstChild + 4; ++c)
                    if (m_cells[c].count > 0)
                        stack[top++] = c;
            }
        }
        forceX = fx;
        forceY = fy;
        z = sum;
    }

private:
    struct Node {
        double centreX = 0, centreY = 0, half = 0;
        double sumX = 0, sumY = 0;
        double count = 0;
        std::uint32_t firstChild = 0; // 0 = leaf (the root is never anyone's child)
        double pointX = 0, pointY = 0;  // a leaf's location (all its points share it)
    };

    void insert(double x, double y)
    {
        std::uint32_t index = 0;
        int depth = 0;
        for (;;) {
            Node &node = m_nodes[index];
            if (node.firstChild == 0) {
                if (node.count == 0) {
                    node.pointX = x;
                    node.pointY = y;
                    node.sumX = x;
                    node.sumY = y;
                    node.count = 1;
                    return;
                }
                const double dx = node.pointX - x, dy = node.pointY - y;
                if (dx * dx + dy * dy < kDuplicateDistance || node.half < m_minHalf || depth > 200) {
                    node.sumX += x;
                    node.sumY += y;
                    node.count += 1;
                    return;
                }
                split(index);
            }
            Node &internal = m_nodes[index];
            internal.sumX += x;
            internal.sumY += y;
            internal.count += 1;
            index = internal.firstChild + quadrant(internal, x, y);
            ++depth;
        }
    }

    static std::uint32_t quadrant(const Node &node, double x, double y)
    {
        return (x >= node.centreX ? 1u : 0u) + (y >= node.centreY ? 2u : 0u);
    }

    // Turns a leaf into an internal node, moving its points into the matching child.
    void split(std::uint32_t index)
    {
        const std::uint32_t first = static_cast<std::uint32_t>(m_nodes.size());
        const Node parent = m_nodes[index];
        const double quarter = parent.half * 0.5;
        for (std::uint32_t c = 0; c < 4; ++c) {
            Node child;
            child.centreX = parent.centreX + ((c & 1u) ? quarter : -quarter);
            child.centreY = parent.centreY + ((c & 2u) ? quarter : -quarter);
            child.half = quarter;
            m_nodes.push_back(child);
        }
        Node &moved = m_nodes[first + quadrant(parent, parent.pointX, parent.pointY)];
        moved.pointX = parent.pointX;
        moved.pointY = parent.pointY;
        moved.sumX = parent.sumX;
        moved.sumY = parent.sumY;
        moved.count = parent.count;
        m_nodes[index].firstChild = first;
    }

    struct Cell {
        double x = 0, y = 0; // centre of mass
        double count = 0;
        double widthSquared = 0;
        std::uint32_t firstChild = 0; // 0 = leaf
    };

    std::vector<Node> m_nodes;
    std::vector<Cell> m_cells;
    double m_minHalf = 0;
};

std::vector<double> initialEmbedding(const MatrixView &matrix, const TsneOptions &options, int threads)
{
    const std::size_t n = matrix.rows;
    std::vector<double> y(2 * n, 0.0);
    if (options.initialisation == TsneInitialisation::Pca && matrix.columns >= 2) {
        Result<PcaResult> pca = principalComponents(matrix, 2, threads);
        if (pca.ok()) {
            double mean = 0.0;
            for (std::size_t i = 0; i < n; ++i)
                mean += pca->coordinates[2 * i];
            mean /= double(n);
            double variance = 0.0;
            for (std::size_t i = 0; i < n; ++i)
                variance += (pca->coordinates[2 * i] - mean) * (pca->coordinates[2 * i] - mean);
            const double sd = std::sqrt(variance / double(n));
            if (sd > 0) {
                for (std::size_t i = 0; i < 2 * n; ++i)
                    y[i] = pca->coordinates[i] / sd * 1e-4;
                return y;
            }
        }
    }
    // Random start (asked for, or PCA impossible because the data have no spread).
    DeterministicRandom random(DeterministicRandom::derive(options.seed, 0x75e));
    for (double &v : y)
        v = 1e-4 * random.roughNormal();
    return y;
}

} // namespace

std::string TsneOptions::validate(std::size_t rows) const
{
    if (rows < 2)
        return "t-SNE needs at least two points, got " + std::to_string(rows);
    if (!(perplexity > 0))
        return "the perplexity must be positive";
    if (perplexity >= double(rows))
        return "the perplexity (" + std::to_string(perplexity) + ") must be less than the number of points ("
               + std::to_string(rows) + ")";
    if (iterations < 1)
        return "t-SNE needs at least one iteration";
    if (!(theta >= 0))
        return "theta must be 0 or more";
    if (!(learningRate >= 0))
        return "the learning rate must be positive (or 0 for automatic)";
    if (!(earlyExaggeration > 0))
        return "the early exaggeration must be positive";
    if (exaggerationIterations < 0)
        return "the number of early-exaggeration iterations cannot be negative";
    return {};
}

Result<TsneResult> runTsne(const MatrixView &matrix, const TsneOptions &options, const TsneProgressCallback &progress)
{
    const std::size_t n = matrix.rows;
    if (const std::string problem = options.validate(n); !problem.empty())
        return Error{problem};
    for (std::size_t i = 0; i < n * matrix.columns; ++i)
        if (!std::isfinite(matrix.data[i]))
            return Error{"row " + std::to_string(i / matrix.columns) + " holds a value that is not a finite number"};
    const int threads = resolvedThreadCount(options.threads);

    const std::size_t k = std::min<std::size_t>(n - 1, static_cast<std::size_t>(3.0 * options.perplexity + 1.0));
    Result<NeighbourGraph> graph = euclideanNeighbourGraph(matrix, k, threads);
    if (!graph.ok())
        return graph.error();
    const SparseAffinities p = symmetrise(*graph, conditionalAffinities(*graph, options.perplexity, threads));

    TsneResult result;
    result.rows = n;
    std::vector<double> y = initialEmbedding(matrix, options, threads);
    const auto finish = [&](bool cancelled) {
        result.cancelled = cancelled;
        result.coordinates.assign(y.begin(), y.end());
        return result;
    };
    if (progress && !progress(0, std::numeric_limits<double>::quiet_NaN()))
        return finish(true);

    const double learningRate = options.learningRate > 0
                                    ? options.learningRate
                                    : std::max(double(n) / options.earlyExaggeration / 4.0, 50.0);
    const double thetaSquared = options.theta * options.theta;
    std::vector<double> update(2 * n, 0.0), gains(2 * n, 1.0), gradient(2 * n, 0.0);
    std::vector<double> repulsive(2 * n, 0.0), pointZ(n, 0.0), pointKl(n, 0.0);
    QuadTree tree;
    double bestKl = std::numeric_limits<double>::infinity();
    int bestIteration = 0;

    for (int iteration = 1; iteration <= options.iterations; ++iteration) {
        const bool early = iteration <= options.exaggerationIterations;
        const double exaggeration = early ? options.earlyExaggeration : 1.0;
        const double momentum = early ? options.initialMomentum : options.finalMomentum;
        const bool check = iteration % kCheckEvery == 0 || iteration == options.iterations;
        if (iteration == options.exaggerationIterations + 1) {
            // A new phase, as in sklearn's second _gradient_descent call: progress starts afresh.
            bestKl = std::numeric_limits<double>::infinity();
            bestIteration = iteration - 1;
        }

        // Repulsion: exact when theta is 0 (every cell opened down to its leaves).
        tree.build(y, n);
        parallelBlocks(n, threads, [&](std::size_t r0, std::size_t r1) {
            for (std::size_t i = r0; i < r1; ++i)
                tree.repulsion(y[2 * i], y[2 * i + 1], thetaSquared, repulsive[2 * i], repulsive[2 * i + 1], pointZ[i]);
        });
        double z = 0.0;
        for (double v : pointZ)
            z += v;
        z = std::max(z, std::numeric_limits<double>::min());

        // Attraction along the sparse P, and the gradient 4 (exaggeration P - Q) (y_i - y_j) w_ij.
        parallelBlocks(n, threads, [&](std::size_t r0, std::size_t r1) {
            for (std::size_t i = r0; i < r1; ++i) {
                double ax = 0.0, ay = 0.0, kl = 0.0;
                for (std::size_t e = p.rowStart[i]; e < p.rowStart[i + 1]; ++e) {
                    const std::size_t j = p.column[e];
                    const double dx = y[2 * i] - y[2 * j];
                    const double dy = y[2 * i + 1] - y[2 * j + 1];
                    const double w = 1.0 / (1.0 + dx * dx + dy * dy);
                    const double pw = p.value[e] * w;
                    ax += pw * dx;
                    ay += pw * dy;
                    if (check)
                        kl += p.value[e] * std::log(std::max(p.value[e], kTiny) / std::max(w / z, kTiny));
                }
                gradient[2 * i] = 4.0 * (exaggeration * ax - repulsive[2 * i] / z);
                gradient[2 * i + 1] = 4.0 * (exaggeration * ay - repulsive[2 * i + 1] / z);
                pointKl[i] = kl;
            }
        });

        double gradientNorm = 0.0;
        for (std::size_t i = 0; i < 2 * n; ++i) {
            gradientNorm += gradient[i] * gradient[i];
            const bool sameSign = update[i] * gradient[i] >= 0.0;
            gains[i] = sameSign ? std::max(gains[i] * 0.8, kMinGain) : gains[i] + 0.2;
            update[i] = momentum * update[i] - learningRate * gains[i] * gradient[i];
            y[i] += update[i];
        }
        result.iterationsRun = iteration;

        if (check) {
            double kl = 0.0;
            for (double v : pointKl)
                kl += v;
            result.klDivergence = kl;
            if (progress && !progress(iteration, kl))
                return finish(true);
            if (kl < bestKl) {
                bestKl = kl;
                bestIteration = iteration;
            } else if (iteration - bestIteration > options.iterationsWithoutProgress) {
                break;
            }
            if (std::sqrt(gradientNorm) < options.minGradientNorm)
                break;
        }
    }
    return finish(false);
}

} // namespace chorus
