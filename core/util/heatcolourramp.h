#pragma once

#include <cstdint>

namespace chorus {

// The colour ramp of every explanation map drawn over a picture (Grad-CAM, co-attention), the
// PNG of `chorus-cli explain --png` and the attention explorer's image pane alike: the classic
// jet, blue = 0 through cyan and yellow to red = 1. Here, free of OpenCV and Qt, so both sides
// draw the same colours.
class HeatColourRamp {
public:
    // The colour of v as R G B; values outside [0, 1] are clamped, NaN is 0.
    static void colour(float v, std::uint8_t rgb[3]);
};

} // namespace chorus
