#include "core/analytics/topiccorpus.h"

#include "core/analytics/topictermextractor.h"
#include "core/store/project.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

namespace chorus {

std::uint32_t CorpusDocument::length() const
{
    std::uint32_t total = 0;
    for (std::uint32_t c : counts)
        total += c;
    return total;
}

namespace {

// Below this many posts a document-frequency ceiling removes real content words (in three posts
// about football, "football" is in all of them), so it only applies to corpora at least this big.
constexpr std::size_t kMinPostsForDocumentFrequencyFilter = 10;

// Hands every post (id, time, text) to `visit`; false from visit stops early.
using PostVisitor = std::function<bool(std::int64_t, std::optional<std::int64_t>, std::string_view)>;
using PostWalker = std::function<Status(const PostVisitor &)>;

} // namespace

class TopicCorpus::Builder {
public:
    explicit Builder(const TopicCorpusOptions &options) : m_options(options), m_extractor(termOptions(options)) {}

    std::vector<std::string> termsOf(std::string_view text) const { return m_extractor.terms(text); }

    Result<TopicCorpus> build(const PostWalker &walk, std::size_t expected, const TopicProgress &progress)
    {
        struct Stats {
            std::int64_t count = 0;
            std::uint32_t documents = 0;
        };
        std::unordered_map<std::string, Stats> stats;
        std::size_t posts = 0;
        bool cancelled = false;
        Status counted = walk([&](std::int64_t, std::optional<std::int64_t>, std::string_view text) {
            std::vector<std::string> terms = termsOf(text);
            std::sort(terms.begin(), terms.end());
            for (std::size_t i = 0; i < terms.size(); ++i) {
                Stats &s = stats[terms[i]];
                ++s.count;
                if (i == 0 || terms[i] != terms[i - 1])
                    ++s.documents;
            }
            ++posts;
            if (progress && posts % 1000 == 0 && !progress("counting terms", expected ? 0.5 * posts / expected : 0.0)) {
                cancelled = true;
                return false;
            }
            return true;
        });
        if (!counted.ok())
            return counted.error();
        if (cancelled)
            return Error{"topic corpus: cancelled"};

        std::vector<std::pair<std::string, Stats>> kept;
        const bool filterDf = posts >= kMinPostsForDocumentFrequencyFilter;
        for (auto &entry : stats) {
            if (entry.second.count < m_options.minCount)
                continue;
            if (filterDf && static_cast<double>(entry.second.documents) > m_options.maxDocumentFrequency * posts)
                continue;
            kept.emplace_back(entry.first, entry.second);
        }
        stats.clear();
        // Frequency order with byte order for ties: the same ids on every machine.
        std::sort(kept.begin(), kept.end(), [](const auto &a, const auto &b) {
            return a.second.count != b.second.count ? a.second.count > b.second.count : a.first < b.first;
        });
        if (m_options.maxTerms > 0 && kept.size() > m_options.maxTerms)
            kept.resize(m_options.maxTerms);

        TopicCorpus corpus;
        std::unordered_map<std::string, std::uint32_t> ids;
        ids.reserve(kept.size());
        for (auto &entry : kept) {
            ids.emplace(entry.first, static_cast<std::uint32_t>(corpus.m_terms.size()));
            corpus.m_terms.push_back(entry.first);
            corpus.m_documentFrequency.push_back(entry.second.documents);
            corpus.m_termTotal.push_back(entry.second.count);
        }
        kept.clear();

        std::size_t encoded = 0;
        Status read = walk([&](std::int64_t id, std::optional<std::int64_t> time, std::string_view text) {
            std::vector<std::uint32_t> termIds;
            for (const std::string &t : termsOf(text)) {
                auto it = ids.find(t);
                if (it != ids.end())
                    termIds.push_back(it->second);
            }
            std::sort(termIds.begin(), termIds.end());
            CorpusDocument doc;
            for (std::size_t i = 0; i < termIds.size(); ++i) {
                if (i > 0 && termIds[i] == termIds[i - 1]) {
                    ++doc.counts.back();
                } else {
                    doc.terms.push_back(termIds[i]);
                    doc.counts.push_back(1);
                }
            }
            corpus.m_documents.push_back(std::move(doc));
            corpus.m_postIds.push_back(id);
            corpus.m_times.push_back(time);
            ++encoded;
            if (progress && encoded % 1000 == 0 &&
                !progress("encoding posts", expected ? 0.5 + 0.5 * encoded / expected : 0.5)) {
                cancelled = true;
                return false;
            }
            return true;
        });
        if (!read.ok())
            return read.error();
        if (cancelled)
            return Error{"topic corpus: cancelled"};
        if (encoded != posts)
            return Error{"topic corpus: the dataset changed while it was read (" + std::to_string(posts) + " then " +
                         std::to_string(encoded) + " posts); run again"};
        corpus.m_termIds = std::move(ids);
        return corpus;
    }

private:
    static TopicTermOptions termOptions(const TopicCorpusOptions &options)
    {
        TopicTermOptions terms;
        terms.wordsOnly = options.wordsOnly;
        terms.dropStopwords = options.dropStopwords;
        terms.cjkBigrams = options.cjkBigrams;
        return terms;
    }

