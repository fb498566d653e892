#include "core/projection/neighbourhoodmetrics.h"

#include "core/projection/parallelblocks.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

namespace chorus {

namespace {

Status checkShapes(const MatrixView &original, const MatrixView &embedded)
{
    if (original.rows != embedded.rows)
        return Error{"the embedding has " + std::to_string(embedded.rows) + " rows but the original data have "
                     + std::to_string(original.rows)};
    if (original.columns == 0 || embedded.columns == 0)
        return Error{"both matrices need at least one column"};
    return Status::success();
}

} // namespace

Result<double> trustworthiness(const MatrixView &original, const MatrixView &embedded, std::size_t k, int threads)
{
    if (Status shapes = checkShapes(original, embedded); !shapes.ok())
        return shapes.error();
    const std::size_t n = original.rows;
    if (k == 0 || 2 * k >= n)
        return Error{"trustworthiness needs 1 <= k < n / 2 (k = " + std::to_string(k) + ", n = " + std::to_string(n)
                     + ")"};
    threads = resolvedThreadCount(threads);
    Result<NeighbourGraph> low = euclideanNeighbourGraph(embedded, k, threads);
    if (!low.ok())
        return low.error();

    // Penalty per row, summed afterwards in row order so threads never change the total.
    std::vector<double> penalty(n, 0.0);
    parallelBlocks(n, threads, [&](std::size_t r0, std::size_t r1) {
        std::vector<float> distance(n);
        for (std::size_t i = r0; i < r1; ++i) {
            for (std::size_t j = 0; j < n; ++j)
                distance[j] = squaredDistance(original.row(i), original.row(j), original.columns);
            const std::uint32_t *neighbours = low->neighboursOf(i);
            for (std::size_t m = 0; m < k; ++m) {
                const std::size_t j = neighbours[m];
                const float dj = distance[j];
                // Rank of j among i's original neighbours (1 = nearest, i itself not counted).
                std::size_t rank = 1;
                for (std::size_t l = 0; l < n; ++l) {
                    if (l == i || l == j)
                        continue;
                    if (distance[l] < dj || (distance[l] == dj && l < j))
                        ++rank;
                }
                if (rank > k)
                    penalty[i] += double(rank - k);
            }
        }
    });
    double sum = 0.0;
    for (double v : penalty)
        sum += v;
    const double nn = double(n), kk = double(k);
    return 1.0 - sum * (2.0 / (nn * kk * (2.0 * nn - 3.0 * kk - 1.0)));
}

Result<double> neighbourPreservation(const MatrixView &original, const MatrixView &embedded, std::size_t k,
                                     int threads)
{
    if (Status shapes = checkShapes(original, embedded); !shapes.ok())
        return shapes.error();
    threads = resolvedThreadCount(threads);
    Result<NeighbourGraph> high = euclideanNeighbourGraph(original, k, threads);
    if (!high.ok())
        return high.error();
    Result<NeighbourGraph> low = euclideanNeighbourGraph(embedded, k, threads);
    if (!low.ok())
        return low.error();
    const std::size_t n = original.rows;
    std::vector<double> kept(n, 0.0);
    parallelBlocks(n, threads, [&](std::size_t r0, std::size_t r1) {
        std::vector<std::uint32_t> a(k), b(k);
        for (std::size_t i = r0; i < r1; ++i) {
            std::copy(high->neighboursOf(i), high->neighboursOf(i) + k, a.begin());
            std::copy(low->neighboursOf(i), low->neighboursOf(i) + k, b.begin());
            std::sort(a.begin(), a.end());
            std::sort(b.begin(), b.end());
            std::vector<std::uint32_t> common;
            std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
            kept[i] = double(common.size()) / double(k);
        }
    });
    double sum = 0.0;
    for (double v : kept)
        sum += v;
    return sum / double(n);
}

} // namespace chorus
