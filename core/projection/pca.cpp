#include "core/projection/pca.h"

#include "core/projection/parallelblocks.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

namespace chorus {

namespace {

// Rows per covariance partial sum: fixed, so the summation order never depends on threads.
constexpr std::size_t kCovarianceBlockRows = 256;

// Householder reduction of the symmetric matrix v (n x n, row-major) to tridiagonal form; on
// return v holds the orthogonal transformation, d the diagonal and e the sub-diagonal (e[0] = 0).
// The JAMA / EISPACK tred2 procedure.
void tridiagonalise(std::vector<double> &v, std::size_t n, std::vector<double> &d, std::vector<double> &e)
{
    auto V = [&](std::size_t i, std::size_t j) -> double & { return v[i * n + j]; };
    for (std::size_t j = 0; j < n; ++j)
        d[j] = V(n - 1, j);
    for (std::size_t i = n - 1; i > 0; --i) {
        double scale = 0.0;
        double h = 0.0;
        for (std::size_t k = 0; k < i; ++k)
            scale += std::abs(d[k]);
        if (scale == 0.0) {
            e[i] = d[i - 1];
            for (std::size_t j = 0; j < i; ++j) {
                d[j] = V(i - 1, j);
                V(i, j) = 0.0;
                V(j, i) = 0.0;
            }
        } else {
            for (std::size_t k = 0; k < i; ++k) {
                d[k] /= scale;
                h += d[k] * d[k];
            }
            double f = d[i - 1];
            double g = std::sqrt(h);
            if (f > 0)
                g = -g;
            e[i] = scale * g;
            h = h - f * g;
            d[i - 1] = f - g;
            for (std::size_t j = 0; j < i; ++j)
                e[j] = 0.0;
            for (std::size_t j = 0; j < i; ++j) {
                f = d[j];
                V(j, i) = f;
                g = e[j] + V(j, j) * f;
                for (std::size_t k = j + 1; k <= i - 1; ++k) {
                    g += V(k, j) * d[k];
                    e[k] += V(k, j) * f;
                }
                e[j] = g;
            }
            f = 0.0;
            for (std::size_t j = 0; j < i; ++j) {
                e[j] /= h;
                f += e[j] * d[j];
            }
            const double hh = f / (h + h);
            for (std::size_t j = 0; j < i; ++j)
                e[j] -= hh * d[j];
            for (std::size_t j = 0; j < i; ++j) {
                f = d[j];
                g = e[j];
                for (std::size_t k = j; k <= i - 1; ++k)
                    V(k, j) -= (f * e[k] + g * d[k]);
                d[j] = V(i - 1, j);
                V(i, j) = 0.0;
            }
        }
        d[i] = h;
    }
    for (std::size_t i = 0; i + 1 < n; ++i) {
        V(n - 1, i) = V(i, i);
        V(i, i) = 1.0;
        const double h = d[i + 1];
        if (h != 0.0) {
            for (std::size_t k = 0; k <= i; ++k)
                d[k] = V(k, i + 1) / h;
            for (std::size_t j = 0; j <= i; ++j) {
                double g = 0.0;
                for (std::size_t k = 0; k <= i; ++k)
                    g += V(k, i + 1) * V(k, j);
                for (std::size_t k = 0; k <= i; ++k)
                    V(k, j) -= g * d[k];
            }
        }
        for (std::size_t k = 0; k <= i; ++k)
            V(k, i + 1) = 0.0;
    }
    for (std::size_t j = 0; j < n; ++j) {
        d[j] = V(n - 1, j);
        V(n - 1, j) = 0.0;
    }
    V(n - 1, n - 1) = 1.0;
    e[0] = 0.0;
}

// Implicit QL on the tridiagonal (d, e) accumulating into v (JAMA tql2); eigenvalues end in d,
// eigenvectors in the columns of v. Returns false if an eigenvalue failed to converge.
bool diagonalise(std::vector<double> &v, std::size_t n, std::vector<double> &d, std::vector<double> &e)
{
    auto V = [&](std::size_t i, std::size_t j) -> double & { return v[i * n + j]; };
    for (std::size_t i = 1; i < n; ++i)
        e[i - 1] = e[i];
    e[n - 1] = 0.0;
    double f = 0.0;
    double tst1 = 0.0;
    const double eps = std::pow(2.0, -52.0);
    for (std::size_t l = 0; l < n; ++l) {
        tst1 = std::max(tst1, std::abs(d[l]) + std::abs(e[l]));
        std::size_t m = l;
        while (m < n) {
            if (std::abs(e[m]) <= eps * tst1)
                break;
            ++m;
        }
        if (m == n)
            m = n - 1;
        if (m > l) {
            int iterations = 0;
            do {
                if (++iterations > 64)
                    return false;
                double g = d[l];
                double p = (d[l + 1] - g) / (2.0 * e[l]);
                double r = std::hypot(p, 1.0);
                if (p < 0)
                    r = -r;
                d[l] = e[l] / (p + r);
                d[l + 1] = e[l] * (p + r);
                const double dl1 = d[l + 1];
                double h = g - d[l];
                for (std::size_t i = l + 2; i < n; ++i)
                    d[i] -= h;
                f += h;
                p = d[m];
                double c = 1.0, c2 = 1.0, c3 = 1.0;
                const double el1 = e[l + 1];
                double s = 0.0, s2 = 0.0;
                for (std::size_t ii = m; ii-- > l;) {
                    const std::size_t i = ii;
                    c3 = c2;
                    c2 = c;
                    s2 = s;
                    g = c * e[i];
                    h = c * p;
                    r = std::hypot(p, e[i]);
                    e[i + 1] = s * r;
                    s = e[i] / r;
                    c = p / r;
                    p = c * d[i] - s * g;
                    d[i + 1] = h + s * (c * g + s * d[i]);
                    for (std::size_t k = 0; k < n; ++k) {
                        h = V(k, i + 1);
                        V(k, i + 1) = s * V(k, i) + c * h;
                        V(k, i) = c * V(k, i) - s * h;
                    }
                }
                p = -s * s2 * c3 * el1 * e[l] / dl1;
                e[l] = s * p;
                d[l] = c * p;
            } while (std::abs(e[l]) > eps * tst1);
        }
        d[l] = d[l] + f;
        e[l] = 0.0;
    }
    return true;
}

} // namespace

Result<PcaResult> principalComponents(const MatrixView &matrix, std::size_t components, int threads)
{
    const std::size_t n = matrix.rows;
    const std::size_t dims = matrix.columns;
    if (components == 0)
        return Error{"PCA needs at least one component"};
    if (n < 2)
        return Error{"PCA needs at least two rows, got " + std::to_string(n)};
    if (components > std::min(n, dims))
        return Error{"asked for " + std::to_string(components) + " principal components of a " + std::to_string(n)
                     + " x " + std::to_string(dims) + " matrix; at most " + std::to_string(std::min(n, dims))
                     + " exist"};
    for (std::size_t i = 0; i < n * dims; ++i)
        if (!std::isfinite(matrix.data[i]))
            return Error{"row " + std::to_string(i / dims) + " holds a value that is not a finite number"};

    threads = resolvedThreadCount(threads);
    PcaResult result;
    result.rows = n;
    result.components = components;
    result.mean.assign(dims, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < dims; ++j)
            result.mean[j] += matrix.row(i)[j];
    for (double &m : result.mean)
        m /= double(n);

    // Upper triangle of the scatter matrix, one partial per fixed block of rows.
    const std::size_t blocks = (n + kCovarianceBlockRows - 1) / kCovarianceBlockRows;
    std::vector<std::vector<double>> partials(blocks);
    parallelBlocks(blocks, threads, [&](std::size_t b0, std::size_t b1) {
        std::vector<double> centred(dims);
        for (std::size_t b = b0; b < b1; ++b) {
            std::vector<double> &s = partials[b];
            s.assign(dims * dims, 0.0);
            const std::size_t r1 = std::min(n, (b + 1) * kCovarianceBlockRows);
            for (std::size_t r = b * kCovarianceBlockRows; r < r1; ++r) {
                const float *row = matrix.row(r);
                for (std::size_t j = 0; j < dims; ++j)
                    centred[j] = double(row[j]) - result.mean[j];
                for (std::size_t a = 0; a < dims; ++a) {
                    const double ca = centred[a];
                    double *out = s.data() + a * dims;
                    for (std::size_t c = a; c < dims; ++c)
                        out[c] += ca * centred[c];
                }
            }
        }
    });
    std::vector<double> covariance(dims * dims, 0.0);
    for (const std::vector<double> &s : partials)
        for (std::size_t i = 0; i < dims * dims; ++i)
            covariance[i] += s[i];
    partials.clear();
    for (std::size_t a = 0; a < dims; ++a) {
        for (std::size_t c = a; c < dims; ++c) {
            covariance[a * dims + c] /= double(n - 1);
            covariance[c * dims + a] = covariance[a * dims + c];
        }
    }
    double totalVariance = 0;
    for (std::size_t a = 0; a < dims; ++a)
        totalVariance += covariance[a * dims + a];

    std::vector<double> eigenvalues(dims), offDiagonal(dims);
    std::vector<double> &vectors = covariance; // transformed in place into the eigenvectors
    tridiagonalise(vectors, dims, eigenvalues, offDiagonal);
    if (!diagonalise(vectors, dims, eigenvalues, offDiagonal))
        return Error{"PCA: the eigenvalue iteration did not converge"};

    std::vector<std::size_t> order(dims);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return eigenvalues[a] > eigenvalues[b]; });

    result.axes.assign(components * dims, 0.0);
    for (std::size_t c = 0; c < components; ++c) {
        const std::size_t column = order[c];
        double *axis = result.axes.data() + c * dims;
        std::size_t largest = 0;
        for (std::size_t j = 0; j < dims; ++j) {
            axis[j] = vectors[j * dims + column];
            if (std::abs(axis[j]) > std::abs(axis[largest]))
                largest = j;
        }
        if (axis[largest] < 0)
            for (std::size_t j = 0; j < dims; ++j)
                axis[j] = -axis[j];
        const double variance = std::max(0.0, eigenvalues[column]);
        result.explainedVariance.push_back(variance);
        result.explainedVarianceRatio.push_back(totalVariance > 0 ? variance / totalVariance : 0.0);
    }

    result.coordinates.resize(n * components);
    parallelBlocks(n, threads, [&](std::size_t r0, std::size_t r1) {
        for (std::size_t r = r0; r < r1; ++r) {
            const float *row = matrix.row(r);
            for (std::size_t c = 0; c < components; ++c) {
                const double *axis = result.axes.data() + c * dims;
                double sum = 0;
                for (std::size_t j = 0; j < dims; ++j)
                    sum += (double(row[j]) - result.mean[j]) * axis[j];
                result.coordinates[r * components + c] = static_cast<float>(sum);
            }
        }
    });
    return result;
}

} // namespace chorus
