#pragma once

#include "core/import/importoptions.h"

#include <QWizardPage>

class QCheckBox;
class QLineEdit;
class QSpinBox;

// Step 3: what chorus::ImportOptions offers beyond the mapping: privacy, the label task of image
// folders, the batch size.
class ImportOptionsPage : public QWizardPage {
    Q_OBJECT

public:
    explicit ImportOptionsPage(QWidget *parent = nullptr);

    void initializePage() override;
    // Writes the page's choices into options.
    void apply(chorus::ImportOptions &options) const;

    QCheckBox *pseudonymizeBox() const { return m_pseudonymize; }
    QCheckBox *maskContactsBox() const { return m_maskContacts; }
    QCheckBox *skipDuplicateTextBox() const { return m_skipDuplicateText; }
    QLineEdit *folderLabelTaskEdit() const { return m_folderTask; }
    QSpinBox *batchSizeBox() const { return m_batchSize; }

private:
    QCheckBox *m_pseudonymize;
    QCheckBox *m_maskContacts;
    QCheckBox *m_skipDuplicateText;
    QLineEdit *m_folderTask;
    QSpinBox *m_batchSize;
};
