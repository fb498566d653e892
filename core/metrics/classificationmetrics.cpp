#include "core/metrics/classificationmetrics.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace chorus {

namespace {

// a / b with the zero_division=0 convention documented in the header.
double ratio(double numerator, double denominator)
{
    return denominator == 0.0 ? 0.0 : numerator / denominator;
}

double harmonicMean(double precision, double recall)
{
    return ratio(2.0 * precision * recall, precision + recall);
}

Status checkLabels(const std::vector<std::int64_t> &labels, const char *name, std::size_t classCount)
{
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] < 0 || std::uint64_t(labels[i]) >= classCount)
            return Error{std::string(name) + "[" + std::to_string(i) + "] = " + std::to_string(labels[i])
                         + " is not a class id (expected 0.." + std::to_string(classCount - 1) + ")"};
    }
    return Status::success();
}

Status checkInputs(const std::vector<std::int64_t> &yTrue, const std::vector<std::int64_t> &yPred,
                   std::size_t classCount, const std::vector<std::string> &classNames)
{
    if (classCount == 0)
        return Error{"the class count must be at least 1"};
    if (yPred.size() != yTrue.size())
        return Error{"y_pred has " + std::to_string(yPred.size()) + " entries, y_true " + std::to_string(yTrue.size())};
    if (yTrue.empty())
        return Error{"y_true is empty: there is nothing to evaluate"};
    if (!classNames.empty() && classNames.size() != classCount)
        return Error{"there are " + std::to_string(classNames.size()) + " class names for "
                     + std::to_string(classCount) + " classes"};
    if (Status status = checkLabels(yTrue, "y_true", classCount); !status)
        return status;
    return checkLabels(yPred, "y_pred", classCount);
}

Status checkScores(const std::vector<std::vector<double>> &scores, std::size_t samples, std::size_t classCount)
{
    if (scores.size() != samples)
        return Error{"scores has " + std::to_string(scores.size()) + " rows, y_true " + std::to_string(samples)
                     + " entries"};
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (scores[i].size() != classCount)
            return Error{"scores[" + std::to_string(i) + "] has " + std::to_string(scores[i].size())
                         + " entries for " + std::to_string(classCount) + " classes"};
        for (std::size_t c = 0; c < classCount; ++c) {
            if (!std::isfinite(scores[i][c]))
                return Error{"scores[" + std::to_string(i) + "][" + std::to_string(c) + "] is not a finite number"};
        }
    }
    return Status::success();
}

// Mann-Whitney AUC of already validated input: positive[i] says whether sample i is positive.
// Returns nullopt when one side is empty (the AUC is undefined there).
std::optional<double> mannWhitneyAuc(const std::vector<bool> &positive, const std::vector<double> &scores)
{
    const std::size_t n = scores.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });

    double positiveRankSum = 0.0;
    std::size_t positives = 0;
    for (std::size_t begin = 0; begin < n;) {
        std::size_t end = begin + 1;
        while (end < n && scores[order[end]] == scores[order[begin]])
            ++end;
        // Ranks are 1-based: the tied block [begin, end) shares the mean of ranks begin+1..end.
        const double averageRank = (double(begin + 1) + double(end)) / 2.0;
        for (std::size_t i = begin; i < end; ++i) {
            if (positive[order[i]]) {
                positiveRankSum += averageRank;
                ++positives;
            }
        }
        begin = end;
    }
    const std::size_t negatives = n - positives;
    if (positives == 0 || negatives == 0)
        return std::nullopt;
    const double p = double(positives);
    return (positiveRankSum - p * (p + 1.0) / 2.0) / (p * double(negatives));
}

