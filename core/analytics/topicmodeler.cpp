#include "core/analytics/topicmodeler.h"

#include "core/analytics/ctfidf.h"
#include "core/analytics/kmeans.h"
#include "core/analytics/topiccoherence.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

namespace chorus {

Result<TopicMethod> TopicModelerOptions::parseMethod(const std::string &name)
{
    if (name == "kmeans")
        return TopicMethod::KMeans;
    if (name == "density")
        return TopicMethod::Density;
    if (name == "lda")
        return TopicMethod::Lda;
    return Error{"unknown topic method '" + name + "': expected kmeans, density or lda"};
}

const char *TopicModelerOptions::methodName(TopicMethod method)
{
    switch (method) {
    case TopicMethod::KMeans: return "kmeans";
    case TopicMethod::Density: return "density";
    case TopicMethod::Lda: return "lda";
    }
    return "kmeans";
}

Result<TopicEmbedding> TopicModelerOptions::parseEmbedding(const std::string &name)
{
    if (name == "lsa")
        return TopicEmbedding::Lsa;
    if (name == "vectors")
        return TopicEmbedding::WordVectors;
    return Error{"unknown post embedding '" + name + "': expected lsa or vectors"};
}

const char *TopicModelerOptions::embeddingName(TopicEmbedding embedding)
{
    return embedding == TopicEmbedding::Lsa ? "lsa" : "vectors";
}

bool TopicModeler::report(const std::string &stage, double fraction) const
{
    return !m_progress || m_progress(stage, fraction);
}

Result<EmbeddingMatrix> TopicModeler::embed(const TopicCorpus &corpus, const WordVectors *vectors) const
{
    // LDA only embeds to estimate k, and LSA needs nothing from outside.
    if (m_options.embedding == TopicEmbedding::WordVectors && m_options.method != TopicMethod::Lda) {
        if (!vectors)
            return Error{"topics: the 'vectors' embedding needs word vectors (--vectors FILE or --run ID)"};
        return averagedWordVectors(corpus, *vectors, m_options.averaged);
    }
    LsaOptions lsa = m_options.lsa;
    lsa.seed = m_options.seed;
    auto result = latentSemanticAnalysis(corpus, lsa);
    if (!result)
        return result.error();
    return std::move(result->embedding);
}

namespace {

// Row ids of the members of each topic closest (cosine) to the topic's normalised mean.
std::vector<std::vector<std::size_t>> closestToCentre(const MatrixView &rows, const std::vector<int> &assignments,
                                                      std::size_t topics, std::size_t count)
{
    std::vector<std::vector<double>> centre(topics, std::vector<double>(rows.columns, 0.0));
    for (std::size_t i = 0; i < rows.rows; ++i)
        if (assignments[i] >= 0)
            for (std::size_t d = 0; d < rows.columns; ++d)
                centre[static_cast<std::size_t>(assignments[i])][d] += rows.row(i)[d];
    std::vector<std::vector<std::pair<double, std::size_t>>> scored(topics);
    for (std::size_t i = 0; i < rows.rows; ++i) {
        if (assignments[i] < 0)
            continue;
        const std::vector<double> &c = centre[static_cast<std::size_t>(assignments[i])];
        double dot = 0;
        for (std::size_t d = 0; d < rows.columns; ++d)
            dot += c[d] * rows.row(i)[d];
        scored[static_cast<std::size_t>(assignments[i])].emplace_back(-dot, i);
    }
    std::vector<std::vector<std::size_t>> out(topics);
    for (std::size_t t = 0; t < topics; ++t) {
        std::sort(scored[t].begin(), scored[t].end());
        for (std::size_t r = 0; r < scored[t].size() && r < count; ++r)
            out[t].push_back(scored[t][r].second);
    }
    return out;
}

} // namespace

Result<TopicModelResult> TopicModeler::run(const TopicCorpus &corpus, const WordVectors *vectors) const
{
    if (corpus.size() == 0)
        return Error{"topics: the corpus is empty"};
    TopicModelResult result;
    result.datasetId = corpus.datasetId();
    result.method = TopicModelerOptions::methodName(m_options.method);
    result.embedding = m_options.method == TopicMethod::Lda ? "none" : TopicModelerOptions::embeddingName(m_options.embedding);
    result.task = m_options.task;
    result.seed = m_options.seed;
    result.postIds = corpus.postIds();

    std::vector<int> assignments;
    std::size_t topicCount = 0;
    std::vector<TopicTerms> terms;
    std::vector<std::vector<std::size_t>> representatives;

    std::size_t k = m_options.k;
    EmbeddingMatrix embedding;
    const bool needsEmbedding = m_options.method != TopicMethod::Lda || k == 0;
    if (needsEmbedding) {
        if (!report("embedding posts", 0.0))
            return Error{"topics: cancelled"};
        auto embedded = embed(corpus, vectors);
        if (!embedded)
            return embedded.error();
        embedding = std::move(*embedded);
    }
    if (k == 0 && m_options.method != TopicMethod::Density) {
        auto estimate = KMeans::estimateK(embedding.view(), m_options.minK, m_options.maxK, m_options.silhouetteSample,
                                          m_options.seed, m_progress);
        if (!estimate)
            return estimate.error();
        k = estimate->k;
        nlohmann::json scores = nlohmann::json::array();
        for (const auto &s : estimate->silhouettes)
            scores.push_back({{"k", s.first}, {"silhouette", s.second}});
        result.details["k_estimated"] = true;
        result.details["silhouettes"] = scores;
    }

    if (m_options.method == TopicMethod::KMeans) {
        if (!report("clustering", 0.0))
            return Error{"topics: cancelled"};
        KMeansOptions options;
        options.k = k;
        options.restarts = m_options.restarts;
        options.seed = m_options.seed;
        auto clustering = KMeans::cluster(embedding.view(), options);
        if (!clustering)
            return clustering.error();
        assignments = std::move(clustering->assignments);
        topicCount = k;
        result.details["k"] = k;
        result.details["inertia"] = clustering->inertia;
    } else if (m_options.method == TopicMethod::Density) {
        if (!report("clustering", 0.0))
            return Error{"topics: cancelled"};
        DensityOptions options = m_options.density;
        options.seed = m_options.seed;
        auto clustering = DensityClustering::cluster(embedding.view(), options);
        if (!clustering)
            return clustering.error();
        assignments = std::move(clustering->assignments);
        topicCount = clustering->clusters;
        result.details["epsilon"] = clustering->epsilon;
        result.details["epsilon_estimated"] = m_options.density.epsilon <= 0;
        result.details["min_points"] = options.minPoints;
    } else {
        LdaOptions options = m_options.lda;
        options.topics = k;
        options.seed = m_options.seed;
        auto lda = LdaModel::fit(corpus, options, m_progress);
        if (!lda)
            return lda.error();
        assignments = lda->dominantTopic;
        topicCount = k;
        terms.resize(k);
        representatives.resize(k);
        for (std::size_t t = 0; t < k; ++t) {
            terms[t].terms = lda->topTerms(t, m_options.topTerms);
            for (std::uint32_t w : terms[t].terms)
                terms[t].weights.push_back(lda->topicTerm[t * lda->terms + w]);
            // Most typical posts: the highest share of this topic, longer posts first on ties.
            std::vector<std::size_t> members;
            for (std::size_t i = 0; i < corpus.size(); ++i)
                if (assignments[i] == static_cast<int>(t))
                    members.push_back(i);
            std::stable_sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
                return lda->documentTopic[a * k + t] > lda->documentTopic[b * k + t];
            });
            if (members.size() > m_options.representatives)
                members.resize(m_options.representatives);
            representatives[t] = members;
        }
        result.details["k"] = k;
        result.details["alpha"] = options.alpha > 0 ? options.alpha : std::min(1.0, 50.0 / static_cast<double>(k));
        result.details["beta"] = options.beta;
        result.details["iterations"] = options.iterations;
    }
    if (m_options.method != TopicMethod::Lda) {
        terms = ClassTfIdf::topTerms(corpus, assignments, topicCount, m_options.topTerms);
        representatives = closestToCentre(embedding.view(), assignments, topicCount, m_options.representatives);
    }

    if (!report("describing topics", 0.0))
        return Error{"topics: cancelled"};
    // Renumber by size, largest first; ties keep the method's order.
    std::vector<std::int64_t> sizes(topicCount, 0);
    for (int a : assignments)
        if (a >= 0)
            ++sizes[static_cast<std::size_t>(a)];
    std::vector<std::size_t> order(topicCount);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return sizes[a] > sizes[b]; });
    std::vector<int> newId(topicCount);
    for (std::size_t r = 0; r < topicCount; ++r)
        newId[order[r]] = static_cast<int>(r);

    const TopicCoherence coherence(corpus);
    std::set<std::string> usedLabels;
    double coherenceSum = 0;
    std::size_t coherent = 0;
    for (std::size_t r = 0; r < topicCount; ++r) {
        const std::size_t t = order[r];
        TopicDescription d;
        d.id = static_cast<int>(r);
        d.size = sizes[t];
        for (std::uint32_t w : terms[t].terms)
            d.terms.push_back(corpus.term(w));
        d.weights = terms[t].weights;
        d.label = ClassTfIdf::label(d.terms);
        if (d.label.empty())
            d.label = "topic_" + std::to_string(r);
        // Two topics with the same three words still need distinct label values.
        if (!usedLabels.insert(d.label).second) {
            d.label += "_" + std::to_string(r);
            usedLabels.insert(d.label);
        }
        if (terms[t].terms.size() >= 2) {
            d.coherence = coherence.npmi(terms[t].terms);
            coherenceSum += d.coherence;
            ++coherent;
        }
        for (std::size_t row : representatives[t])
            d.representativePosts.push_back(corpus.postIds()[row]);
        result.topics.push_back(std::move(d));
    }
    result.meanCoherence = coherent ? coherenceSum / static_cast<double>(coherent) : 0.0;
    result.assignments.resize(assignments.size());
    for (std::size_t i = 0; i < assignments.size(); ++i) {
        result.assignments[i] = assignments[i] < 0 ? -1 : newId[static_cast<std::size_t>(assignments[i])];
        result.outliers += result.assignments[i] < 0;
    }
    return result;
}

} // namespace chorus
