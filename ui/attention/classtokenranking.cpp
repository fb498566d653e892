#include "ui/attention/classtokenranking.h"

#include <QHash>

#include <algorithm>

QVector<ClassTokens> ClassTokenRanking::rank(const AttentionSnapshot &snapshot, int top)
{
    QVector<ClassTokens> result;
    QVector<QHash<QString, QPair<double, int>>> sums; // token -> (sum of weights, occurrences)
    for (const QString &name : snapshot.classes) {
        result.append({name, 0, {}});
        sums.append(QHash<QString, QPair<double, int>>());
    }
    for (const AttentionPost &post : snapshot.posts) {
        int cls = post.predicted();
        if (cls < 0)
            cls = int(snapshot.classes.indexOf(post.label));
        if (cls < 0 || cls >= result.size())
            continue;
        ++result[cls].posts;
        for (int i = 0; i < post.tokens.size() && i < post.weights.size(); ++i) {
            QPair<double, int> &entry = sums[cls][post.tokens[i]];
            entry.first += post.weights[i];
            ++entry.second;
        }
    }
    for (int c = 0; c < result.size(); ++c) {
        QVector<RankedToken> tokens;
        for (auto it = sums[c].constBegin(); it != sums[c].constEnd(); ++it)
            tokens.append({it.key(), it.value().first / it.value().second, it.value().second});
        // Ties by frequency, then alphabetically, so the order never depends on hashing.
        std::sort(tokens.begin(), tokens.end(), [](const RankedToken &a, const RankedToken &b) {
            if (a.meanWeight != b.meanWeight)
                return a.meanWeight > b.meanWeight;
            if (a.occurrences != b.occurrences)
                return a.occurrences > b.occurrences;
            return a.token < b.token;
        });
        if (tokens.size() > top)
            tokens.resize(top);
        result[c].tokens = tokens;
    }
    return result;
}
