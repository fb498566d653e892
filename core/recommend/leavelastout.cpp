#include "core/recommend/leavelastout.h"

namespace chorus {

LeaveLastOutSplit LeaveLastOut::split(const InteractionMatrix &interactions)
{
    LeaveLastOutSplit result;
    result.testItem.assign(static_cast<std::size_t>(interactions.users()), -1);
    const auto &items = interactions.rowItems();
    const auto &times = interactions.rowTimes();
    for (int r = 0; r < interactions.users(); ++r) {
        if (interactions.rowSize(r) < 2)
            continue;
        // Entries are ordered by column and columns by item key, so ">=" keeps the largest key
        // among equal times.
        std::size_t latest = interactions.rowBegin(r);
        for (std::size_t k = latest + 1; k < interactions.rowEnd(r); ++k)
            if (times[k] >= times[latest])
                latest = k;
        result.testItem[static_cast<std::size_t>(r)] = items[latest];
        ++result.eligibleUsers;
    }

    std::vector<InteractionCell> trainCells;
    trainCells.reserve(interactions.nonZeros());
    for (const InteractionCell &cell : interactions.cells())
        if (result.testItem[static_cast<std::size_t>(cell.row)] != cell.col)
            trainCells.push_back(cell);
    result.train = InteractionMatrix::fromCells(interactions.userIds(), interactions.itemKeys(), std::move(trainCells));
    return result;
}

} // namespace chorus
