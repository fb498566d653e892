#pragma once

#include "models/registry/modelspec.h"

#include <memory>
#include <string>
#include <vector>

namespace chorus {

// The model families this build knows, in display order. Built-in families register here; model
// plugins (plugins issue) add theirs the same way.
class ModelRegistry {
public:
    static ModelRegistry &instance();

    const std::vector<ModelSpec> &models() const { return m_models; }
    const ModelSpec *find(const std::string &name) const;
    // Fails when the name is taken.
    Status add(ModelSpec spec);
    nlohmann::json toJson() const; // names, descriptions, inputs, explains and parameter schemas
    // Resolves `params` against the family's schema, checks the shape and runs its factory; unknown
    // families, bad parameters, a text-less family and failures inside LibTorch come back as errors.
    Result<std::shared_ptr<TextClassifierImpl>> makeTextClassifier(const std::string &name, const nlohmann::json &params,
                                                                   const TextModelShape &shape) const;

private:
    ModelRegistry();
    std::vector<ModelSpec> m_models;
};

} // namespace chorus
