#pragma once

#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace chorus {

// One hyperparameter of a model family: what the GUI builds its form from and what a config is
// validated against. Ranges are inclusive.
struct ParamSpec {
    enum class Type { Int, Float, Bool, String, Choice, IntList };

    std::string name;
    Type type = Type::Int;
    nlohmann::json defaultValue;
    double minimum = 0;
    double maximum = 0;
    bool bounded = false;             // minimum/maximum apply (Int, Float, and each IntList entry)
    std::vector<std::string> choices; // Choice only
    std::string help;                 // one line, shown as the tooltip

    static ParamSpec integer(std::string name, long long fallback, long long min, long long max, std::string help);
    static ParamSpec real(std::string name, double fallback, double min, double max, std::string help);
    static ParamSpec boolean(std::string name, bool fallback, std::string help);
    static ParamSpec text(std::string name, std::string fallback, std::string help);
    static ParamSpec choice(std::string name, std::string fallback, std::vector<std::string> choices, std::string help);
    static ParamSpec integerList(std::string name, const std::vector<long long> &fallback, long long min, long long max,
                                 std::string help);

    static const char *typeName(Type type);
    nlohmann::json toJson() const;
    // The inverse of toJson(), for clients that receive a registry as JSON (the GUI runs
    // `chorus-cli models --json`, it cannot link the models library). Errors name the field.
    static Result<ParamSpec> fromJson(const nlohmann::json &json);
    // Checks one value; errors name the field as `path` (e.g. "params.dropout").
    Status check(const nlohmann::json &value, const std::string &path) const;
};

// The parameters of one model family, in display order.
class ParamSchema {
public:
    ParamSchema() = default;
    explicit ParamSchema(std::vector<ParamSpec> specs) : m_specs(std::move(specs)) {}

    const std::vector<ParamSpec> &specs() const { return m_specs; }
    const ParamSpec *find(const std::string &name) const;
    nlohmann::json toJson() const;
    // The inverse of toJson(): an array of ParamSpec::toJson() objects.
    static Result<ParamSchema> fromJson(const nlohmann::json &json);
    nlohmann::json defaults() const;
    // Returns the parameters with defaults filled in. Unknown names are errors, not ignored; every
    // error names the field ("params.kernel_sizes[1]: must be between 1 and 15, got 0").
    Result<nlohmann::json> resolve(const nlohmann::json &params, const std::string &path = "params") const;

private:
    std::vector<ParamSpec> m_specs;
};

} // namespace chorus
