#include "ui/import/importoptionspage.h"

#include "ui/import/importwizard.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

ImportOptionsPage::ImportOptionsPage(QWidget *parent)
    : QWizardPage(parent), m_pseudonymize(new QCheckBox(tr("&Pseudonymise users"))),
      m_maskContacts(new QCheckBox(tr("&Mask e-mail addresses and phone numbers in text"))),
      m_skipDuplicateText(new QCheckBox(tr("S&kip posts whose text repeats an earlier post's"))), m_folderTask(new QLineEdit),
      m_batchSize(new QSpinBox)
{
    setTitle(tr("Options"));
    setSubTitle(tr("Privacy and storage options. Click Import to start; the window stays usable meanwhile."));
    const chorus::ImportOptions defaults;
    m_pseudonymize->setToolTip(tr("User ids become keyed hashes (the key is this project's secret); user names are dropped."));
    m_skipDuplicateText->setToolTip(tr("Retweets and copy-paste spam: a post whose text (letter case and spacing aside) is "
                                       "already in the dataset or earlier in the files is skipped and counted as a duplicate."));
    m_skipDuplicateText->setChecked(defaults.skipDuplicateText);
    m_folderTask->setText(QString::fromStdString(defaults.folderLabelTask));
    m_folderTask->setToolTip(tr("Image folders: the sub-folder name becomes the label of this task."));
    m_batchSize->setRange(1, 1000000);
    m_batchSize->setValue(static_cast<int>(defaults.batchSize));
    m_batchSize->setToolTip(tr("Rows per transaction: what a crash can lose, and what re-running the import completes."));

    auto *duplicates = new QLabel(tr("Posts already in the dataset (same source id) are skipped as duplicates, so "
                                     "importing a file again completes an interrupted import without storing twice."));
    duplicates->setWordWrap(true);
    auto *form = new QFormLayout(this);
    form->addRow(m_pseudonymize);
    form->addRow(m_maskContacts);
    form->addRow(m_skipDuplicateText);
    form->addRow(tr("Folder &label task:"), m_folderTask);
    form->addRow(tr("&Batch size:"), m_batchSize);
    form->addRow(duplicates);
    setButtonText(QWizard::NextButton, tr("&Import"));
}

void ImportOptionsPage::initializePage()
{
    m_folderTask->setEnabled(static_cast<const ImportWizard *>(wizard())->format() == QLatin1String("images"));
}

void ImportOptionsPage::apply(chorus::ImportOptions &options) const
{
    options.privacy.pseudonymizeUsers = m_pseudonymize->isChecked();
    options.privacy.maskContacts = m_maskContacts->isChecked();
    options.skipDuplicateText = m_skipDuplicateText->isChecked();
    const QString task = m_folderTask->text().trimmed();
    if (!task.isEmpty())
        options.folderLabelTask = task.toStdString();
    options.batchSize = static_cast<std::size_t>(m_batchSize->value());
}
