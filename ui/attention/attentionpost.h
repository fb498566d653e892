#pragma once

#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

// One probe post in one attention snapshot: what the model attended to and what it predicted.
// Every part but the id is optional: a text model has no frames, a video model no tokens.
struct AttentionPost {
    qint64 postId = 0;
    QStringList tokens;
    QVector<double> weights; // one per token
    QVector<double> frameWeights;
    QVector<QPair<QString, double>> modalityWeights; // in the order the model names them
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
