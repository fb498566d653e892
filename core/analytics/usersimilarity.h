#pragma once

#include "core/util/result.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace chorus {

class Project;

struct UserVectorOptions {
    std::int64_t datasetId = 0; // 0: every dataset
    int minPosts = 1;           // users with fewer posts get no vector
};

struct SimilarUser {
    std::int64_t userId = 0;
    double similarity = 0.0;
};

// Users as sparse TF-IDF vectors of what they write: a term's weight is (1 + ln tf) * idf, with
// tf its count over all the user's posts and idf = ln((1 + users) / (1 + users using it)) + 1,
// then L2-normalised, so the cosine of two users is their dot product. Built by streaming posts
// ordered by author, one user's term counts in memory at a time; the vectors themselves keep
// only the (user, term) pairs that occur. Similar users come from an inverted index, so a query
// touches only users who share a term.
class UserSimilarity {
public:
    using SparseVector = std::vector<std::pair<int, double>>; // (term, weight) sorted by term

    static Result<UserSimilarity> build(Project &project, const UserVectorOptions &options = {});

    std::size_t userCount() const { return m_userIds.size(); }
    std::size_t vocabularySize() const { return m_terms.size(); }
    bool hasUser(std::int64_t userId) const { return m_rowOf.count(userId) != 0; }
    // The users with a vector, in row order (by user id).
    const std::vector<std::int64_t> &userIds() const { return m_userIds; }
    const SparseVector *vector(std::int64_t userId) const;

    // The k users most cosine-similar to userId (not userId itself), by similarity descending
    // then user id; only positive similarities. Empty when the user has no vector.
    std::vector<SimilarUser> mostSimilar(std::int64_t userId, int k) const;
    double cosine(std::int64_t a, std::int64_t b) const;
    // The user's heaviest terms: what sets their writing apart.
    std::vector<std::pair<std::string, double>> topTerms(std::int64_t userId, int n) const;

private:
    UserSimilarity() = default;

    std::vector<std::string> m_terms;
    std::vector<std::int64_t> m_userIds;
    std::unordered_map<std::int64_t, std::size_t> m_rowOf;
    std::vector<SparseVector> m_vectors;
    std::vector<std::vector<std::pair<std::size_t, double>>> m_postings; // per term: (user row, weight)
};

} // namespace chorus
