// t-SNE speed and quality: embeds a matrix (by default 10,000 x 128 points drawn from a mixture
// of Gaussians) in 2-D and prints the seconds taken and the trustworthiness and 10-NN
// preservation of the result. The data are read from, or first written to, a .npy file so that
// sklearn_tsne.py in this folder runs scikit-learn on exactly the same points.
// Usage: chorus-bench-tsne [--data PATH.npy] [--points N] [--dims D] [--clusters C]
//        [--perplexity P] [--iterations I] [--theta T] [--threads T] [--seed S]
//        [--metric-k K] [--save-embedding PATH.npy] [--prepare-only]
// --data: read PATH if it exists, otherwise generate N x D points, write them there, then embed.
// --prepare-only: stop after the data file is there (bench/run_all.py makes the shared input).
#include "core/projection/neighbourhoodmetrics.h"
#include "core/projection/parallelblocks.h"
#include "core/projection/tsne.h"
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
    std::string data = "tsne_mixture_10000x128.npy";
    std::string saveEmbedding;
    std::size_t points = 10000;
    std::size_t dims = 128;
    int clusters = 10;
    std::size_t metricK = 10;
    bool prepareOnly = false;
    TsneOptions options;
};

void usage()
{
    std::fprintf(stderr, "usage: chorus-bench-tsne [--data PATH.npy] [--points N] [--dims D] [--clusters C]\n"
                         "       [--perplexity P] [--iterations I] [--theta T] [--threads T] [--seed S]\n"
                         "       [--metric-k K] [--save-embedding PATH.npy] [--prepare-only]\n");
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
        const char *v = argv[++i];
        if (flag == "--data")
            args.data = v;
        else if (flag == "--save-embedding")
            args.saveEmbedding = v;
        else if (flag == "--points")
            args.points = std::strtoull(v, nullptr, 10);
        else if (flag == "--dims")
            args.dims = std::strtoull(v, nullptr, 10);
        else if (flag == "--clusters")
            args.clusters = std::atoi(v);
        else if (flag == "--perplexity")
            args.options.perplexity = std::atof(v);
        else if (flag == "--iterations")
            args.options.iterations = std::atoi(v);
        else if (flag == "--theta")
            args.options.theta = std::atof(v);
        else if (flag == "--threads")
            args.options.threads = std::atoi(v);
        else if (flag == "--seed")
            args.options.seed = std::strtoull(v, nullptr, 10);
        else if (flag == "--metric-k")
            args.metricK = std::strtoull(v, nullptr, 10);
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
    const int threads = resolvedThreadCount(args.options.threads);
    std::printf("t-SNE: perplexity %g, %d iterations, theta %g, %d threads\n", args.options.perplexity,
                args.options.iterations, args.options.theta, threads);

    const MatrixView matrix{data.data(), rows, columns};
    const auto start = std::chrono::steady_clock::now();
    double affinitiesSeconds = 0;
    Result<TsneResult> result = runTsne(matrix, args.options, [&](int iteration, double kl) {
        if (iteration == 0) {
            affinitiesSeconds = secondsSince(start);
            std::printf("  neighbours, affinities and initialisation: %.2f s\n", affinitiesSeconds);
        } else if (iteration % 250 == 0) {
            std::printf("  iteration %d: KL %.4f (%.2f s)\n", iteration, kl, secondsSince(start));
        }
        std::fflush(stdout);
        return true;
    });
    const double seconds = secondsSince(start);
    if (!result.ok()) {
        std::fprintf(stderr, "t-SNE failed: %s\n", result.message().c_str());
        return 1;
    }
    std::printf("seconds: %.2f (optimisation %.2f), %d iterations, KL %.4f\n", seconds, seconds - affinitiesSeconds,
                result->iterationsRun, result->klDivergence);
    // Before the quality metrics, whose work (not t-SNE's) would otherwise set the peak.
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak RSS after t-SNE: %.1f MB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);

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
