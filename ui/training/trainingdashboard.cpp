#include "ui/training/trainingdashboard.h"

#include "core/store/project.h"
#include "core/training/runstore.h"
#include "ui/common/runstatus.h"
#include "ui/models/modelformwidget.h"
#include "ui/training/curveplot.h"
#include "ui/training/workerprocess.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProcess>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QVBoxLayout>

#include <optional>

namespace {

QString duration(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    if (seconds >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(seconds / 3600)
            .arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

// Resident memory of a process in bytes (Linux /proc); 0 where unknown.
qint64 residentBytes(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (pid <= 0 || !status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    return 0;
}

} // namespace

TrainingDashboard::TrainingDashboard(QWidget *parent)
    : QWidget(parent), m_worker(new WorkerProcess(this)), m_device(new QComboBox),
      m_startButton(new QPushButton(tr("Start"))), m_pauseButton(new QPushButton(tr("Pause"))), m_stepButton(new QPushButton(tr("Step"))),
      m_resumeButton(new QPushButton(tr("Resume"))), m_stopButton(new QPushButton(tr("Stop"))), m_resumeRate(new QDoubleSpinBox),
      m_smoothing(new QSlider(Qt::Horizontal)), m_logScale(new QCheckBox(tr("Log scale"))), m_stats(new QLabel),
      m_message(new QLabel), m_loss(new CurvePlot(tr("step"), tr("loss"))),
      m_metrics(new CurvePlot(tr("step"), tr("validation metric"))), m_rate(new CurvePlot(tr("step"), tr("learning rate")))
{
    m_device->addItem(tr("Automatic (CUDA when present)"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_startButton->setToolTip(tr("Train the configuration of the Models tab"));
    m_stepButton->setToolTip(tr("While paused: run one optimisation step"));
    m_resumeRate->setDecimals(6);
    m_resumeRate->setRange(0, 10);
    m_resumeRate->setSingleStep(0.0001);
    m_resumeRate->setSpecialValueText(tr("keep"));
    m_resumeRate->setToolTip(tr("Learning rate from the resumed step on (0: keep the schedule). The change is recorded "
                                "with the run and shows in its learning-rate curve."));
    m_smoothing->setRange(0, 99);
    m_smoothing->setToolTip(tr("Smoothing (exponential moving average) of the drawn curves"));
    m_stats->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Device")));
    controls->addWidget(m_device);
    for (QPushButton *b : {m_startButton, m_pauseButton, m_stepButton, m_resumeButton, m_stopButton})
        controls->addWidget(b);
    controls->addWidget(new QLabel(tr("Learning rate on resume")));
    controls->addWidget(m_resumeRate);
    controls->addStretch(1);
    controls->addWidget(new QLabel(tr("Smoothing")));
    controls->addWidget(m_smoothing);
    controls->addWidget(m_logScale);

    auto *plots = new QSplitter(Qt::Vertical);
    plots->addWidget(m_loss);
    plots->addWidget(m_metrics);
    plots->addWidget(m_rate);
    plots->setStretchFactor(0, 3);
    plots->setStretchFactor(1, 3);
    plots->setStretchFactor(2, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_stats);
    layout->addWidget(m_message);
    layout->addWidget(plots, 1);

    connect(m_startButton, &QPushButton::clicked, this, &TrainingDashboard::startClicked);
    connect(m_pauseButton, &QPushButton::clicked, m_worker, &WorkerProcess::pause);
    connect(m_stepButton, &QPushButton::clicked, m_worker, &WorkerProcess::step);
    connect(m_resumeButton, &QPushButton::clicked, this, &TrainingDashboard::resumeClicked);
    connect(m_stopButton, &QPushButton::clicked, this, [this] {
        m_worker->stop();
        setPhase(Phase::Stopping);
    });
    connect(m_smoothing, &QSlider::valueChanged, this, &TrainingDashboard::applyPlotOptions);
    connect(m_logScale, &QCheckBox::toggled, this, &TrainingDashboard::applyPlotOptions);

    connect(m_worker, &WorkerProcess::started, this, &TrainingDashboard::onStarted);
    connect(m_worker, &WorkerProcess::stepReported, this, &TrainingDashboard::onStep);
    connect(m_worker, &WorkerProcess::evaluated, this, &TrainingDashboard::onEvaluated);
    connect(m_worker, &WorkerProcess::paused, this, [this](qint64 step) {
        m_step = step > m_step ? step : m_step;
        m_pausedSince.start();
        setPhase(Phase::Paused);
        showMessage(tr("Paused at step %1.").arg(step), false);
    });
    connect(m_worker, &WorkerProcess::resumed, this, [this] {
        if (m_pausedSince.isValid())
            m_pausedMs += m_pausedSince.elapsed();
        m_pausedSince.invalidate();
        setPhase(Phase::Running);
    });
    connect(m_worker, &WorkerProcess::finished, this, &TrainingDashboard::onFinished);
    connect(m_worker, &WorkerProcess::failed, this, &TrainingDashboard::onFailed);
    connect(m_worker, &WorkerProcess::notice, this, [this](const QString &text) { showMessage(text, false); });
    connect(m_worker, &WorkerProcess::exited, this, [this] {
        m_clock.stop();
        updateStats();
        setPhase(Phase::Idle);
    });
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &TrainingDashboard::updateStats);
    setPhase(Phase::Idle);
    updateStats();
}

TrainingDashboard::~TrainingDashboard()
{
    // A device query still running when the window closes is ended, not left to Qt's warning.
    if (m_devicesProcess && m_devicesProcess->state() != QProcess::NotRunning) {
        m_devicesProcess->disconnect(this);
        m_devicesProcess->kill();
        m_devicesProcess->waitForFinished(1000);
    }
}

void TrainingDashboard::setProject(chorus::Project *project)
{
    m_project = project;
    if (m_phase == Phase::Idle)
        showLatestRecordedRun();
}

void TrainingDashboard::showLatestRecordedRun()
{
    m_loss->clear();
    m_metrics->clear();
    m_rate->clear();
    m_shownRun = 0;
    m_shownStatus.clear();
    m_elapsed.invalidate();
    std::optional<chorus::RunSummary> latest;
    if (m_project) {
        chorus::RunStore store(*m_project);
        if (auto last = store.latest())
            latest = *last;
        if (latest) {
            const std::int64_t run = latest->id;
            auto show = [&store, run](CurvePlot *plot, const QString &label, const char *split, const std::string &name) {
                if (auto points = store.history(run, split, name); points && !points->empty())
                    plot->setSeries(label, *points);
            };
            show(m_loss, tr("train loss"), "train", "loss");
            show(m_loss, tr("valid loss"), "valid", "loss");
            show(m_rate, tr("learning rate"), "train", "lr");
            if (auto names = store.metricNames(run, "valid"))
                for (const std::string &name : *names)
                    if (name != "loss")
                        show(m_metrics, tr("valid %1").arg(QString::fromStdString(name)), "valid", name);
            m_shownRun = run;
            m_shownStatus = RunStatus::label(QString::fromStdString(latest->status));
        }
    }
    updateStats();
}

void TrainingDashboard::refreshDevices()
{
    if (m_devicesProcess)
        return;
    m_devicesProcess = new QProcess(this);
    connect(m_devicesProcess, &QProcess::finished, this, [this] {
        const QByteArray out = m_devicesProcess->readAllStandardOutput();
        m_devicesProcess->deleteLater();
        m_devicesProcess = nullptr;
        const nlohmann::json json = nlohmann::json::parse(out.constData(), out.constData() + out.size(), nullptr, false);
        if (!json.is_object() || !json.contains("devices") || !json["devices"].is_array())
            return;
        for (const nlohmann::json &d : json["devices"]) {
            const QString id = QString::fromStdString(d.value("id", ""));
            if (!id.startsWith(QLatin1String("cuda")) || m_device->findData(id) >= 0)
                continue;
            m_device->addItem(tr("%1 (%2)").arg(id, QString::fromStdString(d.value("name", ""))), id);
        }
    });
    connect(m_devicesProcess, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart && m_devicesProcess) {
            m_devicesProcess->deleteLater();
            m_devicesProcess = nullptr;
        }
    });
    m_devicesProcess->start(m_worker->program(), {QStringLiteral("devices"), QStringLiteral("--json")});
}

void TrainingDashboard::startClicked()
{
    if (!m_form) {
        showMessage(tr("No model is configured."), true);
        return;
    }
    if (!m_form->isValid()) {
        showMessage(tr("The configuration is not valid: %1").arg(m_form->validationMessage()), true);
        return;
    }
    if (const QString error = start(m_form->config()); !error.isEmpty())
        showMessage(error, true);
}

QString TrainingDashboard::start(nlohmann::json config)
{
    if (!m_project)
        return tr("Open a project first.");
    if (m_phase != Phase::Idle)
        return tr("A run is already training.");
    config["device"] = m_device->currentData().toString().toStdString();
    m_loss->clear();
    m_metrics->clear();
    m_rate->clear();
    m_runId = 0;
    m_shownRun = 0;
    m_step = 0;
    m_totalSteps = 0;
    m_epoch = 0;
    m_samplesPerSecond = 0;
    m_pausedMs = 0;
    m_pausedSince.invalidate();
    m_lastStatus.clear();
    if (const QString error = m_worker->start(QString::fromStdString(m_project->path()), config); !error.isEmpty())
        return error;
    m_elapsed.start();
    m_clock.start();
    setPhase(Phase::Starting);
    showMessage(tr("Starting the worker..."), false);
    updateStats();
    return {};
}

void TrainingDashboard::resumeClicked()
{
    const double rate = m_resumeRate->value();
    // The worker applies the new rate from its next step and records it with the run (an
    // "lr_change" artifact and an lr_changed event); the lr curve shows it.
    m_worker->resume(rate);
    if (rate > 0)
        showMessage(tr("Resuming with learning rate %1 from step %2.").arg(rate).arg(m_step), false);
}

void TrainingDashboard::setPhase(Phase phase)
{
    m_phase = phase;
    m_startButton->setEnabled(phase == Phase::Idle);
    m_device->setEnabled(phase == Phase::Idle);
    m_pauseButton->setEnabled(phase == Phase::Starting || phase == Phase::Running);
    m_stepButton->setEnabled(phase == Phase::Paused);
    m_resumeButton->setEnabled(phase == Phase::Paused);
    m_resumeRate->setEnabled(phase == Phase::Paused);
    m_stopButton->setEnabled(phase == Phase::Starting || phase == Phase::Running || phase == Phase::Paused);
}

void TrainingDashboard::onStarted(qint64 runId, const QString &device, qint64 totalSteps)
{
    m_runId = runId;
    m_totalSteps = totalSteps;
    setPhase(Phase::Running);
    showMessage(tr("Run %1 is training on %2.").arg(runId).arg(device), false);
    updateStats();
}

void TrainingDashboard::onStep(qint64 step, double epoch, double loss, double learningRate, double samplesPerSecond,
                               qint64 totalSteps)
{
    m_step = step;
    m_epoch = epoch;
    m_samplesPerSecond = samplesPerSecond;
    m_lastRate = learningRate;
    if (totalSteps > 0)
        m_totalSteps = totalSteps;
    m_loss->addPoint(tr("train loss"), double(step), loss);
    m_rate->addPoint(tr("learning rate"), double(step), learningRate);
    if (m_phase == Phase::Starting)
        setPhase(Phase::Running);
}

void TrainingDashboard::onEvaluated(qint64 step, double epoch, const QVariantMap &metrics)
{
    for (auto it = metrics.begin(); it != metrics.end(); ++it) {
        if (it.key() == QLatin1String("loss"))
            m_loss->addPoint(tr("valid loss"), double(step), it.value().toDouble());
        else
            m_metrics->addPoint(tr("valid %1").arg(it.key()), double(step), it.value().toDouble());
    }
    m_epoch = epoch;
}

void TrainingDashboard::onFinished(const QString &status, qint64 steps, const QVariantMap &test)
{
    m_lastStatus = status;
    m_step = steps;
    QString text = tr("Run %1 %2 after %3 steps.").arg(m_runId).arg(RunStatus::label(status)).arg(steps);
    if (test.contains(QStringLiteral("accuracy")))
        text += tr(" Test accuracy %1, macro-F1 %2.")
                    .arg(test.value(QStringLiteral("accuracy")).toDouble(), 0, 'f', 3)
                    .arg(test.value(QStringLiteral("macro_f1")).toDouble(), 0, 'f', 3);
    showMessage(text, false);
    emit runEnded(m_runId, status);
}

void TrainingDashboard::onFailed(const QString &message)
{
    m_lastStatus = QStringLiteral("failed");
    showMessage(m_runId > 0 ? tr("Run %1 failed: %2").arg(m_runId).arg(message) : tr("Training failed: %1").arg(message),
                true);
    emit runEnded(m_runId, m_lastStatus);
}

QString TrainingDashboard::message() const { return m_message->text(); }

void TrainingDashboard::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c0392b; font-weight: bold") : QString());
}

void TrainingDashboard::updateStats()
{
    if (!m_elapsed.isValid()) {
        m_stats->setText(m_shownRun > 0
                             ? tr("Run %1 (%2), the project's latest, as it recorded its curves. Press Start for a new run.")
                                   .arg(m_shownRun)
                                   .arg(m_shownStatus)
                             : tr("No run yet: choose a model and its settings on the Models tab, then press Start."));
        return;
    }
    const QLocale locale;
    qint64 pausedMs = m_pausedMs + (m_pausedSince.isValid() ? m_pausedSince.elapsed() : 0);
    const qint64 elapsed = m_elapsed.elapsed();
    const qint64 running = std::max<qint64>(0, elapsed - pausedMs);
    QStringList parts;
    if (m_runId > 0)
        parts << tr("run %1").arg(m_runId);
    parts << tr("step %1 / %2 (epoch %3)").arg(m_step).arg(m_totalSteps).arg(m_epoch, 0, 'f', 2);
    if (m_samplesPerSecond > 0)
        parts << tr("%1 samples/s").arg(locale.toString(m_samplesPerSecond, 'f', 0));
    parts << tr("elapsed %1").arg(duration(elapsed));
    if (m_step > 0 && m_totalSteps > m_step && m_worker->isRunning())
        parts << tr("ETA %1").arg(duration(running * (m_totalSteps - m_step) / m_step));
    if (m_lastRate > 0)
        parts << tr("lr %1").arg(m_lastRate, 0, 'g', 3);
    if (const qint64 bytes = residentBytes(m_worker->processId()); bytes > 0)
        parts << tr("memory %1").arg(locale.formattedDataSize(bytes));
    m_stats->setText(parts.join(QStringLiteral(" · ")));
}

void TrainingDashboard::applyPlotOptions()
{
    const double weight = m_smoothing->value() / 100.0;
    for (CurvePlot *plot : {m_loss, m_metrics, m_rate}) {
        plot->setSmoothing(weight);
        plot->setLogScale(m_logScale->isChecked());
    }
}
