#include "core/recommend/interactionmatrix.h"

#include "core/store/project.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <tuple>

namespace chorus {

namespace {

struct IndexedInteraction {
    int row = 0;
    int col = 0;
    double weight = 0.0;
    std::int64_t createdAt = 0;
};

} // namespace

Result<InteractionMatrix> InteractionMatrix::load(Project &project, std::int64_t datasetId,
                                                  const InteractionLoadOptions &options)
{
    auto exists = project.db().prepare("SELECT 1 FROM datasets WHERE id = ?");
    if (!exists)
        return exists.error();
    exists->bind(1, datasetId);
    if (!exists->step())
        return Error{exists->failed() ? "cannot read the datasets: " + exists->lastError()
                                      : "there is no dataset with id " + std::to_string(datasetId)};

    auto select = project.db().prepare(
        "SELECT user_id, item, weight, created_at, kind FROM interactions WHERE dataset_id = ?");
    if (!select)
        return select.error();
    select->bind(1, datasetId);
    const std::set<std::string> kinds(options.kinds.begin(), options.kinds.end());
    // Non-finite weights are dropped by fromTriplets.
    std::vector<InteractionTriplet> triplets;
    while (select->step()) {
        if (!kinds.empty() && kinds.count(std::string(select->textView(4))) == 0)
            continue;
        InteractionTriplet t;
        t.userId = select->int64(0);
        t.item = select->text(1);
        t.weight = select->real(2);
        t.createdAt = select->int64(3);
        triplets.push_back(std::move(t));
    }
    if (select->failed())
        return Error{"cannot read the interactions of dataset " + std::to_string(datasetId) + ": " +
                     select->lastError()};
    return fromTriplets(triplets, options.aggregation);
}

Result<InteractionMatrix> InteractionMatrix::load(Project &project, const std::string &datasetName,
                                                  const InteractionLoadOptions &options)
{
    const auto id = project.datasetId(datasetName);
    if (!id)
        return Error{"there is no dataset named '" + datasetName + "'"};
    return load(project, *id, options);
}

InteractionMatrix InteractionMatrix::fromTriplets(const std::vector<InteractionTriplet> &triplets,
                                                  WeightAggregation aggregation)
{
    std::vector<std::int64_t> userIds;
    std::vector<std::string> itemKeys;
    userIds.reserve(triplets.size());
    itemKeys.reserve(triplets.size());
    for (const InteractionTriplet &t : triplets) {
        if (!std::isfinite(t.weight))
            continue;
        userIds.push_back(t.userId);
        itemKeys.push_back(t.item);
    }
    std::sort(userIds.begin(), userIds.end());
    userIds.erase(std::unique(userIds.begin(), userIds.end()), userIds.end());
    std::sort(itemKeys.begin(), itemKeys.end());
    itemKeys.erase(std::unique(itemKeys.begin(), itemKeys.end()), itemKeys.end());

    std::vector<IndexedInteraction> indexed;
    indexed.reserve(triplets.size());
    for (const InteractionTriplet &t : triplets) {
        if (!std::isfinite(t.weight))
            continue; // a NaN would also break the ordering below
        IndexedInteraction i;
        i.row = static_cast<int>(std::lower_bound(userIds.begin(), userIds.end(), t.userId) - userIds.begin());
        i.col = static_cast<int>(std::lower_bound(itemKeys.begin(), itemKeys.end(), t.item) - itemKeys.begin());
        i.weight = t.weight;
        i.createdAt = t.createdAt;
        indexed.push_back(i);
    }
    // A full order (time and weight too) makes the floating-point sums independent of the order
    // the rows came in.
    std::sort(indexed.begin(), indexed.end(), [](const IndexedInteraction &a, const IndexedInteraction &b) {
        return std::tie(a.row, a.col, a.createdAt, a.weight) < std::tie(b.row, b.col, b.createdAt, b.weight);
    });

    std::vector<InteractionCell> cells;
    for (const IndexedInteraction &i : indexed) {
        if (!cells.empty() && cells.back().row == i.row && cells.back().col == i.col) {
            InteractionCell &cell = cells.back();
            cell.weight = aggregation == WeightAggregation::Sum ? cell.weight + i.weight
                                                                : std::max(cell.weight, i.weight);
            cell.lastAt = std::max(cell.lastAt, i.createdAt);
        } else {
            cells.push_back({i.row, i.col, i.weight, i.createdAt});
        }
    }
    return fromCells(std::move(userIds), std::move(itemKeys), std::move(cells));
}

InteractionMatrix InteractionMatrix::fromCells(std::vector<std::int64_t> userIds, std::vector<std::string> itemKeys,
                                               std::vector<InteractionCell> cells)
{
    InteractionMatrix m;
    m.m_userIds = std::move(userIds);
    m.m_itemKeys = std::move(itemKeys);
    for (std::size_t r = 0; r < m.m_userIds.size(); ++r)
        m.m_rowOfUser.emplace(m.m_userIds[r], static_cast<int>(r));
    for (std::size_t c = 0; c < m.m_itemKeys.size(); ++c)
        m.m_colOfItem.emplace(m.m_itemKeys[c], static_cast<int>(c));

    const std::size_t rows = m.m_userIds.size();
    const std::size_t cols = m.m_itemKeys.size();
    // A cell outside the index maps would corrupt the offsets; such cells are a caller's bug,
    // dropped here rather than allowed to write out of bounds.
    cells.erase(std::remove_if(cells.begin(), cells.end(),
                               [&](const InteractionCell &c) {
                                   return c.row < 0 || c.col < 0 || static_cast<std::size_t>(c.row) >= rows ||
                                          static_cast<std::size_t>(c.col) >= cols;
                               }),
                cells.end());
    std::sort(cells.begin(), cells.end(), [](const InteractionCell &a, const InteractionCell &b) {
        return std::tie(a.row, a.col) < std::tie(b.row, b.col);
    });

    m.m_rowOffsets.assign(rows + 1, 0);
    m.m_rowItems.reserve(cells.size());
    m.m_rowWeights.reserve(cells.size());
    m.m_rowTimes.reserve(cells.size());
    m.m_colOffsets.assign(cols + 1, 0);
    for (const InteractionCell &cell : cells) {
        ++m.m_rowOffsets[static_cast<std::size_t>(cell.row) + 1];
        ++m.m_colOffsets[static_cast<std::size_t>(cell.col) + 1];
        m.m_rowItems.push_back(cell.col);
        m.m_rowWeights.push_back(cell.weight);
        m.m_rowTimes.push_back(cell.lastAt);
    }
    std::partial_sum(m.m_rowOffsets.begin(), m.m_rowOffsets.end(), m.m_rowOffsets.begin());
    std::partial_sum(m.m_colOffsets.begin(), m.m_colOffsets.end(), m.m_colOffsets.begin());

    // Cells are in row order, so filling columns in that order leaves each column sorted by row.
    m.m_colUsers.assign(cells.size(), 0);
    m.m_colWeights.assign(cells.size(), 0.0);
    std::vector<std::size_t> next(m.m_colOffsets.begin(), m.m_colOffsets.end() - 1);
    for (const InteractionCell &cell : cells) {
        const std::size_t at = next[static_cast<std::size_t>(cell.col)]++;
        m.m_colUsers[at] = cell.row;
        m.m_colWeights[at] = cell.weight;
    }
    return m;
}

std::optional<int> InteractionMatrix::rowOf(std::int64_t userId) const
{
    auto it = m_rowOfUser.find(userId);
    if (it == m_rowOfUser.end())
        return std::nullopt;
    return it->second;
}

std::optional<int> InteractionMatrix::colOf(const std::string &item) const
{
    auto it = m_colOfItem.find(item);
    if (it == m_colOfItem.end())
        return std::nullopt;
    return it->second;
}

double InteractionMatrix::weight(int row, int col) const
{
    if (row < 0 || row >= users())
        return 0.0;
    const auto begin = m_rowItems.begin() + static_cast<std::ptrdiff_t>(rowBegin(row));
    const auto end = m_rowItems.begin() + static_cast<std::ptrdiff_t>(rowEnd(row));
    const auto it = std::lower_bound(begin, end, col);
    if (it == end || *it != col)
        return 0.0;
    return m_rowWeights[static_cast<std::size_t>(it - m_rowItems.begin())];
}

bool InteractionMatrix::contains(int row, int col) const
{
    if (row < 0 || row >= users())
        return false;
    const auto begin = m_rowItems.begin() + static_cast<std::ptrdiff_t>(rowBegin(row));
    const auto end = m_rowItems.begin() + static_cast<std::ptrdiff_t>(rowEnd(row));
    return std::binary_search(begin, end, col);
}

std::vector<InteractionCell> InteractionMatrix::cells() const
{
    std::vector<InteractionCell> out;
    out.reserve(nonZeros());
    for (int r = 0; r < users(); ++r)
        for (std::size_t k = rowBegin(r); k < rowEnd(r); ++k)
            out.push_back({r, m_rowItems[k], m_rowWeights[k], m_rowTimes[k]});
    return out;
}

} // namespace chorus
