#include "core/analytics/lsa.h"

#include "core/analytics/topiccorpus.h"
#include "core/util/deterministicrandom.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace chorus {

namespace {

// Compressed sparse rows of the weighted document-term matrix.
struct SparseRows {
    std::size_t rows = 0;
    std::size_t columns = 0;
    std::vector<std::size_t> start; // rows + 1
    std::vector<std::uint32_t> column;
    std::vector<double> value;
};

SparseRows tfidfRows(const TopicCorpus &corpus)
{
    SparseRows m;
    m.rows = corpus.size();
    m.columns = corpus.termCount();
    m.start.reserve(m.rows + 1);
    m.start.push_back(0);
    const double n = static_cast<double>(corpus.size());
    std::vector<double> idf(m.columns);
    for (std::size_t t = 0; t < m.columns; ++t)
        idf[t] = std::log((1.0 + n) / (1.0 + corpus.documentFrequencies()[t])) + 1.0; // sklearn's smooth idf
    for (const CorpusDocument &doc : corpus.documents()) {
        const std::size_t first = m.value.size();
        double norm = 0;
        for (std::size_t j = 0; j < doc.terms.size(); ++j) {
            const double w = (1.0 + std::log(static_cast<double>(doc.counts[j]))) * idf[doc.terms[j]];
            m.column.push_back(doc.terms[j]);
            m.value.push_back(w);
            norm += w * w;
        }
        if (norm > 0) {
            norm = std::sqrt(norm);
            for (std::size_t j = first; j < m.value.size(); ++j)
                m.value[j] /= norm;
        }
        m.start.push_back(m.value.size());
    }
    return m;
}

// out (rows x width, row-major) = X * in (columns x width)
void multiply(const SparseRows &x, const std::vector<double> &in, std::size_t width, std::vector<double> &out)
{
    out.assign(x.rows * width, 0.0);
    for (std::size_t i = 0; i < x.rows; ++i) {
        double *o = out.data() + i * width;
        for (std::size_t p = x.start[i]; p < x.start[i + 1]; ++p) {
            const double w = x.value[p];
            const double *r = in.data() + static_cast<std::size_t>(x.column[p]) * width;
            for (std::size_t j = 0; j < width; ++j)
                o[j] += w * r[j];
        }
    }
}

// out (columns x width) = X^T * in (rows x width)
void multiplyTransposed(const SparseRows &x, const std::vector<double> &in, std::size_t width, std::vector<double> &out)
{
    out.assign(x.columns * width, 0.0);
    for (std::size_t i = 0; i < x.rows; ++i) {
        const double *r = in.data() + i * width;
        for (std::size_t p = x.start[i]; p < x.start[i + 1]; ++p) {
            const double w = x.value[p];
            double *o = out.data() + static_cast<std::size_t>(x.column[p]) * width;
            for (std::size_t j = 0; j < width; ++j)
                o[j] += w * r[j];
        }
    }
}

// Orthonormalises the columns of a rows x width row-major block in place (modified Gram-Schmidt,
// applied twice for stability). Columns that turn out dependent become zero.
void orthonormalizeColumns(std::vector<double> &a, std::size_t rows, std::size_t width)
{
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t j = 0; j < width; ++j) {
            for (std::size_t k = 0; k < j; ++k) {
                double dot = 0;
                for (std::size_t i = 0; i < rows; ++i)
                    dot += a[i * width + j] * a[i * width + k];
                for (std::size_t i = 0; i < rows; ++i)
                    a[i * width + j] -= dot * a[i * width + k];
            }
            double norm = 0;
            for (std::size_t i = 0; i < rows; ++i)
                norm += a[i * width + j] * a[i * width + j];
            norm = std::sqrt(norm);
            const double scale = norm > 1e-10 ? 1.0 / norm : 0.0;
            for (std::size_t i = 0; i < rows; ++i)
                a[i * width + j] *= scale;
        }
    }
}

// Eigen-decomposition of a small symmetric matrix (n x n, row-major) by cyclic Jacobi rotations:
// eigenvalues descending, eigenvectors as the columns of `vectors`, each with its largest entry
// made positive so the result has no arbitrary sign.
void symmetricEigen(std::vector<double> a, std::size_t n, std::vector<double> &values, std::vector<double> &vectors)
{
    std::vector<double> v(n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        v[i * n + i] = 1.0;
    for (int sweep = 0; sweep < 100; ++sweep) {
        double off = 0;
        double total = 0;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j) {
                total += a[i * n + j] * a[i * n + j];
                if (i != j)
                    off += a[i * n + j] * a[i * n + j];
            }
        if (off <= 1e-22 * total || off == 0)
            break;
        for (std::size_t p = 0; p < n; ++p) {
            for (std::size_t q = p + 1; q < n; ++q) {
                const double apq = a[p * n + q];
                if (std::fabs(apq) < 1e-300)
                    continue;
                const double theta = (a[q * n + q] - a[p * n + p]) / (2.0 * apq);
                const double t = (theta >= 0 ? 1.0 : -1.0) / (std::fabs(theta) + std::sqrt(theta * theta + 1.0));
                const double c = 1.0 / std::sqrt(t * t + 1.0);
                const double s = t * c;
                for (std::size_t k = 0; k < n; ++k) {
                    const double akp = a[k * n + p];
                    const double akq = a[k * n + q];
                    a[k * n + p] = c * akp - s * akq;
                    a[k * n + q] = s * akp + c * akq;
                }
                for (std::size_t k = 0; k < n; ++k) {
                    const double apk = a[p * n + k];
                    const double aqk = a[q * n + k];
                    a[p * n + k] = c * apk - s * aqk;
                    a[q * n + k] = s * apk + c * aqk;
                }
                for (std::size_t k = 0; k < n; ++k) {
                    const double vkp = v[k * n + p];
                    const double vkq = v[k * n + q];
                    v[k * n + p] = c * vkp - s * vkq;
                    v[k * n + q] = s * vkp + c * vkq;
                }
            }
        }
    }
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return a[x * n + x] > a[y * n + y]; });
    values.resize(n);
    vectors.assign(n * n, 0.0);
    for (std::size_t c = 0; c < n; ++c) {
        const std::size_t src = order[c];
        values[c] = a[src * n + src];
        std::size_t largest = 0;
        for (std::size_t k = 1; k < n; ++k)
            if (std::fabs(v[k * n + src]) > std::fabs(v[largest * n + src]))
                largest = k;
        const double sign = v[largest * n + src] < 0 ? -1.0 : 1.0;
        for (std::size_t k = 0; k < n; ++k)
            vectors[k * n + c] = sign * v[k * n + src];
    }
}

