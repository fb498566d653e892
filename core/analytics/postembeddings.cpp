#include "core/analytics/postembeddings.h"

#include "core/analytics/topiccorpus.h"
#include "core/embeddings/wordvectors.h"
#include "core/text/unicode.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <deque>

namespace chorus {

bool EmbeddingMatrix::isZeroRow(std::size_t row) const
{
    const float *r = values.data() + row * dimensions;
    return std::all_of(r, r + dimensions, [](float v) { return v == 0.0f; });
}

void normalizeRows(EmbeddingMatrix &matrix)
{
    for (std::size_t i = 0; i < matrix.rows; ++i) {
        float *r = matrix.values.data() + i * matrix.dimensions;
        double sum = 0;
        for (std::size_t d = 0; d < matrix.dimensions; ++d)
            sum += static_cast<double>(r[d]) * r[d];
        if (sum <= 0)
            continue;
        const double scale = 1.0 / std::sqrt(sum);
        for (std::size_t d = 0; d < matrix.dimensions; ++d)
            r[d] = static_cast<float>(r[d] * scale);
    }
}

namespace {

std::string asciiLower(const std::string &text)
{
    std::string out = text;
    for (char &c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// A CJK term (a character bigram of the topic corpus) as the mean of its characters' vectors,
// since word2vec on tokenizer output learns one vector per CJK character; empty when the term is
// not all CJK or a character has no vector.
std::vector<float> characterMean(const std::string &term, const WordVectors &vectors)
{
    std::vector<float> mean;
    std::size_t characters = 0;
    for (std::size_t i = 0; i < term.size();) {
        const unicode::Decoded d = unicode::decode(term, i);
        if (!unicode::isCjk(d.codePoint))
            return {};
        const float *v = vectors.vector(term.substr(i, d.length));
        if (!v)
            return {};
        mean.resize(vectors.dimensions(), 0.0f);
        for (std::size_t k = 0; k < mean.size(); ++k)
            mean[k] += v[k];
        ++characters;
        i += d.length;
    }
    for (float &x : mean)
        x /= static_cast<float>(characters);
    return mean;
}

// The rows' first principal direction (uncentred, as in SIF), by power iteration from a fixed start.
std::vector<double> dominantDirection(const EmbeddingMatrix &m)
{
    std::vector<double> v(m.dimensions, 1.0 / std::sqrt(static_cast<double>(m.dimensions)));
    std::vector<double> next(m.dimensions);
    for (int iteration = 0; iteration < 50; ++iteration) {
        std::fill(next.begin(), next.end(), 0.0);
        for (std::size_t i = 0; i < m.rows; ++i) {
            const float *r = m.values.data() + i * m.dimensions;
            double dot = 0;
            for (std::size_t d = 0; d < m.dimensions; ++d)
                dot += r[d] * v[d];
            for (std::size_t d = 0; d < m.dimensions; ++d)
                next[d] += dot * r[d];
        }
        double norm = 0;
        for (double x : next)
            norm += x * x;
        norm = std::sqrt(norm);
        if (norm == 0)
            return {};
        for (std::size_t d = 0; d < m.dimensions; ++d)
            v[d] = next[d] / norm;
    }
    return v;
}

} // namespace

Result<EmbeddingMatrix> averagedWordVectors(const TopicCorpus &corpus, const WordVectors &vectors,
                                            const AveragedVectorOptions &options)
{
    if (vectors.empty())
        return Error{"averaged word vectors: the word vector table is empty"};
    const std::size_t dims = vectors.dimensions();
    std::vector<const float *> termVectors(corpus.termCount(), nullptr);
    // Vectors built here for CJK bigrams; a deque keeps the pointers into it valid.
    std::deque<std::vector<float>> composed;
    std::size_t found = 0;
    for (std::size_t t = 0; t < corpus.termCount(); ++t) {
        const float *v = vectors.vector(corpus.term(t));
        if (!v)
            v = vectors.vector(asciiLower(corpus.term(t)));
        if (!v) {
            std::vector<float> mean = characterMean(corpus.term(t), vectors);
            if (!mean.empty()) {
                composed.push_back(std::move(mean));
                v = composed.back().data();
            }
        }
        termVectors[t] = v;
        found += v != nullptr;
    }
    if (found == 0)
        return Error{"averaged word vectors: none of the corpus's " + std::to_string(corpus.termCount()) +
                     " terms has a vector; were the vectors trained on this dataset?"};
    double totalCount = 0;
    for (std::int64_t c : corpus.termTotals())
        totalCount += static_cast<double>(c);

    EmbeddingMatrix m;
    m.rows = corpus.size();
    m.dimensions = dims;
    m.values.assign(m.rows * dims, 0.0f);
    std::vector<double> row(dims);
    for (std::size_t i = 0; i < corpus.size(); ++i) {
        const CorpusDocument &doc = corpus.documents()[i];
        std::fill(row.begin(), row.end(), 0.0);
        double weightSum = 0;
        for (std::size_t j = 0; j < doc.terms.size(); ++j) {
            const float *v = termVectors[doc.terms[j]];
            if (!v)
                continue;
            double weight = doc.counts[j];
            if (options.sifWeight > 0 && totalCount > 0) {
                const double p = static_cast<double>(corpus.termTotals()[doc.terms[j]]) / totalCount;
                weight *= options.sifWeight / (options.sifWeight + p);
            }
            for (std::size_t d = 0; d < dims; ++d)
                row[d] += weight * v[d];
            weightSum += weight;
        }
        if (weightSum <= 0)
            continue;
        float *out = m.values.data() + i * dims;
        for (std::size_t d = 0; d < dims; ++d)
            out[d] = static_cast<float>(row[d] / weightSum);
    }
    if (options.removeCommonComponent && m.rows > 1) {
        const std::vector<double> u = dominantDirection(m);
        if (!u.empty()) {
            for (std::size_t i = 0; i < m.rows; ++i) {
                float *r = m.values.data() + i * dims;
                double dot = 0;
                for (std::size_t d = 0; d < dims; ++d)
                    dot += r[d] * u[d];
                for (std::size_t d = 0; d < dims; ++d)
                    r[d] = static_cast<float>(r[d] - dot * u[d]);
            }
        }
    }
    normalizeRows(m);
    return m;
}

} // namespace chorus
