#pragma once

#include "core/media/rgbimage.h"
#include "core/util/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

struct HeatMapOverlayOptions {
    double opacity = 0.5; // 0: only the picture, 1: only the colour map
    int side = 256;       // the overlay is side x side pixels
};

// Draws an explanation map (e.g. Grad-CAM) over the picture it explains, for `chorus-cli explain`
// and the GUI. The picture is shown as the model saw it in evaluation (shorter side scaled, centre
// cut out); the map, any resolution, is stretched bilinearly over it and coloured with a jet-like
// ramp (blue = 0, through cyan, yellow, to red = 1), blended with `opacity`.
class HeatMapOverlay {
public:
    // heat: heatHeight rows of heatWidth values in [0, 1] (outside values are clamped, NaN is 0).
    static Result<RgbImage> blend(const RgbImage &image, const std::vector<float> &heat, int heatWidth, int heatHeight,
                                  const HeatMapOverlayOptions &options = HeatMapOverlayOptions());
    // blend() encoded as PNG bytes.
    static Result<std::string> png(const RgbImage &image, const std::vector<float> &heat, int heatWidth, int heatHeight,
                                   const HeatMapOverlayOptions &options = HeatMapOverlayOptions());
    static Result<std::string> encodePng(const RgbImage &image);

    // The colour of value v in [0, 1] on the ramp, as R G B (HeatColourRamp, shared with the GUI).
    static void colour(float v, std::uint8_t rgb[3]);
};

} // namespace chorus
