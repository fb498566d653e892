#pragma once

#include "core/import/importjob.h"

#include <QWizardPage>

#include <optional>

class ImportWorker;
class QLabel;
class QProgressBar;
class QPushButton;

// Step 4: the import on a worker thread, with progress, rows per second, time left and Cancel.
// Starts when the page is shown. A cancelled import keeps what it stored and can be started
// again (posts already stored are skipped); a finished one moves on to the result.
class ImportRunPage : public QWizardPage {
    Q_OBJECT

public:
    enum class State { Idle, Running, Succeeded, Cancelled, Failed };
    Q_ENUM(State)

    explicit ImportRunPage(QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running; }
    // The last finished (or cancelled) import's report.
    const std::optional<chorus::ImportReport> &report() const { return m_report; }
    QString errorMessage() const { return m_error; }

    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *startButton() const { return m_start; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *rateLabel() const { return m_rate; }
    QLabel *etaLabel() const { return m_eta; }
    ImportWorker *worker() const { return m_worker; }

public slots:
    void startImport();
    void cancelImport();

signals:
    void importEnded();

private:
    void showProgress(const chorus::ImportProgress &progress);
    void finished(const chorus::ImportReport &report);
    void failed(const QString &message);
    void setState(State state);

    ImportWorker *m_worker;
    QProgressBar *m_progress;
    QLabel *m_file;
    QLabel *m_status;
    QLabel *m_rate;
    QLabel *m_eta;
    QPushButton *m_cancel;
    QPushButton *m_start;
    State m_state = State::Idle;
    std::optional<chorus::ImportReport> m_report;
    QString m_error;
};
