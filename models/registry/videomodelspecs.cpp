#include "models/registry/videomodelspecs.h"

#include "models/video/videoclassifier.h"

#include <algorithm>

namespace chorus {
namespace {

std::int64_t integer(const nlohmann::json &params, const char *name)
{
    return params.at(name).get<std::int64_t>();
}

ModelSpec videoTemporalSpec()
{
    ModelSpec spec;
    spec.name = "video_temporal";
    spec.displayName = "Video: frame CNN + temporal GRU/attention";
    spec.description = "Frames sampled uniformly over each clip go through a small ResNet-style CNN; a GRU or "
                       "position-aware attention combines them, and the per-frame weights show which moments the "
                       "prediction rests on.";
    spec.inputs = {"video"};
    spec.explains = {"frame_attention"};
    spec.supervised = true;
    spec.trainer = "supervised";
    spec.params = ParamSchema({
        ParamSpec::integer("frames", 8, 1, 64, "Frames sampled per clip, spread evenly over its duration."),
        ParamSpec::integer("image_size", 64, 16, 512, "Side of the square each frame is resized and cropped to."),
        ParamSpec::integer("base_channels", 16, 4, 256,
                           "Width of the frame CNN's first stage; each later stage doubles it."),
        ParamSpec::integer("stages", 3, 1, 5, "Stages of the frame CNN; each after the first halves the resolution."),
        ParamSpec::choice("temporal", "gru", {"gru", "attention"},
                          "How frames are combined: a GRU over time, or attention with learned frame positions."),
        ParamSpec::integer("hidden", 128, 4, 1024, "Width of the per-frame temporal states."),
        ParamSpec::real("dropout", 0.3, 0.0, 0.9, "Fraction of the attended clip summary zeroed at random while training."),
        ParamSpec::integer("spatial_grid", 3, 1, 8,
                           "Each frame is summarised on a grid x grid layout; 1 ignores where things are, more "
                           "keeps the layout that motion shows in."),
    });
    spec.makeModel = [](const nlohmann::json &params, const ModelShape &shape) {
        VideoClassifierOptions options(shape.classes);
        // The position table must cover the frames the data carries, whatever the params say.
        options.frames(std::max<std::int64_t>(integer(params, "frames"), shape.frames))
            .image_size(integer(params, "image_size"))
            .base_channels(integer(params, "base_channels"))
            .stages(integer(params, "stages"))
            .temporal(params.at("temporal").get<std::string>())
            .hidden(integer(params, "hidden"))
            .dropout(params.at("dropout").get<double>())
            .spatial_grid(integer(params, "spatial_grid"));
        return std::shared_ptr<SupervisedModelImpl>(std::make_shared<VideoClassifierImpl>(options));
    };
    return spec;
}

} // namespace

std::vector<ModelSpec> videoModelSpecs()
{
    return {videoTemporalSpec()};
}

} // namespace chorus
