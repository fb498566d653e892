#include "core/util/heatcolourramp.h"

#include <algorithm>
#include <cmath>

namespace chorus {

void HeatColourRamp::colour(float v, std::uint8_t rgb[3])
{
    const float value = std::isnan(v) ? 0.0f : std::clamp(v, 0.0f, 1.0f);
    // Three tents offset by a quarter, each clipped to [0, 1].
    const auto tent = [value](float centre) {
        return std::clamp(1.5f - std::abs(4.0f * value - centre), 0.0f, 1.0f);
    };
    rgb[0] = static_cast<std::uint8_t>(std::lround(255.0f * tent(3.0f)));
    rgb[1] = static_cast<std::uint8_t>(std::lround(255.0f * tent(2.0f)));
    rgb[2] = static_cast<std::uint8_t>(std::lround(255.0f * tent(1.0f)));
}

} // namespace chorus
