// Recommender speed and quality: fits one Chorus recommender (item-kNN, user-kNN or implicit
// ALS matrix factorisation, built by RecommenderFactory exactly as `chorus-cli train` builds it)
// on a leave-last-out split of a rating matrix and prints the fit time and NDCG@K, recall@K and
// hit rate beside the popularity baseline. The ratings are read from, or first generated into,
// a CSV file (user,item,rating,timestamp) so that sklearn_svd.py in this folder scores an sklearn
// TruncatedSVD on exactly the same cells with the same split and metric.
// Usage: chorus-bench-recommend [--data PATH.csv] [--ratings N] [--users U] [--items I]
//        [--clusters C] [--model itemknn|userknn|mf|popularity] [--k K] [--factors F]
//        [--iterations N] [--neighbours N] [--seed S]
// The last line of output is "RESULT {json}" for bench/run_all.py.
#include "core/metrics/rankingmetrics.h"
#include "core/recommend/interactionmatrix.h"
#include "core/recommend/leavelastout.h"
#include "core/recommend/popularityrecommender.h"
#include "core/recommend/recommender.h"
#include "core/recommend/recommenderfactory.h"
#include "core/training/paramspec.h"
#include "core/util/deterministicrandom.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include <sys/resource.h>

using namespace chorus;

namespace {

struct Arguments {
    std::string data = "ratings_100k.csv";
    std::string model = "mf";
    std::size_t ratings = 100000;
    int users = 6000;
    int items = 3000;
    int clusters = 20;
    int k = 10;
    int factors = 32;
    int iterations = 15;
    int neighbours = 50;
    std::uint64_t seed = 1;
};

void usage()
{
    std::fprintf(stderr, "usage: chorus-bench-recommend [--data PATH.csv] [--ratings N] [--users U] [--items I]\n"
                         "       [--clusters C] [--model itemknn|userknn|mf|popularity] [--k K] [--factors F]\n"
                         "       [--iterations N] [--neighbours N] [--seed S]\n");
}

bool parse(int argc, char **argv, Arguments &args)
{
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (i + 1 >= argc) {
            usage();
            return false;
        }
        const char *v = argv[++i];
        if (flag == "--data")
            args.data = v;
        else if (flag == "--model")
            args.model = v;
        else if (flag == "--ratings")
            args.ratings = std::strtoull(v, nullptr, 10);
        else if (flag == "--users")
            args.users = std::atoi(v);
        else if (flag == "--items")
            args.items = std::atoi(v);
        else if (flag == "--clusters")
            args.clusters = std::atoi(v);
        else if (flag == "--k")
            args.k = std::atoi(v);
        else if (flag == "--factors")
            args.factors = std::atoi(v);
        else if (flag == "--iterations")
            args.iterations = std::atoi(v);
        else if (flag == "--neighbours")
            args.neighbours = std::atoi(v);
        else if (flag == "--seed")
            args.seed = std::strtoull(v, nullptr, 10);
        else {
            usage();
            return false;
        }
    }
    return args.ratings > 0 && args.users > 1 && args.items > 1 && args.clusters >= 1 && args.k >= 1;
}

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::size_t drawFrom(const std::vector<double> &cumulative, DeterministicRandom &random)
{
    const double target = random.uniform() * cumulative.back();
    const auto found = std::upper_bound(cumulative.begin(), cumulative.end(), target);
    return std::min<std::size_t>(static_cast<std::size_t>(found - cumulative.begin()), cumulative.size() - 1);
}