RocAucReport oneVsRest(const std::vector<std::int64_t> &yTrue, const std::vector<std::vector<double>> &scores,
                       std::size_t classCount)
{
    RocAucReport report;
    report.perClass.resize(classCount);
    std::vector<bool> positive(yTrue.size());
    std::vector<double> column(yTrue.size());
    double sum = 0.0;
    std::size_t counted = 0;
    for (std::size_t c = 0; c < classCount; ++c) {
        for (std::size_t i = 0; i < yTrue.size(); ++i) {
            positive[i] = std::uint64_t(yTrue[i]) == c;
            column[i] = scores[i][c];
        }
        report.perClass[c] = mannWhitneyAuc(positive, column);
        if (report.perClass[c]) {
            sum += *report.perClass[c];
            ++counted;
        } else {
            report.skippedClasses.push_back(c);
        }
    }
    if (classCount == 2)
        report.auc = report.perClass[1].value_or(0.0);
    else
        report.auc = ratio(sum, double(counted));
    return report;
}

std::string describeSkipped(const std::vector<std::int64_t> &yTrue, std::size_t classCount)
{
    std::vector<std::int64_t> present;
    for (std::int64_t label : yTrue) {
        if (std::find(present.begin(), present.end(), label) == present.end())
            present.push_back(label);
    }
    if (present.size() == 1)
        return "ROC-AUC is undefined: y_true holds only class " + std::to_string(present.front())
               + ", so no class has both positive and negative samples";
    return "ROC-AUC is undefined: no class of " + std::to_string(classCount)
           + " has both positive and negative samples in y_true";
}

} // namespace

Result<ClassificationReport> ClassificationMetrics::evaluate(const std::vector<std::int64_t> &yTrue,
                                                             const std::vector<std::int64_t> &yPred,
                                                             std::size_t classCount,
                                                             const std::vector<std::string> &classNames)
{
    if (Status status = checkInputs(yTrue, yPred, classCount, classNames); !status)
        return status.error();

    ClassificationReport report;
    report.classCount = classCount;
    report.total = std::int64_t(yTrue.size());
    report.confusion.assign(classCount, std::vector<std::int64_t>(classCount, 0));
    for (std::size_t i = 0; i < yTrue.size(); ++i)
        ++report.confusion[std::size_t(yTrue[i])][std::size_t(yPred[i])];

    report.perClass.resize(classCount);
    std::int64_t predictedSum = 0;
    for (std::size_t c = 0; c < classCount; ++c) {
        ClassScores &scores = report.perClass[c];
        scores.name = classNames.empty() ? std::to_string(c) : classNames[c];
        scores.truePositives = report.confusion[c][c];
        for (std::size_t other = 0; other < classCount; ++other) {
            scores.support += report.confusion[c][other];
            scores.predicted += report.confusion[other][c];
        }
        scores.precision = ratio(double(scores.truePositives), double(scores.predicted));
        scores.recall = ratio(double(scores.truePositives), double(scores.support));
        scores.f1 = harmonicMean(scores.precision, scores.recall);
        report.correct += scores.truePositives;
        predictedSum += scores.predicted;

        if (scores.support > 0 || scores.predicted > 0) {
            ++report.macroClasses;
            report.macroPrecision += scores.precision;
            report.macroRecall += scores.recall;
            report.macroF1 += scores.f1;
        }
        const double weight = double(scores.support);
        report.weightedPrecision += weight * scores.precision;
        report.weightedRecall += weight * scores.recall;
        report.weightedF1 += weight * scores.f1;
    }
    const double total = double(report.total);
    report.accuracy = double(report.correct) / total;
    // macroClasses >= 1: every sample's true class occurs in y_true.
    report.macroPrecision /= double(report.macroClasses);
    report.macroRecall /= double(report.macroClasses);
    report.macroF1 /= double(report.macroClasses);
    report.microPrecision = ratio(double(report.correct), double(predictedSum));
    report.microRecall = double(report.correct) / total;
    report.microF1 = harmonicMean(report.microPrecision, report.microRecall);
    report.weightedPrecision /= total;
    report.weightedRecall /= total;
    report.weightedF1 /= total;
    return report;
}

