#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

// The input the projection benchmarks (chorus-bench-tsne, chorus-bench-umap) and their Python
// peers share: a float32 .npy matrix, generated once as a mixture of Gaussians.

// A float32, C-order, two-dimensional .npy file (format version 1.0).
bool writeNpy(const std::string &path, const std::vector<float> &values, std::size_t rows, std::size_t columns);
bool readNpy(const std::string &path, std::vector<float> &values, std::size_t &rows, std::size_t &columns);

// Unit-variance Gaussian clusters with centres drawn at spread 2 per dimension, so clusters
// touch in some directions: a realistic, not trivially separable, embedding task.
std::vector<float> gaussianMixture(std::size_t rows, std::size_t dims, int clusters, std::uint64_t seed);