// Ratings with the skews of real data: item popularity is Zipf-like (a few items get most
// ratings), user activity is log-normal (a few heavy users, a long tail with two or three), and
// each user has a taste cluster that most of their ratings come from, rated higher than the rest,
// so that personalisation has something to find beyond popularity. Every rating gets its own time
// (strictly increasing), so "latest" is never a tie.
bool generate(const Arguments &args)
{
    DeterministicRandom random(DeterministicRandom::derive(args.seed, 0x7a7e));
    const auto items = static_cast<std::size_t>(args.items);
    const auto clusters = static_cast<std::size_t>(args.clusters);
    std::vector<std::size_t> rank(items);
    std::iota(rank.begin(), rank.end(), 0);
    random.shuffle(rank);
    std::vector<double> popularity(items);
    for (std::size_t i = 0; i < items; ++i)
        popularity[i] = 1.0 / std::pow(static_cast<double>(rank[i] + 1), 0.9);
    // Items of each cluster, with their cumulative popularity for drawing.
    std::vector<std::vector<std::size_t>> clusterItems(clusters);
    for (std::size_t i = 0; i < items; ++i)
        clusterItems[random.below(clusters)].push_back(i);
    std::vector<std::vector<double>> clusterCumulative(clusters);
    for (std::size_t c = 0; c < clusters; ++c) {
        double total = 0;
        for (std::size_t i : clusterItems[c])
            clusterCumulative[c].push_back(total += popularity[i]);
    }
    std::vector<double> globalCumulative(items);
    double total = 0;
    for (std::size_t i = 0; i < items; ++i)
        globalCumulative[i] = total += popularity[i];
    std::vector<double> activityCumulative(static_cast<std::size_t>(args.users));
    std::vector<std::size_t> taste(static_cast<std::size_t>(args.users));
    total = 0;
    for (std::size_t u = 0; u < activityCumulative.size(); ++u) {
        activityCumulative[u] = total += std::exp(1.1 * random.roughNormal());
        taste[u] = random.below(clusters);
    }

    std::ofstream out(args.data, std::ios::binary);
    out << "user,item,rating,timestamp\n";
    const std::int64_t start = 1700000000;
    for (std::size_t n = 0; n < args.ratings; ++n) {
        const std::size_t user = drawFrom(activityCumulative, random);
        const std::size_t cluster = taste[user];
        const bool inTaste = !clusterItems[cluster].empty() && random.chance(0.7);
        const std::size_t item = inTaste ? clusterItems[cluster][drawFrom(clusterCumulative[cluster], random)]
                                         : drawFrom(globalCumulative, random);
        const int rating = inTaste ? random.between(3, 5) : random.between(1, 4);
        char line[96];
        std::snprintf(line, sizeof line, "%zu,i%06zu,%d,%lld\n", user + 1, item, rating,
                      static_cast<long long>(start + static_cast<std::int64_t>(n) * 37 + random.between(0, 30)));
        out << line;
    }
    return bool(out);
}

bool read(const std::string &path, std::vector<InteractionTriplet> &triplets)
{
    std::ifstream in(path, std::ios::binary);
    std::string line;
    if (!in || !std::getline(in, line) || line.rfind("user,item,rating,timestamp", 0) != 0)
        return false;
    while (std::getline(in, line)) {
        if (line.empty())
            continue;
        std::istringstream fields(line);
        std::string user, item, rating, time;
        if (!std::getline(fields, user, ',') || !std::getline(fields, item, ',') || !std::getline(fields, rating, ',') ||
            !std::getline(fields, time, ','))
            return false;
        InteractionTriplet t;
        t.userId = std::stoll(user);
        t.item = item;
        t.weight = std::stod(rating);
        t.createdAt = std::stoll(time);
        triplets.push_back(std::move(t));
    }
    return true;
}

std::string familyOf(const std::string &model)
{
    if (model == "itemknn")
        return RecommenderFactory::kItemKnn;
    if (model == "userknn")
        return RecommenderFactory::kUserKnn;
    if (model == "mf")
        return RecommenderFactory::kMf;
    return {};
}

long peakRssKb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

