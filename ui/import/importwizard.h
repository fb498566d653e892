#pragma once

#include "core/import/importoptions.h"

#include <QString>
#include <QStringList>
#include <QWizard>

class ImportFilesPage;
class ImportMappingPage;
class ImportOptionsPage;
class ImportResultPage;
class ImportRunPage;

// File > Import: files and dataset name, the format core detects with a preview and an editable
// column mapping, the options core's ImportOptions offers, then the import itself on a worker
// thread (progress, rate, ETA, cancel) and its result with the rejected rows. Non-modal: the main
// window stays usable while an import runs.
class ImportWizard : public QWizard {
    Q_OBJECT

public:
    enum PageId { FilesPageId, MappingPageId, OptionsPageId, RunPageId, ResultPageId };

    // The import opens its own connection to the project at projectPath.
    explicit ImportWizard(const QString &projectPath, QWidget *parent = nullptr);
    ~ImportWizard() override;

    QString projectPath() const { return m_projectPath; }
    QStringList files() const;
    QString datasetName() const;
    QString format() const;
    // Everything the pages say, as core takes it.
    chorus::ImportOptions importOptions() const;

    // For tests and scripting: the pages a user works through.
    ImportFilesPage *filesPage() const { return m_filesPage; }
    ImportMappingPage *mappingPage() const { return m_mappingPage; }
    ImportOptionsPage *optionsPage() const { return m_optionsPage; }
    ImportRunPage *runPage() const { return m_runPage; }
    ImportResultPage *resultPage() const { return m_resultPage; }

public slots:
    // Cancels a running import (keeping what it stored) before closing.
    void reject() override;

signals:
    // A dataset gained posts (also after a cancelled import, which keeps what it stored).
    void datasetImported(const QString &dataset);

private:
    QString m_projectPath;
    ImportFilesPage *m_filesPage;
    ImportMappingPage *m_mappingPage;
    ImportOptionsPage *m_optionsPage;
    ImportRunPage *m_runPage;
    ImportResultPage *m_resultPage;
};
