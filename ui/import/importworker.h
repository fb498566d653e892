#pragma once

#include "core/import/importjob.h"
#include "core/import/importoptions.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

class QThread;

// Runs one chorus::ImportJob on a thread of its own, which opens its own Project connection
// (SQLite connections are per thread). Progress and the outcome arrive on the thread that owns
// this object. Destroying it cancels a running import and waits for the thread, so nothing
// outlives the window that started it.
class ImportWorker : public QObject {
    Q_OBJECT

public:
    explicit ImportWorker(QObject *parent = nullptr);
    ~ImportWorker() override;

    // Returns false (and does nothing) while an import is running.
    bool start(const QString &projectPath, const QStringList &files, const chorus::ImportOptions &options);
    // The job stops at its next progress call and keeps what it stored.
    void cancel();
    bool isRunning() const { return m_running; }
    // Blocks until the thread has ended (for shutdown).
    void wait();

signals:
    void progressed(const chorus::ImportProgress &progress);
    // cancelled imports succeed with report.cancelled set.
    void succeeded(const chorus::ImportReport &report);
    void failed(const QString &message);

private:
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_running = false;
};
