#pragma once

#include "core/util/result.h"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chorus {

// Precision, recall and F1 of one class, treating it as "positive" and every other class as
// "negative".
struct ClassScores {
    std::string name;
    double precision = 0.0;
    double recall = 0.0;
    double f1 = 0.0;
    std::int64_t support = 0;   // samples whose true class is this one
    std::int64_t predicted = 0; // samples predicted as this class
    std::int64_t truePositives = 0;
};

// One-vs-rest ROC-AUC of a multi-class (or binary) problem.
struct RocAucReport {
    // The headline number: the binary AUC for two classes, the unweighted mean of perClass otherwise.
    double auc = 0.0;
    // AUC of class c against the rest; empty for a class that was skipped.
    std::vector<std::optional<double>> perClass;
    // Classes without an AUC: absent from y_true (no positives) or the only class in y_true (no
    // negatives). Their AUC is undefined, so they are left out of the mean instead of counting 0.
    std::vector<std::size_t> skippedClasses;
};

// Everything the trainer stores about one evaluation of a single-label classifier.
//
// Conventions for 0/0 (the same as scikit-learn with zero_division=0):
// - precision of a class that is never predicted is 0;
// - recall of a class that has no true samples is 0;
// - F1 is 0 when precision + recall is 0.
// Averages:
// - macro: unweighted mean over the classes that occur in y_true or y_pred (scikit-learn's
//   default label set); a class that neither occurs nor is predicted says nothing about the
//   model and would otherwise drag the mean down with a meaningless 0. macroClasses counts them.
// - micro: from the summed counts; for single-label data micro precision = recall = F1 = accuracy.
// - weighted: mean weighted by support, so classes absent from y_true weigh nothing.
struct ClassificationReport {
    std::size_t classCount = 0;
    std::int64_t total = 0;
    std::int64_t correct = 0;
    // confusion[t][p]: samples whose true class is t and predicted class is p.
    std::vector<std::vector<std::int64_t>> confusion;
    std::vector<ClassScores> perClass;
    double accuracy = 0.0;
    std::size_t macroClasses = 0;
    double macroPrecision = 0.0;
    double macroRecall = 0.0;
    double macroF1 = 0.0;
    double microPrecision = 0.0;
    double microRecall = 0.0;
    double microF1 = 0.0;
    double weightedPrecision = 0.0;
    double weightedRecall = 0.0;
    double weightedF1 = 0.0;
    std::optional<RocAucReport> rocAuc; // only when scores were given and the AUC is defined
    // Why rocAuc is empty although scores were given (e.g. y_true holds a single class).
    std::string rocAucUnavailable;

    nlohmann::json toJson() const;
};

// Classification metrics from integer class ids 0..classCount-1.
// Every function validates its input and returns an Error naming the problem (sizes that differ,
// a class id out of range, a score that is not finite) instead of computing something misleading.
class ClassificationMetrics {
public:
    // classNames is optional; when given it must have classCount entries. Unnamed classes are
    // called by their id ("0", "1", ...).
    static Result<ClassificationReport> evaluate(const std::vector<std::int64_t> &yTrue,
                                                 const std::vector<std::int64_t> &yPred, std::size_t classCount,
                                                 const std::vector<std::string> &classNames = {});
    // The same plus ROC-AUC from scores[sample][class] (probabilities, logits: only their order
    // within a class matters). Malformed scores are an Error; an AUC that is undefined for this
    // y_true (a single class present) is not: the report comes back without rocAuc and says why
    // in rocAucUnavailable, so one unlucky test split does not lose the other metrics.
    static Result<ClassificationReport> evaluate(const std::vector<std::int64_t> &yTrue,
                                                 const std::vector<std::int64_t> &yPred,
                                                 const std::vector<std::vector<double>> &scores, std::size_t classCount,
                                                 const std::vector<std::string> &classNames = {});

    // Binary ROC-AUC: yTrue holds 0 (negative) or 1 (positive), scores the positive-class scores.
    // Computed as the Mann-Whitney statistic (the chance that a random positive scores above a
    // random negative, ties counting one half): (sum of positive ranks - P(P+1)/2) / (P * N),
    // ranks ascending by score with tied scores sharing their average rank. Needs both classes.
    static Result<double> binaryRocAuc(const std::vector<std::int64_t> &yTrue, const std::vector<double> &scores);

    // One-vs-rest ROC-AUC. With two classes the result is the binary AUC of column 1 (as
    // scikit-learn does); with more, the macro mean over the classes that have both positives and
    // negatives in yTrue, the others listed in skippedClasses. An Error when no class qualifies.
    static Result<RocAucReport> rocAuc(const std::vector<std::int64_t> &yTrue,
                                       const std::vector<std::vector<double>> &scores, std::size_t classCount);
};

} // namespace chorus