int main(int argc, char **argv)
{
    Arguments args;
    if (!parse(argc, argv, args))
        return 2;
    if (!std::ifstream(args.data)) {
        if (!generate(args)) {
            std::fprintf(stderr, "cannot write %s\n", args.data.c_str());
            return 1;
        }
        std::printf("data: %s (%zu ratings, %d users, %d items, %d taste clusters; generated and written)\n",
                    args.data.c_str(), args.ratings, args.users, args.items, args.clusters);
    } else {
        std::printf("data: %s (read)\n", args.data.c_str());
    }

    const auto loadStart = std::chrono::steady_clock::now();
    std::vector<InteractionTriplet> triplets;
    if (!read(args.data, triplets)) {
        std::fprintf(stderr, "%s: not a user,item,rating,timestamp CSV\n", args.data.c_str());
        return 1;
    }
    const InteractionMatrix matrix = InteractionMatrix::fromTriplets(triplets, WeightAggregation::Sum);
    const LeaveLastOutSplit split = LeaveLastOut::split(matrix);
    const double loadSeconds = secondsSince(loadStart);
    std::printf("matrix: %d users x %d items, %zu cells from %zu ratings; %d users evaluated (leave-last-out); "
                "load and split %.2f s\n",
                matrix.users(), matrix.items(), matrix.nonZeros(), triplets.size(), split.eligibleUsers, loadSeconds);

    const std::string family = familyOf(args.model);
    if (family.empty() && args.model != "popularity") {
        usage();
        return 2;
    }
    // Fits on the training part, then ranks K unseen items for every evaluated user.
    const auto evaluateModel = [&](Recommender &model, const nlohmann::json &resolved, nlohmann::json &result) -> bool {
        const auto fitStart = std::chrono::steady_clock::now();
        if (Status s = model.fit(split.train); !s.ok()) {
            std::fprintf(stderr, "fit: %s\n", s.message().c_str());
            return false;
        }
        const double fitSeconds = secondsSince(fitStart);
        const auto evaluateStart = std::chrono::steady_clock::now();
        std::vector<UserRanking> rankings;
        for (int user = 0; user < split.train.users(); ++user) {
            const int held = split.testItem[static_cast<std::size_t>(user)];
            if (held < 0)
                continue;
            UserRanking ranking;
            for (const ScoredItem &item : model.recommend(user, args.k, true))
                ranking.ranked.push_back(item.item);
            ranking.relevant = {held};
            rankings.push_back(std::move(ranking));
        }
        auto report = RankingMetrics::evaluate(rankings, static_cast<std::size_t>(args.k),
                                               static_cast<std::size_t>(matrix.items()));
        if (!report) {
            std::fprintf(stderr, "metrics: %s\n", report.message().c_str());
            return false;
        }
        result = {{"model", model.name()},
                  {"params", resolved},
                  {"fit_s", fitSeconds},
                  {"recommend_s", secondsSince(evaluateStart)},
                  {"ndcg", report->ndcg},
                  {"recall", report->recall},
                  {"hit_rate", report->hitRate},
                  {"coverage", report->coverage},
                  {"users_evaluated", report->usersEvaluated}};
        return true;
    };

    // The popularity baseline is what Chorus reports beside every recommender; it is also the
    // cross-check that sklearn_svd.py reproduces this split and metric (its popularity figures
    // must come out identical).
    nlohmann::json popularity, main;
    PopularityRecommender baseline;
    if (!evaluateModel(baseline, nlohmann::json::object(), popularity))
        return 1;
    if (!family.empty()) {
        nlohmann::json given = nlohmann::json::object();
        if (family == RecommenderFactory::kMf)
            given = {{"factors", args.factors}, {"iterations", args.iterations}};
        else
            given = {{"neighbours", args.neighbours}};
        auto resolved = RecommenderFactory::paramSchema(family).resolve(given);
        if (!resolved) {
            std::fprintf(stderr, "params: %s\n", resolved.message().c_str());
            return 1;
        }
        auto made = RecommenderFactory::make(family, *resolved, args.seed, {});
        if (!made) {
            std::fprintf(stderr, "%s\n", made.message().c_str());
            return 1;
        }
        if (!evaluateModel(**made, *resolved, main))
            return 1;
    }
    const long rss = peakRssKb();

    std::printf("\n| model | fit s | recommend s | NDCG@%d | recall@%d | coverage |\n|---|---:|---:|---:|---:|---:|\n",
                args.k, args.k);
    for (const nlohmann::json *row : {&popularity, &main})
        if (row->is_object())
            std::printf("| %s | %.3f | %.3f | %.4f | %.4f | %.3f |\n", (*row)["model"].get<std::string>().c_str(),
                        (*row)["fit_s"].get<double>(), (*row)["recommend_s"].get<double>(), (*row)["ndcg"].get<double>(),
                        (*row)["recall"].get<double>(), (*row)["coverage"].get<double>());
    std::printf("peak RSS: %.1f MB\n", rss / 1024.0);
    const nlohmann::json out = {{"load_s", loadSeconds},
                                {"users", matrix.users()},
                                {"items", matrix.items()},
                                {"cells", matrix.nonZeros()},
                                {"ratings", triplets.size()},
                                {"eligible_users", split.eligibleUsers},
                                {"popularity", popularity},
                                {"model", main},
                                {"peak_rss_kb", rss}};
    std::printf("RESULT %s\n", out.dump().c_str());
    return 0;
}
