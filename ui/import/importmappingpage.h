#pragma once

#include "core/import/importoptions.h"
#include "ui/import/importpreview.h"

#include <QString>
#include <QWizardPage>

class QComboBox;
class QLabel;
class QTableWidget;

// Step 2: the format core detects (the user may pick another), the first rows as a table, and for
// formats that take one (csv, tsv, jsonl) the mapping from each source column to a post field,
// pre-filled with core's guess from the column names.
class ImportMappingPage : public QWizardPage {
    Q_OBJECT

public:
    explicit ImportMappingPage(QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    QString format() const;
    QString detectedFormat() const { return m_detected; }
    void setFormat(const QString &format);
    // What the mapping table says, as core takes it; empty for formats without a mapping.
    chorus::FieldMapping mapping() const;
    // Why the mapping cannot be used; empty when it can.
    QString mappingProblem() const;

    // Targets are "" (not imported), a canonical field ("text", "author", ...), "label:TASK",
    // "image", "video" or "extra". Returns false when the column or target is unknown.
    bool setColumnTarget(const QString &column, const QString &target);
    QString columnTarget(const QString &column) const;

    QComboBox *formatCombo() const { return m_format; }
    QTableWidget *previewTable() const { return m_preview; }
    QTableWidget *mappingTable() const { return m_mapping; }
    QComboBox *targetCombo(const QString &column) const;
    int previewRowCount() const;

private:
    void loadPreview();
    void fillMapping();
    void updateProblem();

    QLabel *m_detectedLabel;
    QComboBox *m_format;
    QTableWidget *m_preview;
    QTableWidget *m_mapping;
    QLabel *m_problem;
    QString m_detected;
    QString m_previewedFile;
    ImportPreview m_data;
};
