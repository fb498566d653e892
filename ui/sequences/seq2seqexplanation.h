#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

// One output of a seq2seq run's beam search, as `chorus-cli explain --json` reports it.
struct Seq2seqCandidate {
    QStringList tokens; // without <bos>/<eos>
    QString text;
    double score = 0;          // log P over the GNMT length penalty: what the beam ranks by
    double logProbability = 0; // log P itself
    bool finished = false;     // ended with <eos> (false: cut at the maximum length)
    // The decoding steps (tokens, then <eos> when finished) and, per step, the cross-attention over
    // the source tokens: attention[step][source token].
    QStringList decodedTokens;
    QVector<QVector<double>> attention;
};

// What explain said about one source for a seq2seq run: the source as the run read it and the
// beam's candidates, best first.
struct Seq2seqExplanation {
    Q_DECLARE_TR_FUNCTIONS(Seq2seqExplanation)

public:
    qint64 runId = 0;
    qint64 postId = 0;       // the post explained, 0 for typed input
    QString sequenceSource;  // "replies" or "behaviour"
    int beamWidth = 0;       // the settings the beam decoded with
    double lengthPenalty = 0;
    QStringList sourceTokens;
    QVector<Seq2seqCandidate> candidates;

    // Parses the worker's JSON; an empty optional with *error set when it is not a seq2seq
    // explanation (or the worker reported an error) or its matrices do not fit their tokens.
    static std::optional<Seq2seqExplanation> fromJson(const QByteArray &json, QString *error);
};
