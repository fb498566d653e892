#pragma once

#include <QStringList>
#include <nlohmann/json_fwd.hpp>
#include <QVector>
#include <QWidget>

namespace chorus {
class Project;
}

class QCPColorMap;
class QCPItemText;
class QCustomPlot;
class QLabel;
class QTableWidget;

// A run's test evaluation (its "evaluation" artifact): the confusion matrix with the counts in
// its cells, precision, recall and F1 per class, and the misclassified test posts, most confident
// mistakes first. Double-clicking a mistake asks for that post to be explained (postActivated).
class EvaluationView : public QWidget {
    Q_OBJECT

public:
    enum MistakeColumn { PostColumn, TextColumn, TrueColumn, PredictedColumn, ConfidenceColumn, MistakeColumnCount };

    explicit EvaluationView(QWidget *parent = nullptr);

    void setProject(chorus::Project *project);
    // Shows the run's test evaluation; returns why nothing is shown (no evaluation yet, a
    // regression run, ...), empty on success. 0 clears the view.
    QString showRun(qint64 runId);
    qint64 run() const { return m_run; }

    QStringList classes() const { return m_classes; }
    // confusion[true][predicted] as shown, and the text drawn in that cell.
    QVector<QVector<qint64>> confusion() const { return m_confusion; }
    QString cellText(int trueClass, int predictedClass) const;
    double cellValue(int trueClass, int predictedClass) const;
    QCustomPlot *matrixPlot() const { return m_plot; }
    QTableWidget *metricsTable() const { return m_metrics; }
    QTableWidget *mistakesTable() const { return m_mistakes; }
    QLabel *summaryLabel() const { return m_summary; }
    bool saveMatrixCsv(const QString &path) const;

signals:
    void postActivated(qint64 runId, qint64 postId);

private:
    void clear();
    QString showEvaluation(const nlohmann::json &root);
    void drawMatrix();
    void mistakeActivated(int row);

    chorus::Project *m_project = nullptr;
    qint64 m_run = 0;
    QStringList m_classes;
    QVector<QVector<qint64>> m_confusion;
    QLabel *m_summary;
    QCustomPlot *m_plot;
    QCPColorMap *m_map = nullptr;
    QVector<QCPItemText *> m_cellTexts; // row-major: true class, then predicted
    QTableWidget *m_metrics;
    QTableWidget *m_mistakes;
};
