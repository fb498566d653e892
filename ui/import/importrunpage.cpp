#include "ui/import/importrunpage.h"

#include "ui/import/importwizard.h"
#include "ui/import/importworker.h"

#include <QAbstractButton>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace {

QString duration(double seconds)
{
    const qint64 s = static_cast<qint64>(std::llround(seconds));
    if (s >= 3600)
        return QObject::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    if (s >= 60)
        return QObject::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return QObject::tr("%1 s").arg(s);
}

} // namespace

ImportRunPage::ImportRunPage(QWidget *parent)
    : QWizardPage(parent), m_worker(new ImportWorker(this)), m_progress(new QProgressBar), m_file(new QLabel),
      m_status(new QLabel), m_rate(new QLabel), m_eta(new QLabel), m_cancel(new QPushButton(tr("&Cancel import"))),
      m_start(new QPushButton(tr("&Import again")))
{
    setTitle(tr("Importing"));
    setSubTitle(tr("The import runs in the background. Cancelling keeps what was stored; importing again completes it."));
    m_progress->setRange(0, 1000);
    m_status->setWordWrap(true);
    m_file->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("File:"), m_file);
    form->addRow(tr("Rate:"), m_rate);
    form->addRow(tr("Time left:"), m_eta);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addLayout(buttons);

    connect(m_cancel, &QPushButton::clicked, this, &ImportRunPage::cancelImport);
    connect(m_start, &QPushButton::clicked, this, &ImportRunPage::startImport);
    connect(m_worker, &ImportWorker::progressed, this, &ImportRunPage::showProgress);
    connect(m_worker, &ImportWorker::succeeded, this, &ImportRunPage::finished);
    connect(m_worker, &ImportWorker::failed, this, &ImportRunPage::failed);
    setState(State::Idle);
}

void ImportRunPage::initializePage() { startImport(); }

void ImportRunPage::cleanupPage()
{
    // Back to the options: nothing may still be writing.
    cancelImport();
    m_worker->wait();
    setState(State::Idle);
}

bool ImportRunPage::isComplete() const { return m_state == State::Succeeded || m_state == State::Cancelled; }

void ImportRunPage::startImport()
{
    if (isRunning())
        return;
    const auto *wizard = static_cast<const ImportWizard *>(this->wizard());
    m_report.reset();
    m_error.clear();
    m_progress->setValue(0);
    m_file->clear();
    m_rate->clear();
    m_eta->clear();
    m_status->setText(tr("Starting..."));
    if (!m_worker->start(wizard->projectPath(), wizard->files(), wizard->importOptions()))
        return;
    setState(State::Running);
}

void ImportRunPage::cancelImport()
{
    if (!isRunning())
        return;
    m_worker->cancel();
    m_cancel->setEnabled(false);
    m_status->setText(tr("Cancelling..."));
}

void ImportRunPage::showProgress(const chorus::ImportProgress &progress)
{
    m_file->setText(tr("%1 (%2 of %3)")
                        .arg(QFileInfo(QString::fromStdString(progress.file)).fileName())
                        .arg(progress.fileIndex + 1)
                        .arg(progress.fileCount));
    if (progress.totalBytes > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(static_cast<int>(1000.0 * static_cast<double>(progress.bytes) / progress.totalBytes));
    } else {
        m_progress->setRange(0, 0); // folders: no size known in advance
    }
    m_rate->setText(tr("%L1 rows/s").arg(progress.rowsPerSecond, 0, 'f', 0));
    if (progress.totalBytes > 0 && progress.bytes > 0 && progress.bytes < progress.totalBytes) {
        const double left = progress.elapsedSeconds * static_cast<double>(progress.totalBytes - progress.bytes) / progress.bytes;
        m_eta->setText(duration(left));
    } else {
        m_eta->setText(tr("unknown"));
    }
    if (m_cancel->isEnabled())
        m_status->setText(tr("%L1 rows read").arg(progress.rows));
}

void ImportRunPage::finished(const chorus::ImportReport &report)
{
    m_report = report;
    m_progress->setRange(0, 1000);
    if (report.cancelled) {
        m_status->setText(tr("Cancelled: %L1 posts stored, %L2 duplicates skipped, %L3 rows rejected. "
                             "Import again to complete the dataset.")
                              .arg(report.imported)
                              .arg(report.duplicates)
                              .arg(report.rejected));
        m_eta->clear();
        setState(State::Cancelled);
    } else {
        m_progress->setValue(1000);
        m_eta->setText(tr("done"));
        m_status->setText(tr("Done in %1.").arg(duration(report.seconds)));
        setState(State::Succeeded);
    }
    emit importEnded();
    if (!report.cancelled && wizard() && wizard()->currentPage() == this)
        wizard()->next();
}

void ImportRunPage::failed(const QString &message)
{
    m_error = message;
    m_progress->setRange(0, 1000);
    m_status->setText(tr("The import failed: %1").arg(message));
    setState(State::Failed);
    emit importEnded();
}

void ImportRunPage::setState(State state)
{
    m_state = state;
    m_cancel->setEnabled(state == State::Running);
    m_cancel->setVisible(state == State::Running);
    m_start->setVisible(state == State::Cancelled || state == State::Failed);
    emit completeChanged();
    if (wizard() && wizard()->currentPage() == this)
        if (QAbstractButton *back = wizard()->button(QWizard::BackButton))
            back->setEnabled(state != State::Running);
}
