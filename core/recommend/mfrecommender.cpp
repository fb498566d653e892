#include "core/recommend/mfrecommender.h"

#include "core/util/deterministicrandom.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>

namespace chorus {

namespace {

// Gram matrix FtF of a row-major (rows x f) factor matrix, f x f row-major.
std::vector<double> gram(const std::vector<double> &factors, std::size_t rows, std::size_t f)
{
    std::vector<double> g(f * f, 0.0);
    for (std::size_t r = 0; r < rows; ++r) {
        const double *x = &factors[r * f];
        for (std::size_t a = 0; a < f; ++a)
            for (std::size_t b = a; b < f; ++b)
                g[a * f + b] += x[a] * x[b];
    }
    for (std::size_t a = 0; a < f; ++a)
        for (std::size_t b = 0; b < a; ++b)
            g[a * f + b] = g[b * f + a];
    return g;
}

// Solves A x = b in place for a symmetric positive definite n x n row-major A (overwritten by
// its Cholesky factor L, A = L Lt); b becomes x. False when A is not positive definite.
bool choleskySolve(std::vector<double> &a, std::vector<double> &b, std::size_t n)
{
    for (std::size_t j = 0; j < n; ++j) {
        double diagonal = a[j * n + j];
        for (std::size_t k = 0; k < j; ++k)
            diagonal -= a[j * n + k] * a[j * n + k];
        if (!(diagonal > 0.0))
            return false;
        const double root = std::sqrt(diagonal);
        a[j * n + j] = root;
        for (std::size_t i = j + 1; i < n; ++i) {
            double sum = a[i * n + j];
            for (std::size_t k = 0; k < j; ++k)
                sum -= a[i * n + k] * a[j * n + k];
            a[i * n + j] = sum / root;
        }
    }
    for (std::size_t i = 0; i < n; ++i) { // L y = b
        double sum = b[i];
        for (std::size_t k = 0; k < i; ++k)
            sum -= a[i * n + k] * b[k];
        b[i] = sum / a[i * n + i];
    }
    for (std::size_t i = n; i-- > 0;) { // Lt x = y
        double sum = b[i];
        for (std::size_t k = i + 1; k < n; ++k)
            sum -= a[k * n + i] * b[k];
        b[i] = sum / a[i * n + i];
    }
    return true;
}

// One ALS half step: recomputes every vector of `solved` (one per entry list of `side`) against
// the fixed factors `other`. side's entry lists index rows of `other`.
bool solveSide(const std::vector<std::size_t> &offsets, const std::vector<int> &indices,
               const std::vector<double> &weights, const std::vector<double> &other, std::size_t otherRows,
               std::vector<double> &solved, std::size_t f, double alpha, double regularization)
{
    const std::vector<double> shared = gram(other, otherRows, f);
    std::vector<double> a(f * f);
    std::vector<double> b(f);
    const std::size_t count = offsets.size() - 1;
    for (std::size_t v = 0; v < count; ++v) {
        a = shared;
        for (std::size_t d = 0; d < f; ++d)
            a[d * f + d] += regularization;
        std::fill(b.begin(), b.end(), 0.0);
        for (std::size_t e = offsets[v]; e < offsets[v + 1]; ++e) {
            if (!(weights[e] > 0.0))
                continue; // not a positive observation: preference 0, confidence 1, already in YtY
            const double confidence = 1.0 + alpha * weights[e];
            const double *y = &other[static_cast<std::size_t>(indices[e]) * f];
            for (std::size_t r = 0; r < f; ++r) {
                const double scaled = (confidence - 1.0) * y[r];
                for (std::size_t c = 0; c < f; ++c)
                    a[r * f + c] += scaled * y[c];
                b[r] += confidence * y[r];
            }
        }
        if (!choleskySolve(a, b, f))
            return false;
        std::copy(b.begin(), b.end(), solved.begin() + static_cast<std::ptrdiff_t>(v * f));
    }
    return true;
}

double dot(const double *x, const double *y, std::size_t f)
{
    double sum = 0.0;
    for (std::size_t d = 0; d < f; ++d)
        sum += x[d] * y[d];
    return sum;
}

} // namespace

MfRecommender::MfRecommender(MfOptions options) : m_options(options) {}

Status MfRecommender::fitModel(const InteractionMatrix &interactions)
{
    const MfOptions &o = m_options;
    if (o.factors < 1 || o.iterations < 0)
        return Error{"matrix factorisation needs at least 1 factor and 0 or more iterations"};
    if (!(o.regularization > 0.0) || !std::isfinite(o.regularization))
        return Error{"the regularization must be a positive number (it keeps the least-squares systems solvable)"};
    if (!(o.alpha >= 0.0) || !std::isfinite(o.alpha))
        return Error{"alpha must be a number >= 0"};

    const auto f = static_cast<std::size_t>(o.factors);
    const auto users = static_cast<std::size_t>(interactions.users());
    const auto items = static_cast<std::size_t>(interactions.items());
    // Small random factors break the symmetry between dimensions; separate streams keep the item
    // factors the same whatever the number of users.
    const double scale = 0.1 / std::sqrt(static_cast<double>(f));
    DeterministicRandom userRandom(DeterministicRandom::derive(o.seed, 1));
    DeterministicRandom itemRandom(DeterministicRandom::derive(o.seed, 2));
    m_userFactors.assign(users * f, 0.0);
    m_itemFactors.assign(items * f, 0.0);
    for (double &x : m_userFactors)
        x = scale * userRandom.roughNormal();
    for (double &y : m_itemFactors)
        y = scale * itemRandom.roughNormal();

    m_loss.clear();
    m_loss.push_back(loss(interactions));
    for (int iteration = 0; iteration < o.iterations; ++iteration) {
        if (!solveSide(interactions.rowOffsets(), interactions.rowItems(), interactions.rowWeights(), m_itemFactors,
                       items, m_userFactors, f, o.alpha, o.regularization) ||
            !solveSide(interactions.colOffsets(), interactions.colUsers(), interactions.colWeights(), m_userFactors,
                       users, m_itemFactors, f, o.alpha, o.regularization))
            return Error{"a least-squares system was not positive definite (weights too large?)"};
        m_loss.push_back(loss(interactions));
        if (m_observer)
            m_observer(iteration + 1, *this);
    }
    return Status::success();
}

double MfRecommender::loss(const InteractionMatrix &interactions) const
{
    const auto f = static_cast<std::size_t>(m_options.factors);
    const auto users = static_cast<std::size_t>(interactions.users());
    const auto items = static_cast<std::size_t>(interactions.items());
    // Sum over every cell of s^2 (preference 0, confidence 1) via x_u' (YtY) x_u, then the
    // observed cells corrected to c (1 - s)^2.
    const std::vector<double> itemGram = gram(m_itemFactors, items, f);
    double total = 0.0;
    for (std::size_t u = 0; u < users; ++u) {
        const double *x = &m_userFactors[u * f];
        for (std::size_t a = 0; a < f; ++a)
            total += x[a] * dot(&itemGram[a * f], x, f);
    }
    for (int r = 0; r < interactions.users(); ++r) {
        const double *x = &m_userFactors[static_cast<std::size_t>(r) * f];
        for (std::size_t e = interactions.rowBegin(r); e < interactions.rowEnd(r); ++e) {
            const double w = interactions.rowWeights()[e];
            if (!(w > 0.0))
                continue;
            const double s = dot(x, &m_itemFactors[static_cast<std::size_t>(interactions.rowItems()[e]) * f], f);
            total += (1.0 + m_options.alpha * w) * (1.0 - s) * (1.0 - s) - s * s;
        }
    }
    double norms = 0.0;
    for (double x : m_userFactors)
        norms += x * x;
    for (double y : m_itemFactors)
        norms += y * y;
    return total + m_options.regularization * norms;
}

void MfRecommender::scoreItems(int userRow, std::vector<double> &out) const
{
    const auto f = static_cast<std::size_t>(m_options.factors);
    const double *x = &m_userFactors[static_cast<std::size_t>(userRow) * f];
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = dot(x, &m_itemFactors[i * f], f);
}

Status MfRecommender::restore(const InteractionMatrix &interactions, std::vector<double> userFactors,
                              std::vector<double> itemFactors)
{
    const auto f = static_cast<std::size_t>(m_options.factors);
    if (m_options.factors < 1 || userFactors.size() != static_cast<std::size_t>(interactions.users()) * f ||
        itemFactors.size() != static_cast<std::size_t>(interactions.items()) * f)
        return Error{"the saved factors do not match " + std::to_string(interactions.users()) + " users, " +
                     std::to_string(interactions.items()) + " items and " + std::to_string(m_options.factors) +
                     " factors"};
    m_userFactors = std::move(userFactors);
    m_itemFactors = std::move(itemFactors);
    m_loss.clear();
    adoptFitted(interactions);
    return Status::success();
}

void MfRecommender::explainItem(int userRow, int item, RecommendationReason &reason) const
{
    // The factors carry no names; what a reader can check is which of the user's items lie
    // closest to the candidate in factor space (cosine of the item factors).
    const InteractionMatrix &train = trainingMatrix();
    const auto f = static_cast<std::size_t>(m_options.factors);
    const double *y = &m_itemFactors[static_cast<std::size_t>(item) * f];
    const double yNorm = std::sqrt(dot(y, y, f));
    std::vector<std::pair<double, int>> close;
    for (std::size_t e = train.rowBegin(userRow); e < train.rowEnd(userRow); ++e) {
        const int seen = train.rowItems()[e];
        const double *z = &m_itemFactors[static_cast<std::size_t>(seen) * f];
        const double norms = yNorm * std::sqrt(dot(z, z, f));
        const double cosine = norms > 0.0 ? dot(y, z, f) / norms : 0.0;
        if (cosine > 0.0)
            close.emplace_back(-cosine, seen);
    }
    std::sort(close.begin(), close.end());
    reason.kind = RecommendationReason::Kind::SimilarItems;
    for (std::size_t i = 0; i < close.size() && i < kReasonEvidence; ++i)
        reason.items.push_back(close[i].second);
}

} // namespace chorus
