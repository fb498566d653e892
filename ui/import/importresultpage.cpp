#include "ui/import/importresultpage.h"

#include "ui/import/importrunpage.h"
#include "ui/import/importwizard.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

ImportResultPage::ImportResultPage(QWidget *parent)
    : QWizardPage(parent), m_summary(new QLabel), m_rejected(new QTableWidget(0, 3))
{
    setTitle(tr("Result"));
    m_summary->setWordWrap(true);
    m_rejected->setHorizontalHeaderLabels({tr("File"), tr("Line"), tr("Reason")});
    m_rejected->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rejected->verticalHeader()->setVisible(false);
    m_rejected->horizontalHeader()->setStretchLastSection(true);
    m_rejected->setSortingEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(new QLabel(tr("Rejected rows:")));
    layout->addWidget(m_rejected, 1);
}

void ImportResultPage::initializePage()
{
    const auto *wizard = static_cast<const ImportWizard *>(this->wizard());
    const auto &report = wizard->runPage()->report();
    m_rejected->setRowCount(0);
    if (!report) {
        m_summary->setText(tr("Nothing was imported."));
        return;
    }
    QString summary = tr("Dataset '%1': %L2 posts imported, %L3 duplicates skipped, %L4 rows rejected in %5 s.")
                          .arg(QString::fromStdString(report->dataset))
                          .arg(report->imported)
                          .arg(report->duplicates)
                          .arg(report->rejected)
                          .arg(report->seconds, 0, 'f', 1);
    if (report->cancelled)
        summary += QLatin1Char(' ') + tr("The import was cancelled; import again to complete it.");
    if (report->rejected > static_cast<std::int64_t>(report->errors.size()))
        summary += QLatin1Char(' ') + tr("The first %L1 rejected rows are listed; all are in the project's import log.")
                                          .arg(report->errors.size());
    m_summary->setText(summary);
    m_rejected->setRowCount(static_cast<int>(report->errors.size()));
    for (int row = 0; row < m_rejected->rowCount(); ++row) {
        const chorus::ImportError &error = report->errors[static_cast<std::size_t>(row)];
        auto *file = new QTableWidgetItem(QString::fromStdString(error.file));
        file->setToolTip(file->text());
        auto *line = new QTableWidgetItem;
        line->setData(Qt::DisplayRole, QVariant::fromValue<qulonglong>(error.line));
        auto *reason = new QTableWidgetItem(QString::fromStdString(error.reason));
        reason->setToolTip(reason->text());
        m_rejected->setItem(row, 0, file);
        m_rejected->setItem(row, 1, line);
        m_rejected->setItem(row, 2, reason);
    }
    m_rejected->resizeColumnToContents(1);
}
