#pragma once

#include "core/analytics/densityclustering.h"
#include "core/analytics/lda.h"
#include "core/analytics/lsa.h"
#include "core/analytics/postembeddings.h"
#include "core/analytics/topiccorpus.h"
#include "core/analytics/topicmodelresult.h"
#include "core/util/result.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace chorus {

class WordVectors;

enum class TopicMethod { KMeans, Density, Lda };
enum class TopicEmbedding { Lsa, WordVectors };

struct TopicModelerOptions {
    TopicMethod method = TopicMethod::KMeans;
    TopicEmbedding embedding = TopicEmbedding::Lsa;
    // Topics for k-means and LDA; 0 estimates it by silhouette over [minK, maxK] (for LDA on the
    // LSA embedding, since LDA has no geometry of its own).
    std::size_t k = 0;
    std::size_t minK = 2;
    std::size_t maxK = 12;
    std::size_t silhouetteSample = 1000;
    int restarts = 5;
    LsaOptions lsa;
    AveragedVectorOptions averaged;
    DensityOptions density;
    LdaOptions lda; // its `topics` is replaced by k
    std::size_t topTerms = 10;
    std::size_t representatives = 5;
    std::uint64_t seed = 1;
    std::string task; // stored with the result

    static Result<TopicMethod> parseMethod(const std::string &name);
    static const char *methodName(TopicMethod method);
    static Result<TopicEmbedding> parseEmbedding(const std::string &name);
    static const char *embeddingName(TopicEmbedding embedding);
};

// Topic discovery end to end on a loaded corpus: embed (LSA or averaged word vectors) and cluster
// (k-means or density), or fit LDA; then describe every topic by its c-TF-IDF (clusters) or most
// probable (LDA) terms, a label from the top three, NPMI coherence and representative posts.
// Topics are numbered by size, largest first.
class TopicModeler {
public:
    explicit TopicModeler(TopicModelerOptions options) : m_options(std::move(options)) {}
    void setProgress(TopicProgress progress) { m_progress = std::move(progress); }

    // `vectors` is required for TopicEmbedding::WordVectors and ignored otherwise.
    Result<TopicModelResult> run(const TopicCorpus &corpus, const WordVectors *vectors = nullptr) const;

private:
    Result<EmbeddingMatrix> embed(const TopicCorpus &corpus, const WordVectors *vectors) const;
    bool report(const std::string &stage, double fraction) const;

    TopicModelerOptions m_options;
    TopicProgress m_progress;
};

} // namespace chorus
