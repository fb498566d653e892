#pragma once

#include <algorithm>
#include <cstdint>

namespace chorus {

// The teacher-forcing ratio over a run: linear from `start` at the first step to `end` at the last
// (Bengio et al. 2015, scheduled sampling, with a linear decay). A step feeds the gold previous token
// with probability ratio(step) and the model's own previous prediction otherwise.
struct TeacherForcingSchedule {
    double start = 1.0;
    double end = 0.5;

    double ratio(std::int64_t step, std::int64_t totalSteps) const
    {
        if (totalSteps <= 1)
            return start;
        const double progress =
            std::clamp(static_cast<double>(step) / static_cast<double>(totalSteps - 1), 0.0, 1.0);
        return start + (end - start) * progress;
    }
};

} // namespace chorus
