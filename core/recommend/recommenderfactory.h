#pragma once

#include "core/recommend/recommender.h"
#include "core/training/paramspec.h"
#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace chorus {

// The recommender families a run can train ("recommender_userknn", ...), their parameters and how
// each is built. The schemas live here, beside the classes they configure, so the registry (which
// offers them to the GUI) and the trainer (which reads them) cannot disagree.
class RecommenderFactory {
public:
    static constexpr const char *kUserKnn = "recommender_userknn";
    static constexpr const char *kItemKnn = "recommender_itemknn";
    static constexpr const char *kContent = "recommender_content";
    static constexpr const char *kHybrid = "recommender_hybrid";
    static constexpr const char *kMf = "recommender_mf";

    static const std::vector<std::string> &families();
    static bool isFamily(const std::string &name);
    // The family's parameters; empty for a name that is not a family. Every family has the
    // evaluation and loading parameters eval_k, kinds and aggregation.
    static ParamSchema paramSchema(const std::string &family);

    // An unfitted recommender from resolved params (defaults filled in). itemTexts feeds the
    // content model (alone or in a hybrid). An error names an unknown family or an impossible
    // hybrid (every weight 0).
    static Result<std::unique_ptr<Recommender>> make(const std::string &family, const nlohmann::json &params,
                                                     std::uint64_t seed,
                                                     const std::unordered_map<std::string, std::string> &itemTexts);
};

} // namespace chorus
