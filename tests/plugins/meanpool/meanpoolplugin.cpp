// A model plugin for the loader's tests: registers one real (small) text family, "plugin_meanpool",
// the way a model plugin such as a hierarchical attention network does.
#include <torch/torch.h>

#include "core/plugins/modelplugin.h"
#include "core/plugins/plugininterface.h"
#include "models/registry/modelregistry.h"

#include <stdexcept>

namespace {

// The mean of a post's token embeddings, then a linear layer.
class MeanPoolImpl : public chorus::TextClassifierImpl {
public:
    MeanPoolImpl(std::int64_t vocabulary, std::int64_t dimension, std::int64_t classes)
    {
        m_embedding = register_module(
            "embedding", torch::nn::Embedding(torch::nn::EmbeddingOptions(vocabulary, dimension).padding_idx(0)));
        m_output = register_module("output", torch::nn::Linear(dimension, classes));
    }

    using chorus::TextClassifierImpl::forward;
    chorus::TextClassifierOutput forward(const torch::Tensor &tokens, const torch::Tensor &lengths) override
    {
        const torch::Tensor mask = tokens.ne(0).unsqueeze(-1).to(torch::kFloat);
        const torch::Tensor summed = (m_embedding->forward(tokens) * mask).sum(1);
        const torch::Tensor mean = summed / lengths.clamp_min(1).unsqueeze(-1).to(torch::kFloat);
        chorus::TextClassifierOutput out;
        out.logits = m_output->forward(mean);
        return out;
    }
    torch::Tensor embeddingWeight() override { return m_embedding->weight; }

private:
    torch::nn::Embedding m_embedding{nullptr};
    torch::nn::Linear m_output{nullptr};
};

} // namespace

CHORUS_PLUGIN_EXPORT const ChorusPluginInfo *chorus_plugin_info()
{
    static const ChorusPluginInfo info = {CHORUS_PLUGIN_INTERFACE_VERSION, "meanpool", "0.1.0", CHORUS_PLUGIN_ABI_TAG,
                                          TORCH_VERSION};
    return &info;
}

CHORUS_PLUGIN_EXPORT void chorus_register_models(chorus::ModelRegistry &registry)
{
    chorus::ModelSpec spec;
    spec.name = "plugin_meanpool";
    spec.displayName = "Mean pooling (plugin)";
    spec.description = "The mean of the token embeddings feeds a linear layer.";
    spec.inputs = {"text"};
    spec.params = chorus::ParamSchema(
        {chorus::ParamSpec::integer("embedding_dim", 16, 2, 512, "Width of the token embedding vectors.")});
    spec.makeTextClassifier = [](const nlohmann::json &params, const chorus::TextModelShape &shape) {
        return std::shared_ptr<chorus::TextClassifierImpl>(std::make_shared<MeanPoolImpl>(
            shape.vocabularySize, params.at("embedding_dim").get<std::int64_t>(), shape.classes));
    };
    if (chorus::Status added = registry.add(std::move(spec)); !added)
        throw std::runtime_error(added.message());
}
