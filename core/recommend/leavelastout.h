#pragma once

#include "core/recommend/interactionmatrix.h"

#include <vector>

namespace chorus {

struct LeaveLastOutSplit {
    // Same users and items (same index maps) as the matrix that was split, minus the test cells.
    InteractionMatrix train;
    // Per user row: the held-out item column, or -1 when the user was not eligible.
    std::vector<int> testItem;
    int eligibleUsers = 0;
};

// The usual split for next-item recommendation: each user's most recent item is what the model
// must predict from everything before it. A user takes part when they have at least two distinct
// items (one to hold out, at least one to learn from). The held-out item is the cell with the
// latest interaction time; among cells with the same time, the one with the largest item key
// (byte order), so the split is the same on every machine. The whole cell leaves train, also
// when the user had interacted with that item earlier: otherwise "recommend unseen items" could
// never recommend it.
class LeaveLastOut {
public:
    static LeaveLastOutSplit split(const InteractionMatrix &interactions);
};

} // namespace chorus
