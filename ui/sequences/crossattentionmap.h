#pragma once

#include <QStringList>
#include <QVector>
#include <QWidget>

class QCPColorMap;
class QCPColorScale;
class QCPTextElement;
class QCustomPlot;

// A decoder's cross-attention as a heatmap: one row per decoded token (top to bottom, as the output
// reads) over the source tokens (left to right), each labelled on its axis. Unlike a self-attention
// map the two axes hold different tokens, so the matrix need not be square. Right-click exports
// PNG, SVG, PDF and CSV.
class CrossAttentionMap : public QWidget {
    Q_OBJECT

public:
    explicit CrossAttentionMap(QWidget *parent = nullptr);

    // matrix[decoded][source]; a matrix that does not fit the tokens (or has no cell) clears the map.
    void setMatrix(const QStringList &decodedTokens, const QStringList &sourceTokens,
                   const QVector<QVector<double>> &matrix, const QString &title);
    void clear();

    bool isEmpty() const { return m_matrix.isEmpty(); }
    QStringList decodedTokens() const { return m_decoded; }
    QStringList sourceTokens() const { return m_source; }
    // The value drawn in a cell, read back from the plot (0 outside the matrix).
    double cell(int decoded, int source) const;
    QString title() const;
    QCustomPlot *plot() const { return m_plot; }
    bool saveCsv(const QString &path) const;

private:
    QCustomPlot *m_plot;
    QCPTextElement *m_title;
    QCPColorMap *m_map = nullptr;
    QCPColorScale *m_scale;
    QStringList m_decoded;
    QStringList m_source;
    QVector<QVector<double>> m_matrix;
};
