#pragma once

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace chorus {

// Everything of the trainer that a checkpoint must carry besides model, optimiser and generator.
struct TrainerLoopState {
    std::int64_t step = 0;
    int epoch = 0;
    std::size_t batch = 0; // next batch of the epoch
    double baseRate = 0;
    double bestValue = 0;
    int withoutGain = 0;
    nlohmann::json bestValid;
    double windowLoss = 0;
    int windowSteps = 0;

    nlohmann::json toJson() const
    {
        return {{"step", step},          {"epoch", epoch},        {"batch", batch},
                {"base_lr", baseRate},   {"best_value", bestValue}, {"without_gain", withoutGain},
                {"best_valid", bestValid}, {"window_loss", windowLoss}, {"window_steps", windowSteps}};
    }
    static TrainerLoopState fromJson(const nlohmann::json &j)
    {
        TrainerLoopState s;
        s.step = j.at("step").get<std::int64_t>();
        s.epoch = j.at("epoch").get<int>();
        s.batch = j.at("batch").get<std::size_t>();
        s.baseRate = j.at("base_lr").get<double>();
        s.bestValue = j.at("best_value").is_null() ? NAN : j.at("best_value").get<double>();
        s.withoutGain = j.at("without_gain").get<int>();
        s.bestValid = j.at("best_valid");
        s.windowLoss = j.at("window_loss").get<double>();
        s.windowSteps = j.at("window_steps").get<int>();
        return s;
    }
};

} // namespace chorus
