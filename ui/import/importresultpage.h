#pragma once

#include <QWizardPage>

class QLabel;
class QTableWidget;

// Step 5: what the import stored, skipped and rejected, with the rejected rows (file, line,
// reason) as the project's import log records them.
class ImportResultPage : public QWizardPage {
    Q_OBJECT

public:
    explicit ImportResultPage(QWidget *parent = nullptr);

    void initializePage() override;

    QLabel *summaryLabel() const { return m_summary; }
    QTableWidget *rejectedTable() const { return m_rejected; }

private:
    QLabel *m_summary;
    QTableWidget *m_rejected;
};
