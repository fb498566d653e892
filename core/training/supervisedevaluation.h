#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace chorus {

struct LabelTask;

// The figures of one evaluation pass of a supervised model, by metric name ("loss", "accuracy",
// "macro_f1", ...; for further tasks prefixed "<task>/"), plus the primary task's full report.
struct SupervisedEvaluation {
    std::vector<std::pair<std::string, double>> values;
    nlohmann::json report;

    // NaN when the pass has no such figure.
    double value(const std::string &name) const;

    // From what the model predicted for each task's labelled posts: `truth` and `predicted` hold
    // one value per post (a class index, or the value of a regression task), `scores` the class
    // probabilities per post (classification only). A task without labelled posts adds nothing.
    static SupervisedEvaluation summarise(const std::vector<LabelTask> &tasks, double meanLoss,
                                          const std::vector<std::vector<double>> &truth,
                                          const std::vector<std::vector<double>> &predicted,
                                          const std::vector<std::vector<std::vector<double>>> &scores);
};

} // namespace chorus
