#include "core/plugins/pluginmanifest.h"

#include <fstream>

namespace chorus {
namespace {

using nlohmann::json;

Status readString(const json &object, const char *key, bool required, std::string &out)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        if (required)
            return Error{std::string("missing '") + key + "'"};
        return {};
    }
    if (!it->is_string())
        return Error{std::string("'") + key + "' must be a string"};
    out = it->get<std::string>();
    if (required && out.empty())
        return Error{std::string("'") + key + "' must not be empty"};
    return {};
}

Status readNames(const json &provides, const char *key, std::vector<std::string> &out)
{
    const auto it = provides.find(key);
    if (it == provides.end() || it->is_null())
        return {};
    const std::string where = std::string("'provides.") + key + "'";
    if (!it->is_array())
        return Error{where + " must be an array of strings"};
    for (const json &item : *it) {
        if (!item.is_string() || item.get<std::string>().empty())
            return Error{where + " must be an array of non-empty strings"};
        out.push_back(item.get<std::string>());
    }
    return {};
}

bool validName(const std::string &name)
{
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return false;
    return !name.empty();
}

} // namespace

Result<PluginManifest> PluginManifest::fromJson(const json &value)
{
    if (!value.is_object())
        return Error{"the manifest must be a JSON object"};
    PluginManifest manifest;
    struct Member {
        const char *key;
        bool required;
        std::string *target;
    };
    const Member members[] = {{"name", true, &manifest.name},
                              {"version", true, &manifest.version},
                              {"library", true, &manifest.library},
                              {"abi", false, &manifest.abi},
                              {"description", false, &manifest.description}};
    for (const Member &m : members)
        if (Status s = readString(value, m.key, m.required, *m.target); !s)
            return s.error();
    if (!validName(manifest.name))
        return Error{"'name' must use only lowercase letters, digits, '-' and '_', found '" + manifest.name + "'"};
    if (manifest.library.find('/') != std::string::npos || manifest.library == "." || manifest.library == "..")
        return Error{"'library' must be a file name in the manifest's folder, found '" + manifest.library + "'"};
    const auto version = value.find("interface_version");
    if (version == value.end())
        return Error{"missing 'interface_version'"};
    if (!version->is_number_integer())
        return Error{"'interface_version' must be an integer"};
    manifest.interfaceVersion = version->get<int>();
    const auto provides = value.find("provides");
    if (provides == value.end() || !provides->is_object())
        return Error{"'provides' must be an object with 'importers' and/or 'models'"};
    if (Status s = readNames(*provides, "importers", manifest.importers); !s)
        return s.error();
    if (Status s = readNames(*provides, "models", manifest.models); !s)
        return s.error();
    if (manifest.importers.empty() && manifest.models.empty())
        return Error{"'provides' lists no importers and no models"};
    return manifest;
}

Result<PluginManifest> PluginManifest::fromFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{"cannot read the manifest " + path};
    json value;
    try {
        value = json::parse(in);
    } catch (const json::exception &e) {
        return Error{"the manifest " + path + " is not valid JSON: " + e.what()};
    }
    auto manifest = fromJson(value);
    if (!manifest)
        return Error{"the manifest " + path + ": " + manifest.message()};
    return manifest;
}

json PluginManifest::toJson() const
{
    json out = {{"name", name},
                {"version", version},
                {"interface_version", interfaceVersion},
                {"library", library},
                {"description", description},
                {"provides", {{"importers", importers}, {"models", models}}}};
    if (!abi.empty())
        out["abi"] = abi;
    return out;
}

} // namespace chorus
