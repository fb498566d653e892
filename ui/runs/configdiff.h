#pragma once

#include <nlohmann/json.hpp>

#include <QString>
#include <QVector>

// Where two run configs differ, key by key: nested objects are compared by dotted path
// ("optimizer.lr", "params.kernel_sizes"), arrays as whole values.
struct ConfigDifference {
    QString key;
    QString left;  // empty when the key is missing on that side
    QString right;
};

class ConfigDiff {
public:
    static QVector<ConfigDifference> compare(const nlohmann::json &left, const nlohmann::json &right);
};
