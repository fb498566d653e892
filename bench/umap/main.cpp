// UMAP speed and quality: embeds a matrix (by default 10,000 x 128 points drawn from the same
// mixture of Gaussians as chorus-bench-tsne) in 2-D and prints the seconds taken per stage, the
// peak RSS, and the trustworthiness and 10-NN preservation of the result. The data are read
// from, or first written to, a .npy file so that umaplearn_umap.py in this folder runs umap-learn
// on exactly the same points.
// Usage: chorus-bench-umap [--data PATH.npy] [--points N] [--dims D] [--clusters C]
//        [--neighbors K] [--min-dist M] [--epochs E] [--search auto|exact|approximate]
//        [--threads T] [--seed S] [--metric-k K] [--save-embedding PATH.npy] [--prepare-only]
// --data: read PATH if it exists, otherwise generate N x D points, write them there, then embed.
// --prepare-only: stop after the data file is there (bench/run_all.py makes the shared input).
#include "core/projection/neighbourhoodmetrics.h"
#include "core/projection/parallelblocks.h"
#include "core/projection/umap.h"
#include "projectiondata/projectiondata.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <sys/resource.h>

using namespace chorus;

namespace {

struct Arguments {
    std::string data = "umap_mixture_10000x128.npy";
    std::string saveEmbedding;
    std::size_t points = 10000;
    std::size_t dims = 128;
    int clusters = 10;
    std::size_t metricK = 10;
    bool prepareOnly = false;
    UmapOptions options;
};

void usage()
{
    std::fprintf(stderr, "usage: chorus-bench-umap [--data PATH.npy] [--points N] [--dims D] [--clusters C]\n"
                         "       [--neighbors K] [--min-dist M] [--epochs E] [--search auto|exact|approximate]\n"
                         "       [--threads T] [--seed S] [--metric-k K] [--save-embedding PATH.npy]\n"
                         "       [--prepare-only]\n");
}

bool parse(int argc, char **argv, Arguments &args)
{
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (flag == "--prepare-only") {
            args.prepareOnly = true;
            continue;
        }
        if (i + 1 >= argc) {
            usage();
            return false;
        }
        const std::string v = argv[++i];
        if (flag == "--data")
            args.data = v;
        else if (flag == "--save-embedding")
            args.saveEmbedding = v;
        else if (flag == "--points")
            args.points = std::strtoull(v.c_str(), nullptr, 10);
        else if (flag == "--dims")
            args.dims = std::strtoull(v.c_str(), nullptr, 10);
        else if (flag == "--clusters")
            args.clusters = std::atoi(v.c_str());
        else if (flag == "--neighbors")
            args.options.nNeighbors = std::atoi(v.c_str());
        else if (flag == "--min-dist")
            args.options.minDist = std::atof(v.c_str());
        else if (flag == "--epochs")
            args.options.epochs = std::atoi(v.c_str());
        else if (flag == "--threads")
            args.options.threads = std::atoi(v.c_str());
        else if (flag == "--seed")
            args.options.seed = std::strtoull(v.c_str(), nullptr, 10);
        else if (flag == "--metric-k")
            args.metricK = std::strtoull(v.c_str(), nullptr, 10);
        else if (flag == "--search" && (v == "auto" || v == "exact" || v == "approximate"))
            args.options.neighbourSearch = v == "exact"         ? UmapNeighbourSearch::Exact
                                           : v == "approximate" ? UmapNeighbourSearch::Approximate
                                                                : UmapNeighbourSearch::Automatic;
        else {
            usage();
            return false;
        }
    }
    return args.points >= 2 && args.dims >= 1 && args.clusters >= 1;
}

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

const char *initialisationName(UmapInitialisation init)
{
    switch (init) {
    case UmapInitialisation::Spectral:
        return "spectral";
    case UmapInitialisation::Pca:
        return "pca";
    case UmapInitialisation::Random:
        return "random";
    }
    return "?";
}

} // namespace

