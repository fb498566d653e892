#pragma once

#include <QStringList>
#include <QVector>
#include <QWidget>

class QCPColorMap;
class QCPTextElement;
class QCustomPlot;

// A token-by-token attention matrix (a Transformer layer's self-attention, one head or their
// average) as a heatmap with the tokens on both axes: rows are the attending tokens (queries), top
// to bottom, columns the tokens attended to (keys). Right-click exports PNG, SVG, PDF and CSV.
class AttentionHeatmap : public QWidget {
    Q_OBJECT

public:
    explicit AttentionHeatmap(QWidget *parent = nullptr);

    // matrix[query][key]; a matrix that is not tokens x tokens clears the map.
    void setMatrix(const QStringList &tokens, const QVector<QVector<double>> &matrix, const QString &title);
    void clear();

    bool isEmpty() const { return m_matrix.isEmpty(); }
    QStringList tokens() const { return m_tokens; }
    // The value drawn in a cell (0 outside the matrix).
    double cell(int query, int key) const;
    QCustomPlot *plot() const { return m_plot; }
    bool saveCsv(const QString &path) const;

private:
    QCustomPlot *m_plot;
    QCPTextElement *m_title;
    QCPColorMap *m_map = nullptr;
    QStringList m_tokens;
    QVector<QVector<double>> m_matrix;
};
