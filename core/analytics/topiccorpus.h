#pragma once

#include "core/util/result.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace chorus {

class Project;

// Which terms of a dataset's posts topic discovery looks at.
struct TopicCorpusOptions {
    // Terms seen fewer times than this in the whole dataset are dropped (typos, one-off names).
    std::int64_t minCount = 2;
    // Terms in more than this fraction of posts are dropped: they are the stop-words of this
    // particular corpus ("the", "rt", a hashtag every post carries) and describe no topic.
    double maxDocumentFrequency = 0.5;
    // Words, hashtags and numbers only; URLs, mentions, emoji and punctuation say little about
    // what a post is about and would crowd the top terms.
    bool wordsOnly = true;
    // Leaves out common English function words ("the", "and", "what", "rt") and Chinese function
    // characters and words (的, 了, 我们): in short posts they rarely pass the document-frequency
    // ceiling yet pull posts together by style, not subject.
    bool dropStopwords = true;
    // CJK text as character bigrams (饺子, 比赛), not single characters: see TopicTermOptions.
    bool cjkBigrams = true;
    // Most frequent terms kept after filtering (0 = all).
    std::size_t maxTerms = 50000;
};

// One post as the bag of its kept terms: distinct term ids, ascending, each with its count.
struct CorpusDocument {
    std::vector<std::uint32_t> terms;
    std::vector<std::uint32_t> counts;
    std::uint32_t length() const;
};

// Reports how far loading got (fraction in [0, 1]); returning false cancels.
using TopicProgress = std::function<bool(const std::string &stage, double fraction)>;

// A dataset's posts as sparse term counts over a filtered vocabulary, read from SQLite in two
// streaming passes (count, then encode): memory grows with the sparse matrix and the distinct
// terms, never with the text. Every topic method (LSA, word vectors, LDA, c-TF-IDF, NPMI) reads
// this one structure, so they agree on what a "term" is.
class TopicCorpus {
public:
    static Result<TopicCorpus> load(Project &project, const std::string &dataset,
                                    const TopicCorpusOptions &options = {}, const TopicProgress &progress = {});
    // Builds a corpus from texts already in memory (tests, previews); postIds may be empty, in
    // which case posts are numbered from 1.
    static Result<TopicCorpus> fromTexts(const std::vector<std::string> &texts, std::vector<std::int64_t> postIds = {},
                                         std::vector<std::optional<std::int64_t>> times = {},
                                         const TopicCorpusOptions &options = {});

    std::size_t size() const { return m_documents.size(); }
    std::size_t termCount() const { return m_terms.size(); }
    const std::vector<std::string> &terms() const { return m_terms; }
    const std::string &term(std::size_t id) const { return m_terms[id]; }
    // Posts that contain each term (document frequency).
    const std::vector<std::uint32_t> &documentFrequencies() const { return m_documentFrequency; }
    const std::vector<std::int64_t> &termTotals() const { return m_termTotal; }
    const std::vector<CorpusDocument> &documents() const { return m_documents; }
    const std::vector<std::int64_t> &postIds() const { return m_postIds; }
    // Post creation times (Unix seconds) where known.
    const std::vector<std::optional<std::int64_t>> &times() const { return m_times; }
    std::int64_t datasetId() const { return m_datasetId; }
    // -1 when the term was filtered out.
    std::int64_t termId(const std::string &term) const;

private:
    class Builder;

    std::vector<std::string> m_terms;
    std::vector<std::uint32_t> m_documentFrequency;
    std::vector<std::int64_t> m_termTotal;
    std::vector<CorpusDocument> m_documents;
    std::vector<std::int64_t> m_postIds;
    std::vector<std::optional<std::int64_t>> m_times;
    std::unordered_map<std::string, std::uint32_t> m_termIds;
    std::int64_t m_datasetId = 0;
};

} // namespace chorus