int main(int argc, char **argv)
{
    Arguments args;
    if (!parse(argc, argv, args))
        return 2;
    std::vector<float> data;
    std::size_t rows = 0, columns = 0;
    if (readNpy(args.data, data, rows, columns)) {
        std::printf("data: %s (%zu x %zu, read)\n", args.data.c_str(), rows, columns);
    } else {
        rows = args.points;
        columns = args.dims;
        data = gaussianMixture(rows, columns, args.clusters, args.options.seed);
        if (!writeNpy(args.data, data, rows, columns)) {
            std::fprintf(stderr, "cannot write %s\n", args.data.c_str());
            return 1;
        }
        std::printf("data: %s (%zu x %zu, %d clusters, generated and written)\n", args.data.c_str(), rows, columns,
                    args.clusters);
    }
    if (args.prepareOnly)
        return 0;
    if (const std::string problem = args.options.validate(rows); !problem.empty()) {
        std::fprintf(stderr, "UMAP: %s\n", problem.c_str());
        return 2;
    }
    const int threads = resolvedThreadCount(args.options.threads);
    std::printf("UMAP: n_neighbors %d, min_dist %g, %d epochs, %d threads\n", args.options.nNeighbors,
                args.options.minDist, args.options.resolvedEpochs(rows), threads);

    const MatrixView matrix{data.data(), rows, columns};
    const auto start = std::chrono::steady_clock::now();
    double neighboursSeconds = 0, layoutStart = 0;
    Result<UmapResult> result = runUmap(matrix, args.options, [&](UmapStage stage, int done, int total) {
        if (stage == UmapStage::Neighbours) {
            neighboursSeconds = secondsSince(start); // the last call ends the search
        } else if (done == 0) {
            layoutStart = secondsSince(start);
            std::printf("  neighbours: %.2f s; graph and initialisation: %.2f s\n", neighboursSeconds,
                        layoutStart - neighboursSeconds);
        } else if (done % 100 == 0) {
            std::printf("  epoch %d of %d (%.2f s)\n", done, total, secondsSince(start));
        }
        std::fflush(stdout);
        return true;
    });
    const double seconds = secondsSince(start);
    if (!result.ok()) {
        std::fprintf(stderr, "UMAP failed: %s\n", result.message().c_str());
        return 1;
    }
    std::printf("seconds: %.2f (layout %.2f), %d epochs, %zu edges, %s neighbours, %s initialisation, "
                "a %.4f b %.4f\n",
                seconds, seconds - layoutStart, result->epochsRun, result->edges,
                result->exactNeighbours ? "exact" : "NN-descent", initialisationName(result->initialisation),
                result->a, result->b);
    // Before the quality metrics, whose work (not UMAP's) would otherwise set the peak.
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak RSS after UMAP: %.1f MB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);

    const MatrixView embedding{result->coordinates.data(), rows, 2};
    const auto metricsStart = std::chrono::steady_clock::now();
    Result<double> trust = trustworthiness(matrix, embedding, args.metricK, threads);
    Result<double> kept = neighbourPreservation(matrix, embedding, args.metricK, threads);
    if (!trust.ok() || !kept.ok()) {
        std::fprintf(stderr, "metrics failed: %s\n", (trust.ok() ? kept.message() : trust.message()).c_str());
        return 1;
    }
    std::printf("trustworthiness (k=%zu): %.4f\n", args.metricK, *trust);
    std::printf("kNN preservation (k=%zu): %.4f\n", args.metricK, *kept);
    std::printf("(metrics took %.2f s)\n", secondsSince(metricsStart));
    if (!args.saveEmbedding.empty() && !writeNpy(args.saveEmbedding, result->coordinates, rows, 2))
        std::fprintf(stderr, "cannot write %s\n", args.saveEmbedding.c_str());
    return 0;
}
