#include "models/registry/recommendermodelspecs.h"

#include "core/recommend/recommenderfactory.h"

namespace chorus {
namespace {

ModelSpec recommenderSpec(const std::string &name, std::string displayName, std::string description,
                          std::vector<std::string> explains)
{
    ModelSpec spec;
    spec.name = name;
    spec.displayName = std::move(displayName);
    spec.description = std::move(description) +
                       " Evaluated leave-last-out (NDCG@K, recall@K, hit rate, coverage) beside the popularity "
                       "baseline.";
    spec.inputs = {"interactions"};
    spec.explains = std::move(explains);
    spec.supervised = false;
    spec.trainer = "recommender";
    spec.params = RecommenderFactory::paramSchema(name);
    return spec;
}

} // namespace

std::vector<ModelSpec> recommenderModelSpecs()
{
    return {
        recommenderSpec(RecommenderFactory::kUserKnn, "User-kNN recommender",
                        "Users whose histories resemble yours (cosine over their items) vote for their items.",
                        {"similar_users"}),
        recommenderSpec(RecommenderFactory::kItemKnn, "Item-kNN recommender",
                        "Items the same users interacted with are similar; your items vote for their neighbours.",
                        {"similar_items"}),
        recommenderSpec(RecommenderFactory::kContent, "Content recommender (TF-IDF)",
                        "Items whose titles and topics share terms with those of your items; ranks new items too.",
                        {"shared_terms"}),
        recommenderSpec(RecommenderFactory::kMf, "Matrix factorisation (implicit ALS)",
                        "Latent user and item factors fitted by alternating least squares on implicit feedback; "
                        "the factors open in the embedding projector.",
                        {"similar_items", "factors"}),
        recommenderSpec(RecommenderFactory::kHybrid, "Hybrid recommender",
                        "A weighted blend of item-kNN, user-kNN, matrix factorisation and content scores, each "
                        "normalised per user.",
                        {"similar_items", "similar_users", "shared_terms", "factors"}),
    };
}

} // namespace chorus