// The randomized SVD of the rows, as LsaResult.
LsaResult reduce(const SparseRows &x, const LsaOptions &options)
{
    const std::size_t limit = std::min(x.rows, x.columns);
    const std::size_t width = std::min(options.dimensions + options.oversampling, limit);
    const std::size_t dims = std::min(options.dimensions, width);

    DeterministicRandom random(DeterministicRandom::derive(options.seed, 0x15a));
    std::vector<double> omega(x.columns * width);
    for (double &value : omega)
        value = random.roughNormal();
    std::vector<double> q;
    multiply(x, omega, width, q);
    orthonormalizeColumns(q, x.rows, width);
    std::vector<double> z;
    for (int iteration = 0; iteration < options.powerIterations; ++iteration) {
        multiplyTransposed(x, q, width, z);
        orthonormalizeColumns(z, x.columns, width);
        multiply(x, z, width, q);
        orthonormalizeColumns(q, x.rows, width);
    }
    // B = Q^T X; B B^T = Z^T Z with Z = X^T Q. Its eigenvectors are B's left singular vectors.
    multiplyTransposed(x, q, width, z);
    std::vector<double> gram(width * width, 0.0);
    for (std::size_t t = 0; t < x.columns; ++t) {
        const double *r = z.data() + t * width;
        for (std::size_t a = 0; a < width; ++a)
            for (std::size_t b = a; b < width; ++b)
                gram[a * width + b] += r[a] * r[b];
    }
    for (std::size_t a = 0; a < width; ++a)
        for (std::size_t b = 0; b < a; ++b)
            gram[a * width + b] = gram[b * width + a];
    std::vector<double> eigenvalues;
    std::vector<double> eigenvectors;
    symmetricEigen(gram, width, eigenvalues, eigenvectors);

    LsaResult result;
    result.singularValues.resize(dims);
    for (std::size_t k = 0; k < dims; ++k)
        result.singularValues[k] = std::sqrt(std::max(0.0, eigenvalues[k]));
    EmbeddingMatrix &m = result.embedding;
    m.rows = x.rows;
    m.dimensions = dims;
    m.values.assign(m.rows * dims, 0.0f);
    for (std::size_t i = 0; i < x.rows; ++i) {
        const double *qi = q.data() + i * width;
        for (std::size_t k = 0; k < dims; ++k) {
            double sum = 0;
            for (std::size_t j = 0; j < width; ++j)
                sum += qi[j] * eigenvectors[j * width + k];
            m.values[i * dims + k] = static_cast<float>(sum * result.singularValues[k]);
        }
    }
    normalizeRows(m);
    return result;
}

} // namespace

Result<LsaResult> latentSemanticAnalysis(const TopicCorpus &corpus, const LsaOptions &options)
{
    if (options.dimensions == 0)
        return Error{"LSA: dimensions must be at least 1"};
    if (corpus.size() == 0 || corpus.termCount() == 0)
        return Error{"LSA: the corpus has no posts or no terms left after filtering (lower --min-count?)"};
    return reduce(tfidfRows(corpus), options);
}

Result<LsaResult> reduceWeightedRows(const std::vector<std::vector<std::pair<int, double>>> &rows, std::size_t columns,
                                     const LsaOptions &options)
{
    if (options.dimensions == 0)
        return Error{"LSA: dimensions must be at least 1"};
    if (rows.empty() || columns == 0)
        return Error{"LSA: no rows or no columns to reduce"};
    SparseRows x;
    x.rows = rows.size();
    x.columns = columns;
    x.start.reserve(x.rows + 1);
    x.start.push_back(0);
    for (const auto &row : rows) {
        for (const auto &[column, value] : row) {
            if (column < 0 || static_cast<std::size_t>(column) >= columns)
                return Error{"LSA: column " + std::to_string(column) + " outside the " + std::to_string(columns) + " columns"};
            x.column.push_back(static_cast<std::uint32_t>(column));
            x.value.push_back(value);
        }
        x.start.push_back(x.value.size());
    }
    return reduce(x, options);
}

} // namespace chorus
