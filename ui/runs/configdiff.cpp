#include "ui/runs/configdiff.h"

#include <map>
#include <string>

namespace {

void flatten(const nlohmann::json &value, const std::string &prefix, std::map<std::string, nlohmann::json> &out)
{
    if (value.is_object() && !value.empty()) {
        for (auto it = value.begin(); it != value.end(); ++it)
            flatten(*it, prefix.empty() ? it.key() : prefix + "." + it.key(), out);
        return;
    }
    out[prefix] = value;
}

} // namespace

QVector<ConfigDifference> ConfigDiff::compare(const nlohmann::json &left, const nlohmann::json &right)
{
    std::map<std::string, nlohmann::json> a, b;
    flatten(left, {}, a);
    flatten(right, {}, b);
    std::map<std::string, std::pair<const nlohmann::json *, const nlohmann::json *>> keys;
    for (const auto &[key, value] : a)
        keys[key].first = &value;
    for (const auto &[key, value] : b)
        keys[key].second = &value;
    QVector<ConfigDifference> differences;
    for (const auto &[key, sides] : keys) {
        if (sides.first && sides.second && *sides.first == *sides.second)
            continue;
        differences.append({QString::fromStdString(key),
                            sides.first ? QString::fromStdString(sides.first->dump()) : QString(),
                            sides.second ? QString::fromStdString(sides.second->dump()) : QString()});
    }
    return differences;
}
