#include "ui/import/importworker.h"

#include "core/store/project.h"

#include <QMetaObject>
#include <QPointer>
#include <QThread>

#include <exception>
#include <string>
#include <vector>

ImportWorker::ImportWorker(QObject *parent) : QObject(parent) {}

ImportWorker::~ImportWorker()
{
    cancel();
    wait();
}

bool ImportWorker::start(const QString &projectPath, const QStringList &files, const chorus::ImportOptions &options)
{
    if (m_running)
        return false;
    wait(); // the previous thread has reported; let it end before starting the next
    std::vector<std::string> paths;
    for (const QString &file : files)
        paths.push_back(file.toStdString());
    const std::string project = projectPath.toStdString();
    auto cancelFlag = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancelFlag;
    m_running = true;
    QPointer<ImportWorker> self(this);

    m_thread = QThread::create([self, project, paths, options, cancelFlag] {
        // Results go back as queued calls on this object: they are dropped if it is gone.
        auto deliverFailure = [self](const QString &message) {
            QMetaObject::invokeMethod(self.data(), [self, message] {
                if (self) {
                    self->m_running = false;
                    emit self->failed(message);
                }
            }, Qt::QueuedConnection);
        };
        try {
            auto opened = chorus::Project::open(project, chorus::Project::OpenMode::OpenExisting);
            if (!opened) {
                deliverFailure(QString::fromStdString(opened.message()));
                return;
            }
            chorus::ImportJob job(**opened, options);
            auto report = job.run(paths, [self, cancelFlag](const chorus::ImportProgress &progress) {
                if (*cancelFlag)
                    return false;
                QMetaObject::invokeMethod(self.data(), [self, progress] {
                    if (self && self->m_running)
                        emit self->progressed(progress);
                }, Qt::QueuedConnection);
                return true;
            });
            if (!report) {
                deliverFailure(QString::fromStdString(report.message()));
                return;
            }
            const chorus::ImportReport result = *report;
            QMetaObject::invokeMethod(self.data(), [self, result] {
                if (self) {
                    self->m_running = false;
                    emit self->succeeded(result);
                }
            }, Qt::QueuedConnection);
        } catch (const std::exception &e) {
            deliverFailure(tr("Import failed: %1").arg(QString::fromUtf8(e.what())));
        }
    });
    m_thread->start();
    return true;
}

void ImportWorker::cancel()
{
    if (m_cancel)
        *m_cancel = true;
}

void ImportWorker::wait()
{
    if (!m_thread)
        return;
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}
