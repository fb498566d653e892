#pragma once

#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

// One post of a probe post's reply thread, as a thread model (hierarchical attention) weighed it:
// its post-level weight and its tokens with their word-level weights.
struct AttentionThreadPost {
    qint64 postId = 0;
    double weight = 0; // over the thread's posts, summing to 1
    QStringList tokens;
    QVector<double> weights; // one per token, summing to 1 over the post
};

// One probe post in one attention snapshot: what the model attended to and what it predicted.
// Every part but the id is optional: a text model has no frames, a video model no tokens.
struct AttentionPost {
    qint64 postId = 0;
    QStringList tokens;
    QVector<double> weights; // one per token
    // Transformers (see AttentionHeads): per layer and head, the attention each token receives
    // ([layer][head][token]); the attention matrices per layer and head ([layer][head][query][key])
    // or, for posts too long to keep them, per layer averaged over heads ([layer][query][key]).
    QVector<QVector<QVector<double>>> headWeights;
    QVector<QVector<QVector<QVector<double>>>> headMatrices;
    QVector<QVector<QVector<double>>> layerMatrices;
    QVector<double> frameWeights;
    QVector<QPair<QString, double>> modalityWeights; // in the order the model names them
    QVector<AttentionThreadPost> thread;             // thread models: oldest first, this post last
    QString label;                                   // the true class
    QVector<double> probabilities;                   // one per class of the snapshot

    // Index of the most probable class, -1 without probabilities.
    int predicted() const
    {
        int best = -1;
        for (int i = 0; i < probabilities.size(); ++i)
            if (best < 0 || probabilities[i] > probabilities[best])
                best = i;
        return best;
    }
};
