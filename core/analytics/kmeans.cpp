#include "core/analytics/kmeans.h"

#include "core/metrics/clusteringmetrics.h"
#include "core/util/deterministicrandom.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace chorus {

namespace {

double dot(const float *a, const float *b, std::size_t dims)
{
    double sum = 0;
    for (std::size_t d = 0; d < dims; ++d)
        sum += static_cast<double>(a[d]) * b[d];
    return sum;
}

void normalize(std::vector<double> &v)
{
    double sum = 0;
    for (double x : v)
        sum += x * x;
    if (sum <= 0)
        return;
    const double scale = 1.0 / std::sqrt(sum);
    for (double &x : v)
        x *= scale;
}

struct Run {
    std::vector<int> assignments;
    std::vector<float> centroids;
    double inertia = std::numeric_limits<double>::infinity();
    int iterations = 0;
};

// Rows with unit length (the rest are zero and never assigned).
std::vector<std::size_t> usableRows(const MatrixView &rows)
{
    std::vector<std::size_t> usable;
    for (std::size_t i = 0; i < rows.rows; ++i)
        if (dot(rows.row(i), rows.row(i), rows.columns) > 1e-12)
            usable.push_back(i);
    return usable;
}

Run runOnce(const MatrixView &rows, const std::vector<std::size_t> &usable, std::size_t k, int maxIterations,
            DeterministicRandom &random)
{
    const std::size_t dims = rows.columns;
    Run run;
    run.centroids.assign(k * dims, 0.0f);
    // k-means++: each next seed drawn with probability proportional to its distance to the nearest
    // seed so far.
    std::vector<double> nearest(usable.size(), std::numeric_limits<double>::infinity());
    std::size_t chosen = usable[static_cast<std::size_t>(random.below(usable.size()))];
    for (std::size_t c = 0; c < k; ++c) {
        std::copy(rows.row(chosen), rows.row(chosen) + dims, run.centroids.begin() + static_cast<std::ptrdiff_t>(c * dims));
        if (c + 1 == k)
            break;
        double total = 0;
        for (std::size_t u = 0; u < usable.size(); ++u) {
            const double d = std::max(0.0, 1.0 - dot(rows.row(usable[u]), run.centroids.data() + c * dims, dims));
            nearest[u] = std::min(nearest[u], d);
            total += nearest[u];
        }
        if (total <= 0) {
            chosen = usable[static_cast<std::size_t>(random.below(usable.size()))];
        } else {
            chosen = usable[random.weighted(nearest)];
        }
    }

    run.assignments.assign(rows.rows, -1);
    std::vector<double> sums(k * dims);
    std::vector<std::size_t> sizes(k);
    std::vector<double> similarity(usable.size());
    for (int iteration = 1; iteration <= maxIterations; ++iteration) {
        run.iterations = iteration;
        bool changed = false;
        double inertia = 0;
        for (std::size_t u = 0; u < usable.size(); ++u) {
            const float *r = rows.row(usable[u]);
            int best = 0;
            double bestSimilarity = -2;
            for (std::size_t c = 0; c < k; ++c) {
                const double s = dot(r, run.centroids.data() + c * dims, dims);
                if (s > bestSimilarity) {
                    bestSimilarity = s;
                    best = static_cast<int>(c);
                }
            }
            similarity[u] = bestSimilarity;
            inertia += 1.0 - bestSimilarity;
            if (run.assignments[usable[u]] != best) {
                run.assignments[usable[u]] = best;
                changed = true;
            }
        }
        run.inertia = inertia;
        if (!changed && iteration > 1)
            break;
        std::fill(sums.begin(), sums.end(), 0.0);
        std::fill(sizes.begin(), sizes.end(), 0);
        for (std::size_t u : usable) {
            const std::size_t c = static_cast<std::size_t>(run.assignments[u]);
            ++sizes[c];
            const float *r = rows.row(u);
            for (std::size_t d = 0; d < dims; ++d)
                sums[c * dims + d] += r[d];
        }
        for (std::size_t c = 0; c < k; ++c) {
            std::vector<double> centroid(sums.begin() + static_cast<std::ptrdiff_t>(c * dims),
                                         sums.begin() + static_cast<std::ptrdiff_t>((c + 1) * dims));
            if (sizes[c] == 0) {
                // An emptied cluster restarts at the row its cluster fits worst.
                const std::size_t worst = static_cast<std::size_t>(
                    std::min_element(similarity.begin(), similarity.end()) - similarity.begin());
                similarity[worst] = 2;
                centroid.assign(rows.row(usable[worst]), rows.row(usable[worst]) + dims);
            }
            normalize(centroid);
            for (std::size_t d = 0; d < dims; ++d)
                run.centroids[c * dims + d] = static_cast<float>(centroid[d]);
        }
    }
    return run;
}

} // namespace

Result<KMeansResult> KMeans::cluster(const MatrixView &rows, const KMeansOptions &options)
{
    if (options.k == 0)
        return Error{"k-means: k must be at least 1"};
    const std::vector<std::size_t> usable = usableRows(rows);
    if (usable.size() < options.k)
        return Error{"k-means: " + std::to_string(options.k) + " clusters asked for but only " +
                     std::to_string(usable.size()) + " posts have an embedding"};
    Run best;
    for (int restart = 0; restart < std::max(1, options.restarts); ++restart) {
        DeterministicRandom random(DeterministicRandom::derive(options.seed, 0x6b00 + static_cast<std::uint64_t>(restart)));
        Run run = runOnce(rows, usable, options.k, std::max(1, options.maxIterations), random);
        if (run.inertia < best.inertia)
            best = std::move(run);
    }
    KMeansResult result;
    result.k = options.k;
    result.assignments = std::move(best.assignments);
    result.centroids = std::move(best.centroids);
    result.inertia = best.inertia;
    result.iterations = best.iterations;
    return result;
}

Result<KEstimate> KMeans::estimateK(const MatrixView &rows, std::size_t minK, std::size_t maxK, std::size_t sampleSize,
                                    std::uint64_t seed, const TopicProgress &progress)
{
    minK = std::max<std::size_t>(minK, 2);
    if (maxK < minK)
        return Error{"k estimate: empty range " + std::to_string(minK) + ".." + std::to_string(maxK)};
    std::vector<std::size_t> usable = usableRows(rows);
    if (usable.size() <= minK)
        return Error{"k estimate: only " + std::to_string(usable.size()) + " posts have an embedding"};
    maxK = std::min(maxK, usable.size() - 1);
    DeterministicRandom random(DeterministicRandom::derive(seed, 0x5a3));
    random.shuffle(usable);
    if (usable.size() > sampleSize)
        usable.resize(sampleSize);
    std::sort(usable.begin(), usable.end());

    KEstimate estimate;
    double bestScore = -2;
    for (std::size_t k = minK; k <= maxK; ++k) {
        if (progress && !progress("estimating k", static_cast<double>(k - minK) / static_cast<double>(maxK - minK + 1)))
            return Error{"k estimate: cancelled"};
        KMeansOptions options;
        options.k = k;
        options.restarts = 2;
        options.seed = seed;
        auto clustering = cluster(rows, options);
        if (!clustering)
            return clustering.error();
        const double score = cosineSilhouette(rows, clustering->assignments, usable);
        estimate.silhouettes.emplace_back(k, score);
        if (score > bestScore) {
            bestScore = score;
            estimate.k = k;
        }
    }
    return estimate;
}

} // namespace chorus
