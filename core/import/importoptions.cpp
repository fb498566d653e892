#include "core/import/importoptions.h"

#include <algorithm>
#include <fstream>

namespace chorus {

Result<LabelSpec> LabelSpec::parse(const std::string &spec)
{
    const auto eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
        return Error{"label '" + spec + "' must look like TASK=FIELD (e.g. client=client_app)"};
    return LabelSpec{spec.substr(0, eq), spec.substr(eq + 1)};
}

const std::vector<std::string> &FieldMapping::canonicalFields()
{
    static const std::vector<std::string> fields = {"id",       "text",    "author",    "author_name",
                                                    "created_at", "language", "reply_to", "thread_id",
                                                    "likes",    "shares",  "replies",   "client_app"};
    return fields;
}

Result<FieldMapping> FieldMapping::fromJson(const nlohmann::json &json)
{
    if (!json.is_object())
        return Error{"mapping: expected a JSON object"};
    FieldMapping mapping;
    auto stringList = [](const nlohmann::json &value, const std::string &key,
                         std::vector<std::string> &out) -> Status {
        if (value.is_string()) {
            out.push_back(value.get<std::string>());
            return {};
        }
        if (!value.is_array())
            return Error{"mapping." + key + ": expected a list of field names"};
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (!value[i].is_string())
                return Error{"mapping." + key + "[" + std::to_string(i) + "]: expected a field name (string)"};
            out.push_back(value[i].get<std::string>());
        }
        return {};
    };
    for (auto it = json.begin(); it != json.end(); ++it) {
        const std::string &key = it.key();
        if (key == "fields") {
            if (!it->is_object())
                return Error{"mapping.fields: expected an object of canonical field -> source field"};
            for (auto f = it->begin(); f != it->end(); ++f) {
                const auto &known = canonicalFields();
                if (std::find(known.begin(), known.end(), f.key()) == known.end()) {
                    std::string list;
                    for (const std::string &k : known)
                        list += (list.empty() ? "" : ", ") + k;
                    return Error{"mapping.fields." + f.key() + ": unknown field (known: " + list + ")"};
                }
                if (!f->is_string() || f->get<std::string>().empty())
                    return Error{"mapping.fields." + f.key() + ": expected a column name or JSON pointer"};
                mapping.fields[f.key()] = f->get<std::string>();
            }
        } else if (key == "labels") {
            if (!it->is_object())
                return Error{"mapping.labels: expected an object of task -> source field"};
            for (auto l = it->begin(); l != it->end(); ++l) {
                if (!l->is_string() || l->get<std::string>().empty())
                    return Error{"mapping.labels." + l.key() + ": expected a column name or JSON pointer"};
                mapping.labels.push_back({l.key(), l->get<std::string>()});
            }
        } else if (key == "images") {
            if (Status s = stringList(*it, key, mapping.images); !s.ok())
                return s.error();
        } else if (key == "videos") {
            if (Status s = stringList(*it, key, mapping.videos); !s.ok())
                return s.error();
        } else if (key == "extras") {
            if (Status s = stringList(*it, key, mapping.extras); !s.ok())
                return s.error();
        } else {
            return Error{"mapping." + key + ": unknown key (expected fields, labels, images, videos, extras)"};
        }
    }
    return mapping;
}

Result<FieldMapping> FieldMapping::fromFile(const std::string &path)
{
    std::ifstream in(path);
    if (!in)
        return Error{"cannot open mapping file '" + path + "'"};
    nlohmann::json json = nlohmann::json::parse(in, nullptr, false);
    if (json.is_discarded())
        return Error{"mapping file '" + path + "' is not valid JSON"};
    auto mapping = fromJson(json);
    if (!mapping)
        return Error{path + ": " + mapping.message()};
    return mapping;
}

} // namespace chorus
