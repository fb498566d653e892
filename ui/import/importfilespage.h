#pragma once

#include <QStringList>
#include <QWizardPage>

class QLineEdit;
class QListWidget;
class QPushButton;

// Step 1: the input files (or media folders) and the dataset they go into.
class ImportFilesPage : public QWizardPage {
    Q_OBJECT

public:
    explicit ImportFilesPage(QWidget *parent = nullptr);

    QStringList files() const;
    void setFiles(const QStringList &paths);
    void addFiles(const QStringList &paths);
    QString datasetName() const;
    QLineEdit *datasetEdit() const { return m_dataset; }
    QListWidget *fileList() const { return m_files; }

    bool isComplete() const override;

private slots:
    void chooseFiles();
    void chooseFolder();
    void removeSelected();

private:
    void filesChanged();

    QListWidget *m_files;
    QLineEdit *m_dataset;
    QPushButton *m_remove;
    bool m_datasetEdited = false;
};
