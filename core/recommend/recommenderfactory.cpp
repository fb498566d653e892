#include "core/recommend/recommenderfactory.h"

#include "core/recommend/contentrecommender.h"
#include "core/recommend/hybridrecommender.h"
#include "core/recommend/itemknnrecommender.h"
#include "core/recommend/mfrecommender.h"
#include "core/recommend/userknnrecommender.h"

#include <algorithm>

namespace chorus {
namespace {

std::vector<ParamSpec> commonParams()
{
    return {
        ParamSpec::integer("eval_k", 10, 1, 100,
                           "Length of the recommendation lists scored by the leave-last-out evaluation (NDCG@K, ...)."),
        ParamSpec::text("kinds", "all",
                        "Interaction kinds to learn from, comma-separated (view,like,share), or all."),
        ParamSpec::choice("aggregation", "sum", {"sum", "max"},
                          "How repeated interactions of a user with an item combine: their weights add up, or the "
                          "strongest counts."),
    };
}

ParamSpec neighbours()
{
    return ParamSpec::integer("neighbours", 50, 1, 1000,
                              "Most similar users or items kept per user or item (fewer: faster, less noise).");
}

ParamSpec shrinkage()
{
    return ParamSpec::real("shrinkage", 0.0, 0.0, 1000.0,
                           "Shrunk cosine a.b / (|a| |b| + shrinkage): similarities backed by little data count "
                           "less (0: plain cosine).");
}

std::vector<ParamSpec> mfParams()
{
    return {
        ParamSpec::integer("factors", 8, 1, 256, "Latent factors per user and item."),
        ParamSpec::real("regularization", 10.0, 1e-6, 1e6,
                        "Weight of the factors' squared norms: keeps rarely seen users and items near zero."),
        ParamSpec::real("alpha", 2.0, 0.0, 1000.0,
                        "Confidence in an observed interaction is 1 + alpha x weight (unobserved: 1)."),
        ParamSpec::integer("iterations", 15, 0, 200, "Alternating least-squares sweeps (users, then items)."),
    };
}

MfOptions mfOptions(const nlohmann::json &p, std::uint64_t seed)
{
    MfOptions o;
    o.factors = p.value("factors", o.factors);
    o.regularization = p.value("regularization", o.regularization);
    o.alpha = p.value("alpha", o.alpha);
    o.iterations = p.value("iterations", o.iterations);
    o.seed = seed;
    return o;
}

} // namespace

const std::vector<std::string> &RecommenderFactory::families()
{
    static const std::vector<std::string> names{kUserKnn, kItemKnn, kContent, kMf, kHybrid};
    return names;
}

bool RecommenderFactory::isFamily(const std::string &name)
{
    const auto &names = families();
    return std::find(names.begin(), names.end(), name) != names.end();
}

ParamSchema RecommenderFactory::paramSchema(const std::string &family)
{
    std::vector<ParamSpec> specs;
    if (family == kUserKnn || family == kItemKnn) {
        specs.push_back(neighbours());
        specs.push_back(shrinkage());
    } else if (family == kMf) {
        specs = mfParams();
    } else if (family == kHybrid) {
        specs = {
            ParamSpec::real("itemknn_weight", 1.0, 0.0, 100.0, "Weight of item-kNN in the blend (0: left out)."),
            ParamSpec::real("userknn_weight", 0.0, 0.0, 100.0, "Weight of user-kNN in the blend (0: left out)."),
            ParamSpec::real("mf_weight", 1.0, 0.0, 100.0, "Weight of matrix factorisation in the blend (0: left out)."),
            ParamSpec::real("content_weight", 0.5, 0.0, 100.0,
                            "Weight of the content (TF-IDF of item titles) model in the blend (0: left out)."),
            neighbours(),
            shrinkage(),
        };
        for (ParamSpec &spec : mfParams())
            specs.push_back(std::move(spec));
    } else if (family != kContent) {
        return {};
    }
    for (ParamSpec &spec : commonParams())
        specs.push_back(std::move(spec));
    return ParamSchema(std::move(specs));
}

Result<std::unique_ptr<Recommender>> RecommenderFactory::make(
    const std::string &family, const nlohmann::json &p, std::uint64_t seed,
    const std::unordered_map<std::string, std::string> &itemTexts)
{
    const int k = p.value("neighbours", 50);
    const double shrink = p.value("shrinkage", 0.0);
    if (family == kUserKnn)
        return std::unique_ptr<Recommender>(std::make_unique<UserKnnRecommender>(UserKnnOptions{k, shrink}));
    if (family == kItemKnn)
        return std::unique_ptr<Recommender>(std::make_unique<ItemKnnRecommender>(ItemKnnOptions{k, shrink}));
    if (family == kContent)
        return std::unique_ptr<Recommender>(std::make_unique<ContentRecommender>(itemTexts));
    if (family == kMf)
        return std::unique_ptr<Recommender>(std::make_unique<MfRecommender>(mfOptions(p, seed)));
    if (family == kHybrid) {
        auto hybrid = std::make_unique<HybridRecommender>();
        // Fixed order, whatever the JSON's: the blend and its name do not depend on key order.
        if (const double w = p.value("itemknn_weight", 1.0); w > 0)
            hybrid->add(std::make_unique<ItemKnnRecommender>(ItemKnnOptions{k, shrink}), w);
        if (const double w = p.value("userknn_weight", 0.0); w > 0)
            hybrid->add(std::make_unique<UserKnnRecommender>(UserKnnOptions{k, shrink}), w);
        if (const double w = p.value("mf_weight", 1.0); w > 0)
            hybrid->add(std::make_unique<MfRecommender>(mfOptions(p, seed)), w);
        if (const double w = p.value("content_weight", 0.5); w > 0)
            hybrid->add(std::make_unique<ContentRecommender>(itemTexts), w);
        if (hybrid->components() == 0)
            return Error{"params: a hybrid needs at least one weight above 0"};
        return std::unique_ptr<Recommender>(std::move(hybrid));
    }
    return Error{"model: '" + family + "' is not a recommender family"};
}

} // namespace chorus
