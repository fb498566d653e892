#pragma once

#include "ui/attention/attentionsnapshot.h"

#include <QString>
#include <QVector>

// A token's attention averaged over its occurrences in the probe posts predicted as one class.
struct RankedToken {
    QString token;
    double meanWeight = 0;
    int occurrences = 0;
};

struct ClassTokens {
    QString className;
    int posts = 0; // probe posts predicted as this class
    QVector<RankedToken> tokens; // highest mean weight first
};

// What a classifier looks at when it predicts each class: for every predicted class, the tokens
// with the highest average attention over the probe posts it predicted as that class.
class ClassTokenRanking {
public:
    // One entry per class of the snapshot (in its order), each with at most `top` tokens. Posts
    // without probabilities count under their true label.
    static QVector<ClassTokens> rank(const AttentionSnapshot &snapshot, int top);
};
