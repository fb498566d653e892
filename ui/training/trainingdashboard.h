#pragma once

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <nlohmann/json.hpp>

#include <cstdint>

namespace chorus {
class Project;
}

class CurvePlot;
class ModelFormWidget;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProcess;
class QPushButton;
class QSlider;
class WorkerProcess;

// Runs one training at a time in a worker process and shows it live: start, pause, single step,
// resume and stop; the device; curves of the training and validation loss, every validation
// metric and the learning rate (full history, zoom and pan, log scale, smoothing; redrawn at most
// 25 times a second); throughput, elapsed time, ETA and the worker's memory. A worker that fails
// or crashes leaves its message here and its run marked failed; the window stays up.
//
// Learning rate on resume: the value in "Learning rate on resume" is sent with the resume command
// as {"command": "resume", "lr": X}; the worker continues at that rate (the run records an
// "lr_change" artifact) and the learning-rate curve shows the step.
class TrainingDashboard : public QWidget {
    Q_OBJECT

public:
    enum class Phase { Idle, Starting, Running, Paused, Stopping };

    explicit TrainingDashboard(QWidget *parent = nullptr);
    ~TrainingDashboard() override;

    // When no run is training, the curves of the project's latest run are shown from what it
    // recorded, so the tab says where things stand (a run trained from the shell, or before a crash).
    void setProject(chorus::Project *project);
    // The recorded run the idle dashboard shows; 0 when none (or while a run trains here).
    std::int64_t shownRecordedRun() const { return m_shownRun; }
    // Start takes its config from here (what the Models tab shows).
    void setModelForm(ModelFormWidget *form) { m_form = form; }
    // Asks `chorus-cli devices --json` for the CUDA devices without blocking.
    void refreshDevices();

    // Starts a run of this config on the chosen device; returns why it could not start.
    QString start(nlohmann::json config);

    Phase phase() const { return m_phase; }
    std::int64_t runId() const { return m_runId; }
    QString lastStatus() const { return m_lastStatus; }
    QString message() const;

    WorkerProcess *worker() const { return m_worker; }
    CurvePlot *lossPlot() const { return m_loss; }
    CurvePlot *metricsPlot() const { return m_metrics; }
    CurvePlot *ratePlot() const { return m_rate; }
    QComboBox *deviceCombo() const { return m_device; }
    QPushButton *startButton() const { return m_startButton; }
    QPushButton *pauseButton() const { return m_pauseButton; }
    QPushButton *stepButton() const { return m_stepButton; }
    QPushButton *resumeButton() const { return m_resumeButton; }
    QPushButton *stopButton() const { return m_stopButton; }
    QSlider *smoothingSlider() const { return m_smoothing; }
    QCheckBox *logScaleBox() const { return m_logScale; }
    QDoubleSpinBox *resumeRateBox() const { return m_resumeRate; }
    QLabel *statsLabel() const { return m_stats; }

signals:
    // The run ended (finished, stopped or failed): the runs table has something new.
    void runEnded(qint64 runId, const QString &status);

private:
    void startClicked();
    void resumeClicked();
    void setPhase(Phase phase);
    void onStarted(qint64 runId, const QString &device, qint64 totalSteps);
    void onStep(qint64 step, double epoch, double loss, double learningRate, double samplesPerSecond, qint64 totalSteps);
    void onEvaluated(qint64 step, double epoch, const QVariantMap &metrics);
    void onFinished(const QString &status, qint64 steps, const QVariantMap &test);
    void onFailed(const QString &message);
    void showLatestRecordedRun();
    void updateStats();
    void showMessage(const QString &text, bool error);
    void applyPlotOptions();

    chorus::Project *m_project = nullptr;
    ModelFormWidget *m_form = nullptr;
    WorkerProcess *m_worker;
    Phase m_phase = Phase::Idle;
    std::int64_t m_runId = 0;
    std::int64_t m_shownRun = 0;
    QString m_shownStatus;
    std::int64_t m_step = 0;
    std::int64_t m_totalSteps = 0;
    double m_epoch = 0;
    double m_samplesPerSecond = 0;
    double m_lastRate = 0;
    QString m_lastStatus;
    QElapsedTimer m_elapsed;
    qint64 m_pausedMs = 0;
    QElapsedTimer m_pausedSince;
    QTimer m_clock;
    QProcess *m_devicesProcess = nullptr;

    QComboBox *m_device;
    QPushButton *m_startButton;
    QPushButton *m_pauseButton;
    QPushButton *m_stepButton;
    QPushButton *m_resumeButton;
    QPushButton *m_stopButton;
    QDoubleSpinBox *m_resumeRate;
    QSlider *m_smoothing;
    QCheckBox *m_logScale;
    QLabel *m_stats;
    QLabel *m_message;
    CurvePlot *m_loss;
    CurvePlot *m_metrics;
    CurvePlot *m_rate;
};
