#pragma once

#include "ui/attention/attentionpost.h"

#include <QVector>

// Reads a Transformer's recorded attention (AttentionPost::headWeights and the matrices) for one
// layer and one head, or the average of the layer's heads.
class AttentionHeads {
public:
    static constexpr int kAverage = -1; // as a head: the mean over the layer's heads

    static int layers(const AttentionPost &post) { return int(post.headWeights.size()); }
    static int heads(const AttentionPost &post) { return post.headWeights.isEmpty() ? 0 : int(post.headWeights.front().size()); }

    // The attention each token receives in `layer` (0-based) from `head`; empty when not recorded.
    static QVector<double> tokenWeights(const AttentionPost &post, int layer, int head);
    // The [query][key] matrix; empty when not recorded (long posts keep only the heads' average,
    // or no matrix at all).
    static QVector<QVector<double>> matrix(const AttentionPost &post, int layer, int head);
};