    TopicCorpusOptions m_options;
    TopicTermExtractor m_extractor;
};

Result<TopicCorpus> TopicCorpus::load(Project &project, const std::string &dataset, const TopicCorpusOptions &options,
                                      const TopicProgress &progress)
{
    const std::optional<std::int64_t> datasetId = project.datasetId(dataset);
    if (!datasetId)
        return Error{"no dataset named '" + dataset + "' in " + project.path()};
    auto count = project.db().prepare("SELECT count(*) FROM posts WHERE dataset_id = ?");
    if (!count)
        return count.error();
    count->bind(1, *datasetId);
    const std::size_t expected = count->step() ? static_cast<std::size_t>(count->int64(0)) : 0;
    if (expected == 0)
        return Error{"dataset '" + dataset + "' has no posts to find topics in"};

    SqliteDatabase &db = project.db();
    const std::int64_t id = *datasetId;
    PostWalker walk = [&db, id](const PostVisitor &visit) -> Status {
        // Post id order: the same corpus, hence the same topics, on every run.
        auto select = db.prepare("SELECT id, created_at, text FROM posts WHERE dataset_id = ? ORDER BY id");
        if (!select)
            return select.error();
        select->bind(1, id);
        while (select->step()) {
            std::optional<std::int64_t> time;
            if (!select->isNull(1))
                time = select->int64(1);
            if (!visit(select->int64(0), time, select->textView(2)))
                return {};
        }
        if (select->failed())
            return Error{"reading posts of dataset " + std::to_string(id) + ": " + select->lastError()};
        return {};
    };
    Builder builder(options);
    auto corpus = builder.build(walk, expected, progress);
    if (corpus)
        corpus->m_datasetId = id;
    return corpus;
}

Result<TopicCorpus> TopicCorpus::fromTexts(const std::vector<std::string> &texts, std::vector<std::int64_t> postIds,
                                           std::vector<std::optional<std::int64_t>> times,
                                           const TopicCorpusOptions &options)
{
    if (!postIds.empty() && postIds.size() != texts.size())
        return Error{"topic corpus: " + std::to_string(postIds.size()) + " post ids for " + std::to_string(texts.size()) +
                     " texts"};
    if (!times.empty() && times.size() != texts.size())
        return Error{"topic corpus: " + std::to_string(times.size()) + " times for " + std::to_string(texts.size()) +
                     " texts"};
    PostWalker walk = [&](const PostVisitor &visit) -> Status {
        for (std::size_t i = 0; i < texts.size(); ++i) {
            const std::int64_t id = postIds.empty() ? static_cast<std::int64_t>(i + 1) : postIds[i];
            if (!visit(id, times.empty() ? std::nullopt : times[i], texts[i]))
                break;
        }
        return {};
    };
    Builder builder(options);
    return builder.build(walk, texts.size(), {});
}

std::int64_t TopicCorpus::termId(const std::string &term) const
{
    auto it = m_termIds.find(term);
    return it == m_termIds.end() ? -1 : static_cast<std::int64_t>(it->second);
}

} // namespace chorus
