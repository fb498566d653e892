#include "core/recommend/factorsnapshotter.h"

#include "core/recommend/interactionmatrix.h"
#include "core/recommend/recommendermodel.h"

#include <algorithm>
#include <numeric>

namespace chorus {
namespace {

// The indices of the `count` largest sizes, largest first, ties by index (deterministic).
template <typename Size>
std::vector<int> largest(int count, Size size)
{
    std::vector<int> order(static_cast<std::size_t>(std::max(0, count)));
    std::iota(order.begin(), order.end(), 0);
    const std::size_t keep = std::min(order.size(), EmbeddingSnapshot::kMaxRows);
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(), [&](int a, int b) {
        const std::size_t sa = size(a), sb = size(b);
        return sa != sb ? sa > sb : a < b;
    });
    order.resize(keep);
    return order;
}

std::vector<float> rowsOf(const std::vector<double> &factors, std::size_t width, const std::vector<int> &rows)
{
    std::vector<float> out;
    out.reserve(rows.size() * width);
    for (int row : rows) {
        const std::size_t start = static_cast<std::size_t>(row) * width;
        if (start + width > factors.size())
            return {};
        for (std::size_t d = 0; d < width; ++d)
            out.push_back(static_cast<float>(factors[start + d]));
    }
    return out;
}

} // namespace

FactorSnapshotter::FactorSnapshotter(const InteractionMatrix &matrix)
    : m_userRows(largest(matrix.users(), [&](int r) { return matrix.rowSize(r); })),
      m_itemRows(largest(matrix.items(), [&](int c) { return matrix.colSize(c); }))
{
}

void FactorSnapshotter::capture(int iteration, const MfRecommender &model)
{
    Iteration captured;
    captured.iteration = iteration;
    captured.factors = static_cast<std::size_t>(model.factors());
    captured.users = rowsOf(model.userFactors(), captured.factors, m_userRows);
    captured.items = rowsOf(model.itemFactors(), captured.factors, m_itemRows);
    m_iterations.push_back(std::move(captured));
}

MfRecommender::IterationObserver FactorSnapshotter::observer()
{
    return [this](int iteration, const MfRecommender &model) { capture(iteration, model); };
}

std::vector<EmbeddingSnapshot> FactorSnapshotter::snapshots(const RecommenderModel &model) const
{
    const InteractionMatrix &matrix = model.matrix();
    EmbeddingSnapshot users;
    users.space = EmbeddingSpace::Users;
    users.labelColumn = "user";
    users.columns = {"name", "items"};
    users.columnValues.assign(2, {});
    for (int row : m_userRows) {
        if (row >= matrix.users())
            return {};
        users.tokens.push_back(std::to_string(matrix.userId(row)));
        users.columnValues[0].push_back(model.userName(matrix.userId(row)));
        users.columnValues[1].push_back(std::to_string(matrix.rowSize(row)));
    }
    EmbeddingSnapshot items;
    items.space = EmbeddingSpace::Items;
    items.labelColumn = "item";
    items.columns = {"title", "users"};
    items.columnValues.assign(2, {});
    for (int column : m_itemRows) {
        if (column >= matrix.items())
            return {};
        items.tokens.push_back(matrix.itemKey(column));
        items.columnValues[0].push_back(model.itemTitle(column));
        items.columnValues[1].push_back(std::to_string(matrix.colSize(column)));
    }
    std::vector<EmbeddingSnapshot> out;
    for (const Iteration &iteration : m_iterations) {
        if (iteration.users.size() != m_userRows.size() * iteration.factors ||
            iteration.items.size() != m_itemRows.size() * iteration.factors)
            continue;
        for (EmbeddingSnapshot *side : {&users, &items}) {
            EmbeddingSnapshot snapshot = *side;
            snapshot.epoch = iteration.iteration;
            snapshot.step = iteration.iteration;
            snapshot.dimensions = iteration.factors;
            snapshot.values = side == &users ? iteration.users : iteration.items;
            out.push_back(std::move(snapshot));
        }
    }
    return out;
}

} // namespace chorus
