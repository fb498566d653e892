#include "ui/import/importwizard.h"

#include "ui/import/importfilespage.h"
#include "ui/import/importmappingpage.h"
#include "ui/import/importoptionspage.h"
#include "ui/import/importresultpage.h"
#include "ui/import/importrunpage.h"
#include "ui/import/importworker.h"

#include <QAbstractButton>

ImportWizard::ImportWizard(const QString &projectPath, QWidget *parent)
    : QWizard(parent), m_projectPath(projectPath), m_filesPage(new ImportFilesPage), m_mappingPage(new ImportMappingPage),
      m_optionsPage(new ImportOptionsPage), m_runPage(new ImportRunPage), m_resultPage(new ImportResultPage)
{
    setWindowTitle(tr("Import data"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    resize(820, 620);
    setPage(FilesPageId, m_filesPage);
    setPage(MappingPageId, m_mappingPage);
    setPage(OptionsPageId, m_optionsPage);
    setPage(RunPageId, m_runPage);
    setPage(ResultPageId, m_resultPage);
    setStartId(FilesPageId);
    // QWizard enables Back when it switches pages, after the run page started its import.
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id == RunPageId)
            button(BackButton)->setEnabled(!m_runPage->isRunning());
    });
    connect(m_runPage, &ImportRunPage::importEnded, this, [this] {
        const auto &report = m_runPage->report();
        if (report && report->imported > 0)
            emit datasetImported(QString::fromStdString(report->dataset));
    });
}

ImportWizard::~ImportWizard()
{
    // The worker (a child of the run page) cancels and joins its thread when destroyed.
    m_runPage->worker()->cancel();
}

QStringList ImportWizard::files() const { return m_filesPage->files(); }

QString ImportWizard::datasetName() const { return m_filesPage->datasetName(); }

QString ImportWizard::format() const { return m_mappingPage->format(); }

chorus::ImportOptions ImportWizard::importOptions() const
{
    chorus::ImportOptions options;
    options.format = format().toStdString();
    options.dataset = datasetName().toStdString();
    options.mapping = m_mappingPage->mapping();
    m_optionsPage->apply(options);
    return options;
}

void ImportWizard::reject()
{
    if (m_runPage->isRunning()) {
        m_runPage->cancelImport();
        m_runPage->worker()->wait();
    }
    QWizard::reject();
}
