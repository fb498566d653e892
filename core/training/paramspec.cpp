#include "core/training/paramspec.h"

#include <cmath>
#include <sstream>

namespace chorus {
namespace {

std::string number(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

std::string describe(const nlohmann::json &value)
{
    std::string text = value.dump();
    return text.size() > 40 ? text.substr(0, 37) + "..." : text;
}

Status checkRange(const ParamSpec &spec, double value, const std::string &path)
{
    if (spec.bounded && (value < spec.minimum || value > spec.maximum))
        return Error{path + ": must be between " + number(spec.minimum) + " and " + number(spec.maximum) + ", got " +
                     number(value)};
    return {};
}

} // namespace

ParamSpec ParamSpec::integer(std::string name, long long fallback, long long min, long long max, std::string help)
{
    ParamSpec s;
    s.name = std::move(name);
    s.type = Type::Int;
    s.defaultValue = fallback;
    s.minimum = static_cast<double>(min);
    s.maximum = static_cast<double>(max);
    s.bounded = true;
    s.help = std::move(help);
    return s;
}

ParamSpec ParamSpec::real(std::string name, double fallback, double min, double max, std::string help)
{
    ParamSpec s;
    s.name = std::move(name);
    s.type = Type::Float;
    s.defaultValue = fallback;
    s.minimum = min;
    s.maximum = max;
    s.bounded = true;
    s.help = std::move(help);
    return s;
}

ParamSpec ParamSpec::boolean(std::string name, bool fallback, std::string help)
{
    ParamSpec s;
    s.name = std::move(name);
    s.type = Type::Bool;
    s.defaultValue = fallback;
    s.help = std::move(help);
    return s;
}

ParamSpec ParamSpec::text(std::string name, std::string fallback, std::string help)
{
    ParamSpec s;
    s.name = std::move(name);
    s.type = Type::String;
    s.defaultValue = std::move(fallback);
    s.help = std::move(help);
    return s;
}

ParamSpec ParamSpec::choice(std::string name, std::string fallback, std::vector<std::string> choices, std::string help)
{
    ParamSpec s;
    s.name = std::move(name);
    s.type = Type::Choice;
    s.defaultValue = std::move(fallback);
    s.choices = std::move(choices);
    s.help = std::move(help);
    return s;
}

ParamSpec ParamSpec::integerList(std::string name, const std::vector<long long> &fallback, long long min, long long max,
                                 std::string help)
{
    ParamSpec s;
    s.name = std::move(name);
    s.type = Type::IntList;
    s.defaultValue = fallback;
    s.minimum = static_cast<double>(min);
    s.maximum = static_cast<double>(max);
    s.bounded = true;
    s.help = std::move(help);
    return s;
}

const char *ParamSpec::typeName(Type type)
{
    switch (type) {
    case Type::Int: return "int";
    case Type::Float: return "float";
    case Type::Bool: return "bool";
    case Type::String: return "string";
    case Type::Choice: return "choice";
    case Type::IntList: return "int_list";
    }
    return "unknown";
}

nlohmann::json ParamSpec::toJson() const
{
    nlohmann::json out = {{"name", name}, {"type", typeName(type)}, {"default", defaultValue}, {"help", help}};
    if (bounded) {
        out["min"] = minimum;
        out["max"] = maximum;
    }
    if (type == Type::Choice)
        out["choices"] = choices;
    return out;
}

Result<ParamSpec> ParamSpec::fromJson(const nlohmann::json &json)
{
    if (!json.is_object() || !json.contains("name") || !json["name"].is_string())
        return Error{"parameter: expected an object with a string \"name\""};
    ParamSpec s;
    s.name = json["name"].get<std::string>();
    const std::string type = json.value("type", std::string());
    bool known = false;
    for (Type t : {Type::Int, Type::Float, Type::Bool, Type::String, Type::Choice, Type::IntList})
        if (type == typeName(t)) {
            s.type = t;
            known = true;
        }
    if (!known)
        return Error{s.name + ".type: unknown parameter type \"" + type + "\""};
    s.defaultValue = json.value("default", nlohmann::json());
    if (json.contains("help") && json["help"].is_string())
        s.help = json["help"].get<std::string>();
    if (json.contains("min") || json.contains("max")) {
        if (!json.contains("min") || !json.contains("max") || !json["min"].is_number() || !json["max"].is_number())
            return Error{s.name + ": min and max must both be numbers"};
        s.minimum = json["min"].get<double>();
        s.maximum = json["max"].get<double>();
        s.bounded = true;
    }
    if (s.type == Type::Choice) {
        if (!json.contains("choices") || !json["choices"].is_array())
            return Error{s.name + ".choices: expected a list of strings"};
        for (const nlohmann::json &c : json["choices"]) {
            if (!c.is_string())
                return Error{s.name + ".choices: expected a list of strings"};
            s.choices.push_back(c.get<std::string>());
        }
    }
    if (Status valid = s.check(s.defaultValue, s.name + ".default"); !valid.ok())
        return valid.error();
    return s;
}

Status ParamSpec::check(const nlohmann::json &value, const std::string &path) const
{
    switch (type) {
    case Type::Int:
        if (!value.is_number_integer())
            return Error{path + ": expected an integer, got " + describe(value)};
        return checkRange(*this, value.get<double>(), path);
    case Type::Float:
        if (!value.is_number() || !std::isfinite(value.get<double>()))
            return Error{path + ": expected a number, got " + describe(value)};
        return checkRange(*this, value.get<double>(), path);
    case Type::Bool:
        if (!value.is_boolean())
            return Error{path + ": expected true or false, got " + describe(value)};
        return {};
    case Type::String:
        if (!value.is_string())
            return Error{path + ": expected a string, got " + describe(value)};
        return {};
    case Type::Choice: {
        if (value.is_string())
            for (const std::string &c : choices)
                if (c == value.get<std::string>())
                    return {};
        std::string list;
        for (const std::string &c : choices)
            list += (list.empty() ? "" : ", ") + c;
        return Error{path + ": must be one of " + list + ", got " + describe(value)};
    }
    case Type::IntList:
        if (!value.is_array() || value.empty())
            return Error{path + ": expected a non-empty list of integers, got " + describe(value)};
        for (std::size_t i = 0; i < value.size(); ++i) {
            const std::string item = path + "[" + std::to_string(i) + "]";
            if (!value[i].is_number_integer())
                return Error{item + ": expected an integer, got " + describe(value[i])};
            if (Status s = checkRange(*this, value[i].get<double>(), item); !s.ok())
                return s;
        }
        return {};
    }
    return Error{path + ": unknown parameter type"};
}

const ParamSpec *ParamSchema::find(const std::string &name) const
{
    for (const ParamSpec &s : m_specs)
        if (s.name == name)
            return &s;
    return nullptr;
}

nlohmann::json ParamSchema::toJson() const
{
    nlohmann::json out = nlohmann::json::array();
    for (const ParamSpec &s : m_specs)
        out.push_back(s.toJson());
    return out;
}

Result<ParamSchema> ParamSchema::fromJson(const nlohmann::json &json)
{
    if (!json.is_array())
        return Error{"params: expected a list of parameter descriptions"};
    std::vector<ParamSpec> specs;
    for (const nlohmann::json &item : json) {
        auto spec = ParamSpec::fromJson(item);
        if (!spec)
            return spec.error();
        specs.push_back(std::move(*spec));
    }
    return ParamSchema(std::move(specs));
}

nlohmann::json ParamSchema::defaults() const
{
    nlohmann::json out = nlohmann::json::object();
    for (const ParamSpec &s : m_specs)
        out[s.name] = s.defaultValue;
    return out;
}

Result<nlohmann::json> ParamSchema::resolve(const nlohmann::json &params, const std::string &path) const
{
    if (params.is_null())
        return defaults();
    if (!params.is_object())
        return Error{path + ": expected an object of parameter values"};
    nlohmann::json out = defaults();
    for (auto it = params.begin(); it != params.end(); ++it) {
        const ParamSpec *spec = find(it.key());
        if (!spec) {
            std::string known;
            for (const ParamSpec &s : m_specs)
                known += (known.empty() ? "" : ", ") + s.name;
            return Error{path + "." + it.key() + ": unknown parameter (known: " + (known.empty() ? "none" : known) + ")"};
        }
        if (Status s = spec->check(*it, path + "." + it.key()); !s.ok())
            return s.error();
        out[it.key()] = *it;
    }
    return out;
}

} // namespace chorus
