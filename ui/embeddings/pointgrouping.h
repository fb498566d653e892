#pragma once

#include "ui/embeddings/scatterview.h"

#include <QCoreApplication>
#include <QVector>

#include <optional>
#include <string>
#include <vector>

// How the projector colours its points: which group each point falls in and the groups' names and
// colours, for the scatter view's legend.
struct PointGroups {
    QVector<int> groupOf; // per point, an index into groups
    QVector<ScatterGroup> groups;
};

class PointGrouping {
    Q_DECLARE_TR_FUNCTIONS(PointGrouping)

public:
    // One group for every point.
    static PointGroups single(int points);
    // Bands of ten-fold frequency rank (1-10, 11-100, ...), for tables ordered by frequency; only
    // the bands that occur are listed.
    static PointGroups byRank(int points);
    // By a metadata column: the most frequent values get colours of their own, the rest share "other".
    static PointGroups byValue(const std::vector<std::string> &values);
    // By a column of dates or times (YYYY-MM-DD, or ISO 8601 with a time): eight equal spans from the
    // earliest to the latest, coloured from dark to light in time order, so drift shows as a
    // gradient; values that are not times share "(no time)". Empty when the column is not one of
    // times (fewer than nine in ten values parse).
    static std::optional<PointGroups> byTime(const std::vector<std::string> &values);
    // byTime when the column holds times and more distinct values than byValue has colours, else
    // byValue.
    static PointGroups byColumn(const std::vector<std::string> &values);
};
