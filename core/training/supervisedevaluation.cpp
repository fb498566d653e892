#include "core/training/supervisedevaluation.h"

#include "core/metrics/classificationmetrics.h"
#include "core/metrics/regressionmetrics.h"
#include "core/training/superviseddata.h"

#include <cmath>
#include <cstdint>

namespace chorus {

double SupervisedEvaluation::value(const std::string &name) const
{
    for (const auto &[key, v] : values)
        if (key == name)
            return v;
    return NAN;
}

SupervisedEvaluation SupervisedEvaluation::summarise(const std::vector<LabelTask> &tasks, double meanLoss,
                                                     const std::vector<std::vector<double>> &truth,
                                                     const std::vector<std::vector<double>> &predicted,
                                                     const std::vector<std::vector<std::vector<double>>> &scores)
{
    SupervisedEvaluation evaluation;
    evaluation.values.emplace_back("loss", meanLoss);
    for (std::size_t t = 0; t < tasks.size() && t < truth.size(); ++t) {
        const std::string prefix = t == 0 ? "" : tasks[t].name + "/";
        if (truth[t].empty())
            continue;
        if (tasks[t].regression) {
            auto report = RegressionMetrics::evaluate(truth[t], predicted[t]);
            if (!report)
                continue;
            evaluation.values.emplace_back(prefix + "mae", report->mae);
            evaluation.values.emplace_back(prefix + "rmse", report->rmse);
            evaluation.values.emplace_back(prefix + "r2", report->r2);
            if (t == 0)
                evaluation.report = report->toJson();
        } else {
            std::vector<std::int64_t> y(truth[t].begin(), truth[t].end()), p(predicted[t].begin(), predicted[t].end());
            auto report = ClassificationMetrics::evaluate(y, p, scores[t], tasks[t].classes.size(), tasks[t].classes);
            if (!report)
                continue;
            evaluation.values.emplace_back(prefix + "accuracy", report->accuracy);
            evaluation.values.emplace_back(prefix + "macro_f1", report->macroF1);
            evaluation.values.emplace_back(prefix + "micro_f1", report->microF1);
            if (report->rocAuc)
                evaluation.values.emplace_back(prefix + "roc_auc", report->rocAuc->auc);
            if (t == 0)
                evaluation.report = report->toJson();
        }
    }
    return evaluation;
}

} // namespace chorus
