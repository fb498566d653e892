#pragma once

#include <QWidget>

#include <cstdint>
#include <memory>

// The trend types are declared, not included: core/analytics/timebucket.h's chorus::TimeBucket
// clashes with the enum of that name in core/store/postbrowser.h, and AUTOMOC compiles every
// Q_OBJECT header of the library in one translation unit.
namespace chorus {
class Project;
struct StoredAnalysis;
struct TrendSeries;
} // namespace chorus

class AnalyticsRunner;
class QComboBox;
class QCustomPlot;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

// Trends as one action: the top keys (hashtags, terms or a label task's values) per hour, day or
// week drawn as lines, their bursts (Kleinberg's automaton over each key's share of the posts)
// listed and shaded on the chart, and the posts that drove the selected burst. Counting, burst
// detection, the burst posts and storing the result in the project (AnalysisStore kind "trends")
// all run on the analytics thread; a stored result is shown again without counting.
class TrendsView : public QWidget {
    Q_OBJECT

public:
    enum BurstColumn { KeyColumn, StartColumn, PeakColumn, EndColumn, IntensityColumn, PostsColumn, BurstColumnCount };

    explicit TrendsView(QWidget *parent = nullptr);
    ~TrendsView() override;

    void setProject(chorus::Project *project);
    void setDataset(std::int64_t datasetId);
    // Re-reads the label tasks (after topics were stored, say).
    void refreshTasks();

    // By core's names: hashtag | term | label, and hour | day | week.
    void setKind(const QString &kind);
    void setLabelTask(const QString &task);
    void setResolution(const QString &resolution);
    void setTop(int top);

    void run();
    void cancel();
    bool isRunning() const;
    // Shows a stored trends analysis (the form follows its kind and resolution); false, with the
    // reason in the status line, when it is not one.
    bool showStored(const chorus::StoredAnalysis &analysis);
    // The stored analysis shown; 0 when nothing shown is stored.
    std::int64_t analysisId() const;

    const chorus::TrendSeries &series() const;
    int burstCount() const;
    QTableWidget *burstTable() const { return m_burstTable; }
    QListWidget *burstPosts() const { return m_burstPosts; }
    QCustomPlot *plot() const { return m_plot; }
    QLabel *statusLabel() const { return m_status; }
    // Shaded spans on the chart, one per burst.
    int burstMarkCount() const;

    // The series, one row per bucket: bucket, bucket_start, posts, then a column per key.
    bool exportSeriesCsv(const QString &path) const;
    // key, start, peak, end, intensity, posts.
    bool exportBurstsCsv(const QString &path) const;
    bool exportChart(const QString &path) const;

signals:
    void resultShown();
    // A computed result was stored in the project as analysis `id`.
    void analysisStored(qint64 id);

private:
    void showResult();
    void showBurstPosts();
    void setBusy(bool busy);

    chorus::Project *m_project = nullptr;
    std::int64_t m_datasetId = 0;
    AnalyticsRunner *m_runner;
    QComboBox *m_kind;
    QComboBox *m_task;
    QComboBox *m_resolution;
    QSpinBox *m_top;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_status;
    QCustomPlot *m_plot;
    QTableWidget *m_burstTable;
    QListWidget *m_burstPosts;
    QPushButton *m_exportChart;
    QPushButton *m_exportBursts;

    // The series and bursts shown, and those a run in flight fills.
    struct Shown;
    std::unique_ptr<Shown> m_shown;
    std::shared_ptr<Shown> m_pending;
};
