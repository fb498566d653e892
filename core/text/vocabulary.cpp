#include "core/text/vocabulary.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <unordered_set>
#include <utility>

namespace chorus {

namespace {

constexpr const char *kFormat = "chorus-vocabulary";
constexpr int kFormatVersion = 1;

} // namespace

Status Vocabulary::add(const std::vector<std::string> &tokens)
{
    if (m_finalized)
        return Error{"the vocabulary is already finalized; counting more tokens would change its ids"};
    for (const std::string &token : tokens)
        ++m_counts[token];
    m_totalSeen += std::int64_t(tokens.size());
    return Status::success();
}

Status Vocabulary::addCount(const std::string &token, std::int64_t count)
{
    if (m_finalized)
        return Error{"the vocabulary is already finalized; counting more tokens would change its ids"};
    if (count < 0)
        return Error{"a token count cannot be negative (got " + std::to_string(count) + " for \"" + token + "\")"};
    m_counts[token] += count;
    m_totalSeen += count;
    return Status::success();
}

Status Vocabulary::finalize(std::int64_t minCount, std::size_t maxSize, std::vector<std::string> specialTokens)
{
    if (m_finalized)
        return Error{"the vocabulary is already finalized"};
    if (specialTokens.empty())
        specialTokens = defaultSpecialTokens();
    std::unordered_set<std::string> specialSet;
    for (const std::string &special : specialTokens) {
        if (special.empty())
            return Error{"a special token cannot be empty"};
        if (!specialSet.insert(special).second)
            return Error{"special token \"" + special + "\" is listed twice"};
    }
    if (!specialSet.count(kUnknown))
        return Error{std::string("the special tokens must include \"") + kUnknown + "\" for unknown words"};
    if (maxSize != 0 && maxSize < specialTokens.size())
        return Error{"a vocabulary of at most " + std::to_string(maxSize) + " entries cannot hold its "
                     + std::to_string(specialTokens.size()) + " special tokens"};

    std::vector<std::pair<const std::string *, std::int64_t>> kept;
    kept.reserve(m_counts.size());
    for (const auto &[token, count] : m_counts) {
        if (count >= minCount && count > 0 && !specialSet.count(token))
            kept.emplace_back(&token, count);
    }
    const auto before = [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : *a.first < *b.first;
    };
    std::size_t room = kept.size();
    if (maxSize != 0)
        room = std::min(room, maxSize - specialTokens.size());
    std::partial_sort(kept.begin(), kept.begin() + std::ptrdiff_t(room), kept.end(), before);
    kept.resize(room);

    m_tokens.clear();
    m_tokenCounts.clear();
    m_ids.clear();
    m_tokens.reserve(specialTokens.size() + kept.size());
    m_tokenCounts.reserve(specialTokens.size() + kept.size());
    for (const std::string &special : specialTokens) {
        const auto it = m_counts.find(special);
        m_ids.emplace(special, std::int64_t(m_tokens.size()));
        m_tokens.push_back(special);
        m_tokenCounts.push_back(it == m_counts.end() ? 0 : it->second);
    }
    for (const auto &[token, count] : kept) {
        m_ids.emplace(*token, std::int64_t(m_tokens.size()));
        m_tokens.push_back(*token);
        m_tokenCounts.push_back(count);
    }
    m_specials = std::move(specialTokens);
    m_unknownId = m_ids.at(kUnknown);
    m_distinctSeen = m_counts.size();
    m_counts = {}; // release the counting table: it can be far larger than the vocabulary
    m_finalized = true;
    return Status::success();
}

std::int64_t Vocabulary::id(const std::string &token) const
{
    const auto it = m_ids.find(token);
    return it == m_ids.end() ? m_unknownId : it->second;
}

const std::string &Vocabulary::token(std::int64_t id) const
{
    static const std::string unknown = kUnknown;
    if (id < 0 || std::size_t(id) >= m_tokens.size())
        return m_unknownId >= 0 ? m_tokens[std::size_t(m_unknownId)] : unknown;
    return m_tokens[std::size_t(id)];
}

std::int64_t Vocabulary::count(const std::string &token) const
{
    if (!m_finalized) {
        const auto it = m_counts.find(token);
        return it == m_counts.end() ? 0 : it->second;
    }
    const auto it = m_ids.find(token);
    return it == m_ids.end() ? 0 : m_tokenCounts[std::size_t(it->second)];
}

std::int64_t Vocabulary::countOf(std::int64_t id) const
{
    if (id < 0 || std::size_t(id) >= m_tokenCounts.size())
        return 0;
    return m_tokenCounts[std::size_t(id)];
}

std::int64_t Vocabulary::specialId(const std::string &name) const
{
    if (std::find(m_specials.begin(), m_specials.end(), name) == m_specials.end())
        return -1;
    return m_ids.at(name);
}

std::vector<std::int64_t> Vocabulary::encode(const std::vector<std::string> &tokens) const
{
    std::vector<std::int64_t> ids;
    ids.reserve(tokens.size());
    for (const std::string &t : tokens)
        ids.push_back(id(t));
    return ids;
}

std::vector<std::string> Vocabulary::decode(const std::vector<std::int64_t> &ids) const
{
    std::vector<std::string> out;
    out.reserve(ids.size());
    for (std::int64_t i : ids)
        out.push_back(token(i));
    return out;
}

nlohmann::json Vocabulary::toJson() const
{
    nlohmann::json json = nlohmann::json::object();
    json["format"] = kFormat;
    json["version"] = kFormatVersion;
    json["specialTokens"] = m_specials;
    json["tokens"] = m_tokens;
    json["counts"] = m_tokenCounts;
    json["distinctSeen"] = m_distinctSeen;
    json["totalSeen"] = m_totalSeen;
    return json;
}

Result<Vocabulary> Vocabulary::fromJson(const nlohmann::json &json)
{
    if (!json.is_object())
        return Error{"a vocabulary must be a JSON object"};
    const auto format = json.find("format");
    if (format == json.end() || !format->is_string() || format->get<std::string>() != kFormat)
        return Error{std::string("not a vocabulary (\"format\" should be \"") + kFormat + "\")"};
    const auto version = json.find("version");
    if (version == json.end() || !version->is_number_integer())
        return Error{"the vocabulary has no \"version\""};
    if (version->get<std::int64_t>() != kFormatVersion)
        return Error{"vocabulary version " + std::to_string(version->get<std::int64_t>())
                     + " is not supported (this build reads version " + std::to_string(kFormatVersion) + ")"};

    const auto stringArray = [&](const char *key, std::vector<std::string> &out) -> Status {
        const auto it = json.find(key);
        if (it == json.end() || !it->is_array())
            return Error{std::string("the vocabulary has no \"") + key + "\" array"};
        out.reserve(it->size());
        for (const auto &item : *it) {
            if (!item.is_string())
                return Error{std::string("\"") + key + "\" must hold only strings"};
            out.push_back(item.get<std::string>());
        }
        return Status::success();
    };

    Vocabulary vocabulary;
    if (Status s = stringArray("specialTokens", vocabulary.m_specials); !s)
        return s.error();
    if (Status s = stringArray("tokens", vocabulary.m_tokens); !s)
        return s.error();
    const auto counts = json.find("counts");
    if (counts == json.end() || !counts->is_array() || counts->size() != vocabulary.m_tokens.size())
        return Error{"the vocabulary's \"counts\" must be an array as long as \"tokens\""};
    for (const auto &item : *counts) {
        if (!item.is_number_integer() || item.get<std::int64_t>() < 0)
            return Error{"\"counts\" must hold only non-negative integers"};
        vocabulary.m_tokenCounts.push_back(item.get<std::int64_t>());
    }
    if (vocabulary.m_specials.size() > vocabulary.m_tokens.size())
        return Error{"the vocabulary lists more special tokens than tokens"};
    for (std::size_t i = 0; i < vocabulary.m_specials.size(); ++i) {
        if (vocabulary.m_tokens[i] != vocabulary.m_specials[i])
            return Error{"special token \"" + vocabulary.m_specials[i] + "\" should have id " + std::to_string(i)};
    }
    for (std::size_t i = 0; i < vocabulary.m_tokens.size(); ++i) {
        if (!vocabulary.m_ids.emplace(vocabulary.m_tokens[i], std::int64_t(i)).second)
            return Error{"token \"" + vocabulary.m_tokens[i] + "\" appears twice in the vocabulary"};
    }
    const auto unknown = vocabulary.m_ids.find(kUnknown);
    if (unknown == vocabulary.m_ids.end() || unknown->second >= std::int64_t(vocabulary.m_specials.size()))
        return Error{std::string("the vocabulary has no \"") + kUnknown + "\" special token"};
    vocabulary.m_unknownId = unknown->second;
    const auto distinct = json.find("distinctSeen");
    if (distinct != json.end() && distinct->is_number_unsigned())
        vocabulary.m_distinctSeen = distinct->get<std::size_t>();
    const auto total = json.find("totalSeen");
    if (total != json.end() && total->is_number_integer())
        vocabulary.m_totalSeen = total->get<std::int64_t>();
    vocabulary.m_finalized = true;
    return vocabulary;
}

Status Vocabulary::save(const std::string &path) const
{
    if (!m_finalized)
        return Error{"finalize the vocabulary before saving it"};
    // Write beside the target and rename, so a crash never leaves half a vocabulary behind.
    const std::string temporary = path + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out)
            return Error{"cannot write vocabulary file " + temporary};
        out << toJson().dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        out.flush();
        if (!out) {
            std::remove(temporary.c_str());
            return Error{"cannot write vocabulary file " + temporary + " (disk full?)"};
        }
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::remove(temporary.c_str());
        return Error{"cannot replace vocabulary file " + path};
    }
    return Status::success();
}

Result<Vocabulary> Vocabulary::load(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{"cannot open vocabulary file " + path};
    const nlohmann::json json = nlohmann::json::parse(in, nullptr, false);
    if (json.is_discarded())
        return Error{path + " is not valid JSON"};
    Result<Vocabulary> vocabulary = fromJson(json);
    if (!vocabulary)
        return Error{path + ": " + vocabulary.message()};
    return vocabulary;
}

} // namespace chorus
