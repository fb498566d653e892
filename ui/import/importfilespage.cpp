#include "ui/import/importfilespage.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

// The dataset name the command line would choose: the first input's name without extensions.
QString defaultDatasetName(const QString &path)
{
    QString name = QFileInfo(path).fileName();
    if (name.isEmpty())
        name = QFileInfo(QFileInfo(path).absolutePath()).fileName();
    const int dot = name.indexOf(QLatin1Char('.'));
    return dot > 0 ? name.left(dot) : name;
}

} // namespace

ImportFilesPage::ImportFilesPage(QWidget *parent)
    : QWizardPage(parent), m_files(new QListWidget), m_dataset(new QLineEdit), m_remove(new QPushButton(tr("&Remove")))
{
    setTitle(tr("Files"));
    setSubTitle(tr("Choose the files to import (several files of one format go into one dataset) and name the dataset. "
                   "An existing dataset keeps its posts; posts already in it are skipped."));
    m_files->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_dataset->setPlaceholderText(tr("Dataset name"));

    auto *addFilesButton = new QPushButton(tr("Add &files..."));
    auto *addFolderButton = new QPushButton(tr("Add f&older..."));
    addFolderButton->setToolTip(tr("A folder of images (one sub-folder per label)"));
    m_remove->setEnabled(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(addFilesButton);
    buttons->addWidget(addFolderButton);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);

    auto *form = new QFormLayout;
    form->addRow(tr("&Dataset:"), m_dataset);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_files, 1);
    layout->addLayout(buttons);
    layout->addLayout(form);

    connect(addFilesButton, &QPushButton::clicked, this, &ImportFilesPage::chooseFiles);
    connect(addFolderButton, &QPushButton::clicked, this, &ImportFilesPage::chooseFolder);
    connect(m_remove, &QPushButton::clicked, this, &ImportFilesPage::removeSelected);
    connect(m_files, &QListWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_files->selectedItems().isEmpty()); });
    connect(m_dataset, &QLineEdit::textEdited, this, [this] {
        m_datasetEdited = !m_dataset->text().isEmpty();
        emit completeChanged();
    });
}

QStringList ImportFilesPage::files() const
{
    QStringList paths;
    for (int i = 0; i < m_files->count(); ++i)
        paths << m_files->item(i)->text();
    return paths;
}

void ImportFilesPage::setFiles(const QStringList &paths)
{
    m_files->clear();
    addFiles(paths);
}

void ImportFilesPage::addFiles(const QStringList &paths)
{
    for (const QString &path : paths)
        if (!path.isEmpty() && m_files->findItems(path, Qt::MatchExactly).isEmpty())
            m_files->addItem(path);
    filesChanged();
}

QString ImportFilesPage::datasetName() const { return m_dataset->text().trimmed(); }

bool ImportFilesPage::isComplete() const { return m_files->count() > 0 && !datasetName().isEmpty(); }

void ImportFilesPage::chooseFiles()
{
    addFiles(QFileDialog::getOpenFileNames(
        this, tr("Import files"), QString(),
        tr("Data files (*.csv *.tsv *.tab *.jsonl *.ndjson *.json *.zst *.mp4 *.avi *.mov *.mkv *.webm);;All files (*)")));
}

void ImportFilesPage::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Import a folder"));
    if (!folder.isEmpty())
        addFiles({folder});
}

void ImportFilesPage::removeSelected()
{
    qDeleteAll(m_files->selectedItems());
    filesChanged();
}

void ImportFilesPage::filesChanged()
{
    if (!m_datasetEdited)
        m_dataset->setText(m_files->count() > 0 ? defaultDatasetName(m_files->item(0)->text()) : QString());
    emit completeChanged();
}
