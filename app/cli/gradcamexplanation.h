#pragma once

#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace chorus {
class Project;
class SupervisedModelImpl;
struct ModelInputs;
} // namespace chorus

// The largest side of the Grad-CAM map that `explain --json` carries: larger maps are area-averaged
// down to it, so the answer stays small whatever the model's input size.
constexpr std::int64_t kGradCamJsonSide = 64;

// Grad-CAM for `chorus-cli explain` of one post (a batch of one) with a picture: adds "grad_cam"
// to json (height and width of the map sent, its values row-major in [0, 1], the class it explains
// and the model's input size the map was computed at) and, with a pngPath, draws the full-size map
// over the picture (media row imageMedia) as PNG. classes: the class names (empty for regression).
chorus::Status addGradCam(chorus::Project &project, chorus::SupervisedModelImpl &model, const chorus::ModelInputs &inputs,
                          std::int64_t imageMedia, const std::vector<std::string> &classes, const std::string &pngPath,
                          nlohmann::json &json, std::ostream &human);
