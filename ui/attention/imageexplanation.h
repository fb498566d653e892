#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

// What `chorus-cli explain --json` says about one post's picture, for the attention explorer's
// image pane: the Grad-CAM map (row-major, values in [0, 1], at most 64 x 64 cells over the square
// the model saw) with the class it explains, and for co-attention fusion runs each token's weights
// over the image regions with the grid those regions form.
struct ImageExplanation {
    Q_DECLARE_TR_FUNCTIONS(ImageExplanation)

public:
    qint64 runId = 0;
    qint64 postId = 0;
    int gradCamHeight = 0;
    int gradCamWidth = 0;
    QVector<double> gradCam;
    QString explainedClass; // empty for a regression run
    QStringList tokens;
    QVector<QVector<double>> textToImage; // [token][region], regions row by row over the grid
    int regionRows = 0;
    int regionColumns = 0;
    QStringList mediaProblems; // pictures the worker could not read

    bool hasGradCam() const { return gradCamHeight > 0 && gradCamWidth > 0; }
    bool hasCoAttention() const { return regionRows > 0 && regionColumns > 0 && !textToImage.isEmpty(); }

    // Parses the worker's JSON; an empty optional with *error set when it is not an explanation
    // (or the worker reported an error), or a map's size does not match its values.
    static std::optional<ImageExplanation> fromJson(const QByteArray &json, QString *error);
};
