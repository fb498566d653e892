// The "han" model plugin: a Hierarchical Attention Network over reply threads, registered with its
// parameter schema like a built-in family, trained by the generic supervised trainer.
#include <torch/torch.h>

#include "hierarchicalattentionnetwork.h"

#include "core/plugins/modelplugin.h"
#include "core/plugins/plugininterface.h"
#include "models/registry/modelregistry.h"

#include <stdexcept>

namespace {

std::int64_t integer(const nlohmann::json &params, const char *name) { return params.at(name).get<std::int64_t>(); }

chorus::ModelSpec hanSpec()
{
    using chorus::ParamSpec;
    chorus::ModelSpec spec;
    spec.name = "han";
    spec.displayName = "Hierarchical attention network (reply threads)";
    spec.description = "Reads each post with its reply thread: a BiGRU with attention summarises every post from its "
                       "words, a second BiGRU with attention summarises the thread from its posts. Both levels of "
                       "attention show which posts of the thread, and which of their words, the prediction rests on.";
    spec.inputs = {"text", "thread"};
    spec.explains = {"token_attention", "post_attention"};
    spec.supervised = true;
    spec.trainer = "supervised";
    spec.params = chorus::ParamSchema({
        ParamSpec::integer("embedding_dim", 64, 8, 1024, "Width of the token embedding vectors."),
        ParamSpec::integer("word_hidden", 48, 4, 1024, "Hidden units per direction of the word-level GRU (reads one post)."),
        ParamSpec::integer("post_hidden", 48, 4, 1024,
                           "Hidden units per direction of the post-level GRU (reads the thread's post vectors)."),
        ParamSpec::integer("attention_dim", 64, 4, 1024, "Width of the word- and post-level attention scoring layers."),
        ParamSpec::integer("max_posts", 8, 1, 64,
                           "Posts of the thread read with each post: itself, its ancestors, then earlier replies "
                           "(1: every post alone)."),
        ParamSpec::integer("max_length", 48, 4, 512, "Tokens kept per post; longer posts are cut."),
        ParamSpec::real("dropout", 0.3, 0.0, 0.9, "Fraction of the embeddings, post vectors and summary zeroed at random while training."),
    });
    spec.makeModel = [](const nlohmann::json &params, const chorus::ModelShape &shape) {
        chorus::han::HierarchicalAttentionNetworkOptions options(shape.vocabularySize, shape.classes);
        options.embedding_dim(integer(params, "embedding_dim"))
            .word_hidden(integer(params, "word_hidden"))
            .post_hidden(integer(params, "post_hidden"))
            .attention_dim(integer(params, "attention_dim"))
            .dropout(params.at("dropout").get<double>());
        return std::shared_ptr<chorus::SupervisedModelImpl>(
            std::make_shared<chorus::han::HierarchicalAttentionNetworkImpl>(options));
    };
    return spec;
}

} // namespace

CHORUS_PLUGIN_EXPORT const ChorusPluginInfo *chorus_plugin_info()
{
    static const ChorusPluginInfo info = {CHORUS_PLUGIN_INTERFACE_VERSION, "han", CHORUS_HAN_PLUGIN_VERSION,
                                          CHORUS_PLUGIN_ABI_TAG, TORCH_VERSION};
    return &info;
}

CHORUS_PLUGIN_EXPORT void chorus_register_models(chorus::ModelRegistry &registry)
{
    if (chorus::Status added = registry.add(hanSpec()); !added)
        throw std::runtime_error(added.message());
}
