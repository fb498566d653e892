#include "core/analytics/usersimilarity.h"

#include "core/analytics/trendterms.h"
#include "core/store/project.h"

#include <algorithm>
#include <cmath>

namespace chorus {
namespace {

double dot(const UserSimilarity::SparseVector &a, const UserSimilarity::SparseVector &b)
{
    double sum = 0.0;
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (i->first < j->first) {
            ++i;
        } else if (j->first < i->first) {
            ++j;
        } else {
            sum += i->second * j->second;
            ++i;
            ++j;
        }
    }
    return sum;
}

} // namespace

Result<UserSimilarity> UserSimilarity::build(Project &project, const UserVectorOptions &options)
{
    std::string sql = "SELECT p.author_id, p.text FROM posts p WHERE p.author_id IS NOT NULL";
    if (options.datasetId != 0)
        sql += " AND p.dataset_id = ?";
    auto statement = project.db().prepare(sql + " ORDER BY p.author_id");
    if (!statement)
        return statement.error();
    if (options.datasetId != 0)
        statement->bind(1, options.datasetId);

    UserSimilarity model;
    std::unordered_map<std::string, int> termIds;
    std::vector<std::int64_t> documentFrequency;
    // Raw term counts of every kept user, until the idf is known.
    std::vector<std::vector<std::pair<int, std::int64_t>>> rawCounts;
    const TrendTermExtractor extractor;

    std::int64_t current = 0;
    int posts = 0;
    std::unordered_map<int, std::int64_t> counts;
    auto flush = [&] {
        if (posts >= std::max(options.minPosts, 1) && !counts.empty()) {
            std::vector<std::pair<int, std::int64_t>> row(counts.begin(), counts.end());
            std::sort(row.begin(), row.end());
            for (const auto &entry : row)
                ++documentFrequency[static_cast<std::size_t>(entry.first)];
            model.m_rowOf[current] = model.m_userIds.size();
            model.m_userIds.push_back(current);
            rawCounts.push_back(std::move(row));
        }
        counts.clear();
        posts = 0;
    };
    bool first = true;
    while (statement->step()) {
        const std::int64_t author = statement->int64(0);
        if (first || author != current) {
            if (!first)
                flush();
            current = author;
            first = false;
        }
        ++posts;
        for (std::string &term : extractor.terms(statement->textView(1))) {
            auto [it, inserted] = termIds.try_emplace(std::move(term), static_cast<int>(model.m_terms.size()));
            if (inserted) {
                model.m_terms.push_back(it->first);
                documentFrequency.push_back(0);
            }
            ++counts[it->second];
        }
    }
    if (statement->failed())
        return Error{"reading the users' posts: " + statement->lastError()};
    if (!first)
        flush();

    const auto users = static_cast<double>(model.m_userIds.size());
    model.m_postings.resize(model.m_terms.size());
    for (std::size_t row = 0; row < rawCounts.size(); ++row) {
        SparseVector vector;
        double norm = 0.0;
        for (const auto &[term, count] : rawCounts[row]) {
            const double idf =
                std::log((1.0 + users) / (1.0 + static_cast<double>(documentFrequency[static_cast<std::size_t>(term)]))) + 1.0;
            const double weight = (1.0 + std::log(static_cast<double>(count))) * idf;
            vector.emplace_back(term, weight);
            norm += weight * weight;
        }
        norm = std::sqrt(norm);
        for (auto &entry : vector) {
            entry.second /= norm;
            model.m_postings[static_cast<std::size_t>(entry.first)].emplace_back(row, entry.second);
        }
        rawCounts[row].clear();
        rawCounts[row].shrink_to_fit();
        model.m_vectors.push_back(std::move(vector));
    }
    return model;
}

const UserSimilarity::SparseVector *UserSimilarity::vector(std::int64_t userId) const
{
    auto it = m_rowOf.find(userId);
    return it == m_rowOf.end() ? nullptr : &m_vectors[it->second];
}

double UserSimilarity::cosine(std::int64_t a, std::int64_t b) const
{
    const SparseVector *va = vector(a);
    const SparseVector *vb = vector(b);
    return va && vb ? dot(*va, *vb) : 0.0;
}

std::vector<SimilarUser> UserSimilarity::mostSimilar(std::int64_t userId, int k) const
{
    std::vector<SimilarUser> out;
    auto it = m_rowOf.find(userId);
    if (it == m_rowOf.end() || k <= 0)
        return out;
    std::unordered_map<std::size_t, double> scores;
    for (const auto &[term, weight] : m_vectors[it->second])
        for (const auto &[row, otherWeight] : m_postings[static_cast<std::size_t>(term)])
            if (row != it->second)
                scores[row] += weight * otherWeight;
    for (const auto &[row, score] : scores)
        if (score > 1e-12)
            out.push_back({m_userIds[row], std::min(score, 1.0)});
    std::sort(out.begin(), out.end(), [](const SimilarUser &a, const SimilarUser &b) {
        return a.similarity != b.similarity ? a.similarity > b.similarity : a.userId < b.userId;
    });
    if (out.size() > static_cast<std::size_t>(k))
        out.resize(static_cast<std::size_t>(k));
    return out;
}

std::vector<std::pair<std::string, double>> UserSimilarity::topTerms(std::int64_t userId, int n) const
{
    std::vector<std::pair<std::string, double>> out;
    const SparseVector *v = vector(userId);
    if (!v || n <= 0)
        return out;
    for (const auto &[term, weight] : *v)
        out.emplace_back(m_terms[static_cast<std::size_t>(term)], weight);
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (out.size() > static_cast<std::size_t>(n))
        out.resize(static_cast<std::size_t>(n));
    return out;
}

} // namespace chorus
