#pragma once

#include "core/util/result.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace chorus {

class Project;

// How several interactions of one user with one item (a view, then a like, then a share) become
// the single weight of their matrix cell.
enum class WeightAggregation {
    Sum, // engagement adds up: a viewed-and-shared item counts more than a viewed one
    Max, // the strongest signal only: repeated views do not outweigh one explicit rating
};

struct InteractionLoadOptions {
    WeightAggregation aggregation = WeightAggregation::Sum;
    // Only interactions of these kinds ("view", "like", ...); empty takes every kind.
    std::vector<std::string> kinds;
};

// One interaction as stored (or as written by a test).
struct InteractionTriplet {
    std::int64_t userId = 0;
    std::string item;
    double weight = 1.0;
    std::int64_t createdAt = 0;
};

// One aggregated cell in index space.
struct InteractionCell {
    int row = 0;
    int col = 0;
    double weight = 0.0;
    std::int64_t lastAt = 0; // time of the latest interaction folded into this cell
};

// A sparse user x item matrix, held both row-wise (CSR: the items of a user) and column-wise
// (CSC: the users of an item), so that user-user and item-item products are both cheap.
// Rows are users ordered by user id, columns items ordered by item key (byte order): the
// index maps, and everything computed from them, do not depend on the order rows were read in.
// Within a row (column), entries are ordered by column (row).
class InteractionMatrix {
public:
    InteractionMatrix() = default;

    // The interactions of a dataset (table interactions); an error when the query fails or the
    // dataset does not exist.
    static Result<InteractionMatrix> load(Project &project, std::int64_t datasetId,
                                          const InteractionLoadOptions &options = {});
    static Result<InteractionMatrix> load(Project &project, const std::string &datasetName,
                                          const InteractionLoadOptions &options = {});

    // From interactions in memory (tests, imports not yet stored); duplicates of a (user, item)
    // pair are aggregated as from the database. Interactions with a non-finite weight are skipped
    // (here and in load()).
    static InteractionMatrix fromTriplets(const std::vector<InteractionTriplet> &triplets,
                                          WeightAggregation aggregation = WeightAggregation::Sum);

    // A matrix over given index maps (userIds sorted ascending and unique, itemKeys sorted and
    // unique), from cells already aggregated: at most one cell per (row, col), indexes in range.
    // Splits use this so that train and test share one index space.
    static InteractionMatrix fromCells(std::vector<std::int64_t> userIds, std::vector<std::string> itemKeys,
                                       std::vector<InteractionCell> cells);

    int users() const { return static_cast<int>(m_userIds.size()); }
    int items() const { return static_cast<int>(m_itemKeys.size()); }
    std::size_t nonZeros() const { return m_rowItems.size(); }

    std::int64_t userId(int row) const { return m_userIds[static_cast<std::size_t>(row)]; }
    const std::string &itemKey(int col) const { return m_itemKeys[static_cast<std::size_t>(col)]; }
    const std::vector<std::int64_t> &userIds() const { return m_userIds; }
    const std::vector<std::string> &itemKeys() const { return m_itemKeys; }
    std::optional<int> rowOf(std::int64_t userId) const;
    std::optional<int> colOf(const std::string &item) const;

    // CSR: the entries of row r are [rowBegin(r), rowEnd(r)) in rowItems/rowWeights/rowTimes.
    std::size_t rowBegin(int row) const { return m_rowOffsets[static_cast<std::size_t>(row)]; }
    std::size_t rowEnd(int row) const { return m_rowOffsets[static_cast<std::size_t>(row) + 1]; }
    std::size_t rowSize(int row) const { return rowEnd(row) - rowBegin(row); }
    const std::vector<std::size_t> &rowOffsets() const { return m_rowOffsets; }
    const std::vector<int> &rowItems() const { return m_rowItems; }
    const std::vector<double> &rowWeights() const { return m_rowWeights; }
    const std::vector<std::int64_t> &rowTimes() const { return m_rowTimes; }

    // CSC: the entries of column c are [colBegin(c), colEnd(c)) in colUsers/colWeights.
    std::size_t colBegin(int col) const { return m_colOffsets[static_cast<std::size_t>(col)]; }
    std::size_t colEnd(int col) const { return m_colOffsets[static_cast<std::size_t>(col) + 1]; }
    std::size_t colSize(int col) const { return colEnd(col) - colBegin(col); }
    const std::vector<std::size_t> &colOffsets() const { return m_colOffsets; }
    const std::vector<int> &colUsers() const { return m_colUsers; }
    const std::vector<double> &colWeights() const { return m_colWeights; }

    // The weight of a cell, 0 when the user never interacted with the item (binary search).
    double weight(int row, int col) const;
    bool contains(int row, int col) const;
    // Every stored cell, row by row.
    std::vector<InteractionCell> cells() const;

private:
    std::vector<std::int64_t> m_userIds;
    std::vector<std::string> m_itemKeys;
    std::unordered_map<std::int64_t, int> m_rowOfUser;
    std::unordered_map<std::string, int> m_colOfItem;

    std::vector<std::size_t> m_rowOffsets{0};
    std::vector<int> m_rowItems;
    std::vector<double> m_rowWeights;
    std::vector<std::int64_t> m_rowTimes;

    std::vector<std::size_t> m_colOffsets{0};
    std::vector<int> m_colUsers;
    std::vector<double> m_colWeights;
};

} // namespace chorus
