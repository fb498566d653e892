#include "models/registry/fusionmodelspecs.h"

#include "models/fusion/fusionclassifier.h"
#include "models/multitask/multitaskclassifier.h"
#include "models/multitask/multitaskloss.h"

#include <memory>
#include <stdexcept>

namespace chorus {
namespace {

std::int64_t integer(const nlohmann::json &params, const char *name)
{
    return params.at(name).get<std::int64_t>();
}

double real(const nlohmann::json &params, const char *name)
{
    return params.at(name).get<double>();
}

std::vector<ParamSpec> textEncoderParams()
{
    return {
        ParamSpec::integer("embedding_dim", 64, 8, 1024, "Width of the token embedding vectors."),
        ParamSpec::integer("text_hidden", 64, 4, 1024,
                           "GRU units per direction; token and image features are twice this wide."),
        ParamSpec::integer("text_layers", 1, 1, 4, "Stacked bidirectional GRU layers."),
    };
}

std::vector<ParamSpec> imageTrunkParams()
{
    return {
        ParamSpec::integer("image_channels", 32, 4, 256,
                           "Channels of the image trunk's first stage; each later stage doubles them."),
        ParamSpec::integer("image_stages", 3, 1, 5,
                           "Residual stages; each after the first halves the grid of image regions."),
    };
}

ModelSpec fusionSpec()
{
    ModelSpec spec;
    spec.name = "fusion";
    spec.displayName = "Text + image fusion";
    spec.description = "A BiGRU reads the post's text and a small ResNet its image; the two are fused by "
                       "concatenation, a per-post gate, co-attention between words and image regions, or "
                       "multi-view heads that must agree. Posts without an image still train and predict.";
    spec.inputs = {"text", "image"};
    spec.explains = {"modality_weights", "co_attention", "grad_cam"};
    spec.supervised = true;
    spec.trainer = "supervised";
    std::vector<ParamSpec> params = {
        ParamSpec::choice("fusion", "gated", FusionClassifierImpl::fusionKinds(),
                          "concat: join both vectors; gated: weigh the modalities per post (weights shown); "
                          "coattention: words and image regions attend to each other (maps shown); multiview: "
                          "a head per modality plus a fused head, trained to agree."),
    };
    for (std::vector<ParamSpec> group : {textEncoderParams(), imageTrunkParams()})
        params.insert(params.end(), group.begin(), group.end());
    params.push_back(ParamSpec::integer("attention_dim", 64, 4, 1024,
                                        "Width of the gate's scoring layer and of co-attention queries and keys."));
    params.push_back(ParamSpec::integer("head_hidden", 128, 4, 4096, "Hidden units of the classification head(s)."));
    params.push_back(
        ParamSpec::real("dropout", 0.2, 0.0, 0.9, "Fraction of head activations zeroed at random while training."));
    params.push_back(ParamSpec::real("agreement_weight", 0.1, 0.0, 10.0,
                                     "multiview only: weight of the term that pulls the text and image heads "
                                     "towards each other and towards the fused prediction."));
    spec.params = ParamSchema(std::move(params));
    spec.makeModel = [](const nlohmann::json &params, const ModelShape &shape) {
        if (shape.vocabularySize < 1)
            throw std::invalid_argument("the vocabulary is empty (build the dataset's vocabulary first)");
        FusionClassifierOptions options(shape.vocabularySize, shape.classes);
        options.fusion(params.at("fusion").get<std::string>())
            .embedding_dim(integer(params, "embedding_dim"))
            .text_hidden(integer(params, "text_hidden"))
            .text_layers(integer(params, "text_layers"))
            .image_channels(integer(params, "image_channels"))
            .image_stages(integer(params, "image_stages"))
            .image_size(shape.imageSize)
            .attention_dim(integer(params, "attention_dim"))
            .head_hidden(integer(params, "head_hidden"))
            .dropout(real(params, "dropout"))
            .agreement_weight(real(params, "agreement_weight"));
        return std::shared_ptr<SupervisedModelImpl>(std::make_shared<FusionClassifierImpl>(options));
    };
    return spec;
}

ModelSpec multiTaskSpec()
{
    ModelSpec spec;
    spec.name = "multitask";
    spec.displayName = "Multi-task";
    spec.description = "One shared BiGRU encoder with a head per label task (e.g. sentiment, topic and an "
                       "engagement regression); each task's loss is weighted (the run config's task_weights) and a post may lack some labels.";
    spec.inputs = {"text"};
    spec.supervised = true;
    spec.trainer = "supervised";
    std::vector<ParamSpec> params = textEncoderParams();
    params.push_back(ParamSpec::integer("head_hidden", 64, 4, 4096, "Hidden units of each task's head."));
    params.push_back(
        ParamSpec::real("dropout", 0.2, 0.0, 0.9, "Fraction of head activations zeroed at random while training."));
    params.push_back(ParamSpec::boolean("use_images", false,
                                        "Add the image trunk to the shared encoder (posts without an image use a "
                                        "learned stand-in)."));
    for (const ParamSpec &p : imageTrunkParams())
        params.push_back(p);
    spec.params = ParamSchema(std::move(params));
    spec.makeModel = [](const nlohmann::json &params, const ModelShape &shape) {
        if (shape.vocabularySize < 1)
            throw std::invalid_argument("the vocabulary is empty (build the dataset's vocabulary first)");
        const std::vector<TaskShape> &tasks = shape.tasks;
        if (tasks.empty())
            throw std::invalid_argument("a multi-task model needs the run's label tasks");
        MultiTaskClassifierOptions options(shape.vocabularySize, tasks);
        options.embedding_dim(integer(params, "embedding_dim"))
            .hidden(integer(params, "text_hidden"))
            .layers(integer(params, "text_layers"))
            .head_hidden(integer(params, "head_hidden"))
            .dropout(real(params, "dropout"))
            .use_images(params.at("use_images").get<bool>())
            .image_channels(integer(params, "image_channels"))
            .image_stages(integer(params, "image_stages"))
            .image_size(shape.imageSize);
        return std::shared_ptr<SupervisedModelImpl>(std::make_shared<MultiTaskClassifierImpl>(options));
    };
    return spec;
}

} // namespace

std::vector<ModelSpec> fusionModelSpecs()
{
    return {fusionSpec(), multiTaskSpec()};
}

} // namespace chorus
