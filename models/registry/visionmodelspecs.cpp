#include "models/registry/visionmodelspecs.h"

#include "models/image/imageclassifier.h"
#include "models/image/torchscriptclassifier.h"

#include <memory>

namespace chorus {
namespace {

ParamSpec imageSize(long long fallback)
{
    return ParamSpec::integer("image_size", fallback, 16, 1024,
                              "Pictures are scaled (shorter side) and centre-cropped to this many pixels square.");
}

ParamSpec augment()
{
    return ParamSpec::boolean("augment", true,
                              "While training, show each picture with a random crop and left-right flip.");
}

ModelSpec imageCnnSpec()
{
    ModelSpec spec;
    spec.name = "image_cnn";
    spec.displayName = "Image CNN (ResNet-style)";
    spec.description = "A small residual network trained from scratch on the posts' pictures, then average pooling "
                       "and a linear layer. Grad-CAM shows which regions a prediction rests on.";
    spec.inputs = {"image"};
    spec.explains = {"grad_cam"};
    spec.supervised = true;
    spec.trainer = "supervised";
    spec.params = ParamSchema({
        ParamSpec::integer("base_channels", 32, 4, 256, "Filters of the first stage; each later stage doubles them."),
        ParamSpec::integer("stages", 3, 1, 5, "Stages of residual blocks; each after the first halves the resolution."),
        ParamSpec::integer("blocks_per_stage", 1, 1, 4, "Residual blocks (two 3x3 convolutions each) per stage."),
        ParamSpec::real("dropout", 0.2, 0.0, 0.9, "Fraction of the pooled features zeroed at random while training."),
        imageSize(64),
        augment(),
    });
    spec.makeModel = [](const nlohmann::json &params, const ModelShape &shape) {
        ImageClassifierOptions options(shape.classes);
        options.base_channels(params.at("base_channels").get<std::int64_t>())
            .stages(params.at("stages").get<std::int64_t>())
            .blocks_per_stage(params.at("blocks_per_stage").get<std::int64_t>())
            .dropout(params.at("dropout").get<double>());
        return std::shared_ptr<SupervisedModelImpl>(std::make_shared<ImageClassifierImpl>(options));
    };
    return spec;
}

ModelSpec imageTorchScriptSpec()
{
    ModelSpec spec;
    spec.name = "image_torchscript";
    spec.displayName = "Pretrained backbone (TorchScript)";
    spec.description = "Your own TorchScript network (e.g. a torchvision ResNet saved with torch.jit.trace, its last "
                       "layer removed) as a frozen feature extractor, with a linear layer trained on top. Grad-CAM "
                       "works when the backbone returns feature maps.";
    spec.inputs = {"image"};
    spec.explains = {"grad_cam"};
    spec.supervised = true;
    spec.trainer = "supervised";
    spec.params = ParamSchema({
        ParamSpec::text("backbone_path", "",
                        "TorchScript file (.pt) mapping [B, 3, H, W] pictures to [B, D] or [B, C, h, w] features."),
        ParamSpec::real("dropout", 0.0, 0.0, 0.9, "Fraction of the backbone's features zeroed at random while training."),
        imageSize(224),
        augment(),
    });
    spec.makeModel = [](const nlohmann::json &params, const ModelShape &shape) {
        TorchScriptClassifierOptions options(params.at("backbone_path").get<std::string>(), shape.classes);
        options.image_size(shape.imageSize).dropout(params.at("dropout").get<double>());
        return std::shared_ptr<SupervisedModelImpl>(std::make_shared<TorchScriptClassifierImpl>(options));
    };
    return spec;
}

} // namespace

std::vector<ModelSpec> imageModelSpecs()
{
    return {imageCnnSpec(), imageTorchScriptSpec()};
}

} // namespace chorus
