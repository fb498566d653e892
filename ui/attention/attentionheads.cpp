#include "ui/attention/attentionheads.h"

QVector<double> AttentionHeads::tokenWeights(const AttentionPost &post, int layer, int head)
{
    if (layer < 0 || layer >= layers(post) || head >= heads(post) || head < kAverage)
        return {};
    const auto &perHead = post.headWeights[layer];
    if (head != kAverage)
        return perHead[head];
    QVector<double> mean(perHead.front().size(), 0.0);
    for (const QVector<double> &weights : perHead)
        for (int t = 0; t < weights.size(); ++t)
            mean[t] += weights[t] / double(perHead.size());
    return mean;
}

QVector<QVector<double>> AttentionHeads::matrix(const AttentionPost &post, int layer, int head)
{
    if (layer < 0 || head < kAverage)
        return {};
    if (layer < post.headMatrices.size() && head < post.headMatrices[layer].size()) {
        const auto &perHead = post.headMatrices[layer];
        if (head != kAverage)
            return perHead[head];
        QVector<QVector<double>> mean = perHead.front();
        for (auto &row : mean)
            row.fill(0.0);
        for (const auto &m : perHead)
            for (int q = 0; q < m.size(); ++q)
                for (int k = 0; k < m[q].size(); ++k)
                    mean[q][k] += m[q][k] / double(perHead.size());
        return mean;
    }
    if (head == kAverage && layer < post.layerMatrices.size())
        return post.layerMatrices[layer];
    return {};
}
