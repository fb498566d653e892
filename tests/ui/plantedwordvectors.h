#pragma once

// Word vectors with three planted clusters, shared by the projector's tests.
#include "core/embeddings/wordvectors.h"
#include "core/util/deterministicrandom.h"

#include <QString>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace planted {

inline const char *const kClusters[] = {"apple", "river", "stone"};
inline constexpr int kPerCluster = 20;
inline constexpr int kWords = 3 * kPerCluster;
inline constexpr std::size_t kDims = 16;

// Three tight clusters around orthogonal directions: every word's cosine neighbours are its own
// cluster's words.
inline chorus::WordVectors clusteredVectors()
{
    chorus::DeterministicRandom random(11);
    std::vector<std::string> words;
    std::vector<float> matrix;
    for (int c = 0; c < 3; ++c)
        for (int i = 0; i < kPerCluster; ++i) {
            words.push_back(kClusters[c] + QStringLiteral("%1").arg(i, 2, 10, QLatin1Char('0')).toStdString());
            for (std::size_t d = 0; d < kDims; ++d)
                matrix.push_back(float((d == std::size_t(c) * 5 ? 4.0 : 0.0) + 0.6 * (random.uniform() - 0.5)));
        }
    auto vectors = chorus::WordVectors::create(std::move(words), kDims, std::move(matrix));
    return vectors ? std::move(*vectors) : chorus::WordVectors();
}

} // namespace planted