Result<ClassificationReport> ClassificationMetrics::evaluate(const std::vector<std::int64_t> &yTrue,
                                                             const std::vector<std::int64_t> &yPred,
                                                             const std::vector<std::vector<double>> &scores,
                                                             std::size_t classCount,
                                                             const std::vector<std::string> &classNames)
{
    Result<ClassificationReport> report = evaluate(yTrue, yPred, classCount, classNames);
    if (!report)
        return report;
    if (Status status = checkScores(scores, yTrue.size(), classCount); !status)
        return status.error();
    Result<RocAucReport> auc = rocAuc(yTrue, scores, classCount);
    if (auc)
        report->rocAuc = std::move(auc.value());
    else
        report->rocAucUnavailable = auc.message();
    return report;
}

Result<double> ClassificationMetrics::binaryRocAuc(const std::vector<std::int64_t> &yTrue,
                                                   const std::vector<double> &scores)
{
    if (scores.size() != yTrue.size())
        return Error{"scores has " + std::to_string(scores.size()) + " entries, y_true " + std::to_string(yTrue.size())};
    if (yTrue.empty())
        return Error{"y_true is empty: there is nothing to evaluate"};
    if (Status status = checkLabels(yTrue, "y_true", 2); !status)
        return status.error();
    std::vector<bool> positive(yTrue.size());
    for (std::size_t i = 0; i < yTrue.size(); ++i) {
        if (!std::isfinite(scores[i]))
            return Error{"scores[" + std::to_string(i) + "] is not a finite number"};
        positive[i] = yTrue[i] == 1;
    }
    std::optional<double> auc = mannWhitneyAuc(positive, scores);
    if (!auc) {
        const bool allPositive = positive.front();
        return Error{std::string("ROC-AUC is undefined: y_true has no ") + (allPositive ? "negative" : "positive")
                     + " samples"};
    }
    return *auc;
}

Result<RocAucReport> ClassificationMetrics::rocAuc(const std::vector<std::int64_t> &yTrue,
                                                   const std::vector<std::vector<double>> &scores,
                                                   std::size_t classCount)
{
    if (classCount == 0)
        return Error{"the class count must be at least 1"};
    if (yTrue.empty())
        return Error{"y_true is empty: there is nothing to evaluate"};
    if (Status status = checkLabels(yTrue, "y_true", classCount); !status)
        return status.error();
    if (Status status = checkScores(scores, yTrue.size(), classCount); !status)
        return status.error();
    RocAucReport report = oneVsRest(yTrue, scores, classCount);
    // With two classes, one has an AUC exactly when the other has, so "all skipped" covers both cases.
    if (report.skippedClasses.size() == classCount)
        return Error{describeSkipped(yTrue, classCount)};
    return report;
}

nlohmann::json ClassificationReport::toJson() const
{
    nlohmann::json classes = nlohmann::json::array();
    for (const ClassScores &scores : perClass) {
        classes.push_back({{"name", scores.name},
                           {"precision", scores.precision},
                           {"recall", scores.recall},
                           {"f1", scores.f1},
                           {"support", scores.support},
                           {"predicted", scores.predicted},
                           {"true_positives", scores.truePositives}});
    }
    nlohmann::json json = {
        {"class_count", classCount},
        {"total", total},
        {"correct", correct},
        {"accuracy", accuracy},
        {"confusion", confusion},
        {"classes", classes},
        {"macro", {{"precision", macroPrecision}, {"recall", macroRecall}, {"f1", macroF1}, {"classes", macroClasses}}},
        {"micro", {{"precision", microPrecision}, {"recall", microRecall}, {"f1", microF1}}},
        {"weighted", {{"precision", weightedPrecision}, {"recall", weightedRecall}, {"f1", weightedF1}}},
    };
    if (rocAuc) {
        nlohmann::json perClassAuc = nlohmann::json::array();
        for (const std::optional<double> &auc : rocAuc->perClass)
            perClassAuc.push_back(auc ? nlohmann::json(*auc) : nlohmann::json(nullptr));
        json["roc_auc"] = {{"auc", rocAuc->auc}, {"per_class", perClassAuc}, {"skipped_classes", rocAuc->skippedClasses}};
    } else if (!rocAucUnavailable.empty()) {
        json["roc_auc_unavailable"] = rocAucUnavailable;
    }
    return json;
}

} // namespace chorus
