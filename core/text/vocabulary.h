#pragma once

#include "core/util/result.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace chorus {

// Token <-> id table built from the project's own text.
//
// Counting is incremental: add() one post at a time (constant memory in the number of posts),
// then finalize() once. Ids are deterministic for the same counts: special tokens first in the
// order given, then tokens by count (highest first) and, for equal counts, by byte order, so
// two machines that count the same posts produce the same vocabulary.
class Vocabulary {
public:
    static constexpr const char *kPad = "<pad>";
    static constexpr const char *kUnknown = "<unk>";
    static constexpr const char *kBegin = "<bos>";
    static constexpr const char *kEnd = "<eos>";
    static std::vector<std::string> defaultSpecialTokens() { return {kPad, kUnknown, kBegin, kEnd}; }

    Vocabulary() = default;

    // Counting phase. Adding after finalize() is an error (it would change the ids under a
    // model that already uses them); start a new Vocabulary instead.
    Status add(const std::vector<std::string> &tokens);
    // Adds `count` sightings of one token at once (counts gathered elsewhere, e.g. by SQL).
    Status addCount(const std::string &token, std::int64_t count);

    // Fixes the ids: keeps tokens seen at least minCount times, at most maxSize entries in all
    // (specials included; 0 = no limit). The specials must include "<unk>" (unknown tokens map
    // to it) and must not repeat; an empty list means defaultSpecialTokens().
    Status finalize(std::int64_t minCount = 1, std::size_t maxSize = 0,
                    std::vector<std::string> specialTokens = defaultSpecialTokens());
    bool isFinalized() const { return m_finalized; }

    // Lookups (after finalize). Unknown tokens and out-of-range ids map to "<unk>".
    std::size_t size() const { return m_tokens.size(); }
    std::int64_t id(const std::string &token) const;
    const std::string &token(std::int64_t id) const;
    bool contains(const std::string &token) const { return m_ids.count(token) != 0; }
    // How often a token was seen while counting (0 for tokens not in the vocabulary).
    std::int64_t count(const std::string &token) const;
    std::int64_t countOf(std::int64_t id) const;
    const std::vector<std::string> &tokens() const { return m_tokens; }
    const std::vector<std::string> &specialTokens() const { return m_specials; }
    std::int64_t unknownId() const { return m_unknownId; }
    // Id of a special token, or -1 when this vocabulary has none of that name.
    std::int64_t specialId(const std::string &name) const;
    // Counting-phase statistics: distinct tokens seen and total tokens seen.
    std::size_t distinctSeen() const { return m_distinctSeen; }
    std::int64_t totalSeen() const { return m_totalSeen; }

    std::vector<std::int64_t> encode(const std::vector<std::string> &tokens) const;
    std::vector<std::string> decode(const std::vector<std::int64_t> &ids) const;

    // Persistence of a finalized vocabulary, so a model can carry its vocabulary with it. Tokens
    // should be valid UTF-8 (SocialTokenizer's always are); save() writes others with U+FFFD.
    nlohmann::json toJson() const;
    static Result<Vocabulary> fromJson(const nlohmann::json &json);
    Status save(const std::string &path) const;
    static Result<Vocabulary> load(const std::string &path);

private:
    std::unordered_map<std::string, std::int64_t> m_counts; // counting phase only
    std::vector<std::string> m_tokens;
    std::vector<std::int64_t> m_tokenCounts;
    std::unordered_map<std::string, std::int64_t> m_ids;
    std::vector<std::string> m_specials;
    std::int64_t m_unknownId = -1;
    std::size_t m_distinctSeen = 0;
    std::int64_t m_totalSeen = 0;
    bool m_finalized = false;
};

} // namespace chorus
