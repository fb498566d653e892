#pragma once

#include "core/analytics/holtforecaster.h"

#include <QWidget>

#include <cstdint>
#include <memory>
#include <optional>

// OpinionSeries is declared, not included: core/analytics/timebucket.h's
// chorus::TimeBucket clashes with the enum of that name in core/store/postbrowser.h, and AUTOMOC
// compiles every Q_OBJECT header of the library in one translation unit.
namespace chorus {
class Project;
struct OpinionReport;
struct OpinionSeries;
struct StoredAnalysis;
} // namespace chorus

class AnalyticsRunner;
class ForecastChart;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class StackedAreaChart;

// Opinion over time as one action: the shares of a label task's classes (e.g. sentiment) per
// bucket, optionally among posts with a hashtag or of one topic, stacked; the largest shift of
// those shares in words; and Holt's forecast of one class's share for the next periods beside its
// history, with the 95% interval as a band. Counting, the forecast of every class at the chosen
// horizon and storing the result (AnalysisStore kind "opinion") run on the analytics thread; a
// stored result is shown again without counting. Another class or horizon is forecast at once (a
// few hundred buckets are instant).
class OpinionView : public QWidget {
    Q_OBJECT

public:
    explicit OpinionView(QWidget *parent = nullptr);
    ~OpinionView() override;

    void setProject(chorus::Project *project);
    void setDataset(std::int64_t datasetId);
    void refreshTasks();

    void setTask(const QString &task);
    // hour | day | week
    void setResolution(const QString &resolution);
    void setHashtag(const QString &hashtag);
    // Only posts whose label of topicTask is topicValue; empty task: no topic filter.
    void setTopicFilter(const QString &topicTask, const QString &topicValue);
    void setHorizon(int periods);
    void setForecastClass(const QString &name);

    void run();
    void cancel();
    bool isRunning() const;
    // Shows a stored opinion analysis (the form follows its task, resolution, filters and
    // horizon); false, with the reason in the status line, when it is not one.
    bool showStored(const chorus::StoredAnalysis &analysis);
    // The stored analysis shown; 0 when nothing shown is stored.
    std::int64_t analysisId() const { return m_analysisId; }

    // The series shown; nullptr before the first run.
    const chorus::OpinionSeries *series() const;
    const std::optional<chorus::HoltForecast> &forecast() const { return m_forecast; }
    StackedAreaChart *sharesChart() const { return m_shares; }
    ForecastChart *forecastChart() const { return m_forecastChart; }
    QLabel *shiftLabel() const { return m_shift; }
    QLabel *statusLabel() const { return m_status; }

    // bucket, bucket_start, posts, a count and a share column per class.
    bool exportSharesCsv(const QString &path) const;

signals:
    void resultShown();
    // A computed result was stored in the project as analysis `id`.
    void analysisStored(qint64 id);

private:
    void showResult();
    void updateForecast();
    void setBusy(bool busy);

    chorus::Project *m_project = nullptr;
    std::int64_t m_datasetId = 0;
    AnalyticsRunner *m_runner;
    QComboBox *m_task;
    QComboBox *m_resolution;
    QLineEdit *m_hashtag;
    QComboBox *m_topicTask;
    QLineEdit *m_topicValue;
    QSpinBox *m_horizon;
    QComboBox *m_forecastClass;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_shift;
    StackedAreaChart *m_shares;
    ForecastChart *m_forecastChart;
    QPushButton *m_exportShares;
    QPushButton *m_exportForecast;

    std::unique_ptr<chorus::OpinionReport> m_report;
    std::int64_t m_analysisId = 0;
    std::optional<chorus::HoltForecast> m_forecast;
    struct Pending;
    std::shared_ptr<Pending> m_pending;
};
