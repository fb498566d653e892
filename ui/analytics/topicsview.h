#pragma once

#include "core/analytics/topicmodelresult.h"

#include <QWidget>

#include <cstdint>
#include <memory>
#include <optional>

// TimeResolution and the series are declared, not included: core/analytics/timebucket.h's
// chorus::TimeBucket clashes with the enum of that name in core/store/postbrowser.h, and AUTOMOC
// compiles every Q_OBJECT header of the library in one translation unit.
namespace chorus {
class Project;
struct StoredAnalysis;
struct TopicTimeSeries;
enum class TimeResolution;
} // namespace chorus

class AnalyticsRunner;
class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class StackedAreaChart;

// Topic discovery as one action: the form (method, k, embedding, label task, seed) runs core's
// TopicModeler on the analytics thread with its own project connection, stores the topics as a
// label task (TopicStore), and shows them: a table of label, size, NPMI and top terms, the selected
// topic's representative posts, the mean NPMI, and topic sizes over time as stacked areas. The
// stored model of the chosen task is loaded again whenever the project, dataset or task changes.
class TopicsView : public QWidget {
    Q_OBJECT

public:
    enum Column { LabelColumn, SizeColumn, CoherenceColumn, TermsColumn, ColumnCount };

    explicit TopicsView(QWidget *parent = nullptr);
    ~TopicsView() override;

    void setProject(chorus::Project *project);
    void setDataset(std::int64_t datasetId, const QString &name);
    // Re-reads the word2vec runs and stored topic tasks offered by the form.
    void refresh() { refreshChoices(); }

    // The form, for tests and scripting. k = 0: estimated by silhouette.
    void setMethod(const QString &method); // kmeans | density | lda
    void setK(int k);
    void setTask(const QString &task);
    void setSeed(int seed);
    // 0: LSA; otherwise the vectors of that word2vec run.
    void setEmbeddingRun(std::int64_t runId);

    void run();
    void cancel();
    bool isRunning() const;
    // Loads the stored model of the task in the background (what opening the panel does).
    void reloadStored();
    // Shows a stored topics analysis: its topics at once, their sizes over time (read in the
    // background) while its task's labels still hold that model. False, with the reason in the
    // status line, when it is not a topics analysis.
    bool showStored(const chorus::StoredAnalysis &analysis);

    // The model shown (computed or stored), nullopt when none.
    const std::optional<chorus::TopicModelResult> &result() const { return m_result; }
    const chorus::TopicTimeSeries &timeline() const;
    QTableWidget *table() const { return m_table; }
    QListWidget *representatives() const { return m_representatives; }
    StackedAreaChart *chart() const { return m_chart; }
    QLabel *statusLabel() const { return m_status; }
    QProgressBar *progressBar() const { return m_progress; }

    // One row per topic: id, label, size, npmi, terms (space separated), representative post ids.
    bool exportTableCsv(const QString &path) const;
    // .png, .svg, .pdf or .csv (the sizes per bucket).
    bool exportChart(const QString &path) const;

signals:
    // A model was computed and stored, or loaded from the project.
    void resultShown();
    // The project's label tasks changed (a new topic task was stored).
    void labelsChanged();
    // A computed model was also kept as stored analysis `id`.
    void analysisStored(qint64 id);

private:
    void showResult();
    void showRepresentatives();
    void refreshChoices();
    void setBusy(bool busy);
    chorus::TimeResolution resolution() const;

    chorus::Project *m_project = nullptr;
    std::int64_t m_datasetId = 0;
    QString m_datasetName;
    AnalyticsRunner *m_runner;
    QComboBox *m_method;
    QSpinBox *m_k;
    QComboBox *m_embedding;
    QComboBox *m_task;
    QSpinBox *m_seed;
    QCheckBox *m_replace;
    QComboBox *m_resolution;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_summary;
    QTableWidget *m_table;
    QListWidget *m_representatives;
    StackedAreaChart *m_chart;
    QPushButton *m_exportTable;
    QPushButton *m_exportChart;

    bool m_computing = false; // a model is being computed (not merely loaded)
    std::optional<chorus::TopicModelResult> m_result;
    std::unique_ptr<chorus::TopicTimeSeries> m_timeline;
    struct Pending;
    std::shared_ptr<Pending> m_pending;
};
