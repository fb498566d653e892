#include "gradcamexplanation.h"

#include "core/store/project.h"
#include "models/image/gradcam.h"
#ifdef CHORUS_HAVE_MEDIA
#include "core/media/heatmapoverlay.h"
#include "core/media/imagetensorizer.h"
#endif

#include <algorithm>
#include <cmath>
#include <fstream>

using namespace chorus;

namespace {

#ifdef CHORUS_HAVE_MEDIA
Status writeOverlay(Project &project, std::int64_t imageMedia, const torch::Tensor &map, const std::string &pngPath)
{
    auto image = project.db().prepare("SELECT coalesce(path, ''), blob FROM media WHERE id = ?1");
    if (!image)
        return image.error();
    image->bind(1, imageMedia);
    if (!image->step())
        return Error{"media " + std::to_string(imageMedia) + " is gone"};
    auto picture = !image->text(0).empty() ? ImageTensorizer::decodeFile(image->text(0))
                                           : ImageTensorizer::decode(image->blob(1), "media " + std::to_string(imageMedia));
    if (!picture)
        return picture.error();
    std::vector<float> heat(map.data_ptr<float>(), map.data_ptr<float>() + map.numel());
    auto png = HeatMapOverlay::png(*picture, heat, static_cast<int>(map.size(1)), static_cast<int>(map.size(0)));
    if (!png)
        return png.error();
    std::ofstream file(pngPath, std::ios::binary);
    file.write(png->data(), static_cast<std::streamsize>(png->size()));
    if (!file)
        return Error{"cannot write " + pngPath};
    return Status::success();
}
#endif

} // namespace

Status addGradCam(Project &project, SupervisedModelImpl &model, const ModelInputs &inputs, std::int64_t imageMedia,
                  const std::vector<std::string> &classes, const std::string &pngPath, nlohmann::json &json,
                  std::ostream &human)
{
    auto cam = GradCam::compute(model, inputs);
    if (!cam)
        return cam.error();
    const torch::Tensor map = cam->maps[0].to(torch::kFloat).contiguous();
    const torch::Tensor sent = GradCam::downsample(map, kGradCamJsonSide).contiguous();
    std::vector<double> values;
    values.reserve(static_cast<std::size_t>(sent.numel()));
    for (const float *v = sent.data_ptr<float>(), *end = v + sent.numel(); v != end; ++v)
        // Four decimals are finer than any colour map shows and keep the answer small.
        values.push_back(std::clamp(std::round(static_cast<double>(*v) * 1e4) / 1e4, 0.0, 1.0));
    const auto classIndex = cam->classes[0].item<std::int64_t>();
    json["grad_cam"] = {{"height", sent.size(0)},
                        {"width", sent.size(1)},
                        {"values", values},
                        {"class_index", classIndex},
                        {"input_height", map.size(0)},
                        {"input_width", map.size(1)}};
    if (classIndex >= 0 && static_cast<std::size_t>(classIndex) < classes.size()) {
        json["grad_cam"]["class"] = classes[static_cast<std::size_t>(classIndex)];
        human << "Grad-CAM map for class " << classes[static_cast<std::size_t>(classIndex)] << "\n";
    }
#ifdef CHORUS_HAVE_MEDIA
    if (!pngPath.empty()) {
        if (Status written = writeOverlay(project, imageMedia, map, pngPath); !written)
            return written;
        json["png"] = pngPath;
        human << "Grad-CAM overlay written to " << pngPath << "\n";
    }
#else
    (void)project;
    (void)imageMedia;
    (void)pngPath;
#endif
    return Status::success();
}
