#include "ui/import/importmappingpage.h"

#include "core/import/fieldguess.h"
#include "core/import/recordsource.h"
#include "ui/import/importwizard.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace {

constexpr int kColumnName = 0;
constexpr int kTarget = 1;
constexpr int kSample = 2;

QString labelTarget(const QString &column) { return QStringLiteral("label:") + column.toLower(); }

} // namespace

ImportMappingPage::ImportMappingPage(QWidget *parent)
    : QWizardPage(parent), m_detectedLabel(new QLabel), m_format(new QComboBox), m_preview(new QTableWidget),
      m_mapping(new QTableWidget(0, 3)), m_problem(new QLabel)
{
    setTitle(tr("Format and mapping"));
    setSubTitle(tr("Check the format and the first rows, and say which column holds which post field."));
    for (const std::string &format : chorus::knownImportFormats())
        m_format->addItem(QString::fromStdString(format));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setWordWrap(false);
    m_preview->verticalHeader()->setDefaultSectionSize(22);
    m_mapping->setHorizontalHeaderLabels({tr("Column"), tr("Imported as"), tr("First value")});
    m_mapping->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_mapping->verticalHeader()->setVisible(false);
    m_mapping->horizontalHeader()->setStretchLastSection(true);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));

    auto *form = new QFormLayout;
    form->addRow(tr("Detected:"), m_detectedLabel);
    form->addRow(tr("&Format:"), m_format);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_preview);
    splitter->addWidget(m_mapping);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_problem);

    connect(m_format, &QComboBox::currentTextChanged, this, [this] { loadPreview(); });
}

void ImportMappingPage::initializePage()
{
    const QStringList files = static_cast<const ImportWizard *>(wizard())->files();
    const QString first = files.value(0);
    if (first == m_previewedFile && !m_detected.isNull())
        return; // coming back from a later page: keep what the user chose
    m_previewedFile = first;
    m_detected = QString::fromStdString(chorus::detectImportFormat(first.toStdString()));
    m_detectedLabel->setText(m_detected.isEmpty() ? tr("unknown: choose the format") : m_detected);
    setFormat(m_detected.isEmpty() ? QStringLiteral("csv") : m_detected);
    loadPreview();
}

QString ImportMappingPage::format() const { return m_format->currentText(); }

void ImportMappingPage::setFormat(const QString &format)
{
    const int index = m_format->findText(format);
    if (index >= 0)
        m_format->setCurrentIndex(index); // reloads the preview when it changes
}

void ImportMappingPage::loadPreview()
{
    m_data = ImportPreview::read(m_previewedFile, format());
    m_preview->clear();
    m_preview->setColumnCount(static_cast<int>(m_data.columns.size()));
    m_preview->setRowCount(static_cast<int>(m_data.rows.size()));
    m_preview->setHorizontalHeaderLabels(m_data.columns);
    for (int r = 0; r < m_data.rows.size(); ++r)
        for (int c = 0; c < m_data.rows[r].size() && c < m_data.columns.size(); ++c)
            m_preview->setItem(r, c, new QTableWidgetItem(m_data.rows[r][c].left(200)));
    fillMapping();
    updateProblem();
}

void ImportMappingPage::fillMapping()
{
    m_mapping->setRowCount(0);
    m_mapping->setEnabled(m_data.mappable);
    if (!m_data.mappable)
        return;
    std::vector<std::string> columns;
    for (const QString &column : m_data.columns)
        columns.push_back(column.toStdString());
    // Core's guess, the same the import makes when no mapping is given.
    const std::map<std::string, std::string> guessed = chorus::guessFieldNames(columns);
    const auto &labelNames = chorus::commonLabelNames();

    m_mapping->setRowCount(static_cast<int>(m_data.columns.size()));
    for (int row = 0; row < m_data.columns.size(); ++row) {
        const QString column = m_data.columns[row];
        m_mapping->setItem(row, kColumnName, new QTableWidgetItem(column));
        m_mapping->setItem(row, kSample, new QTableWidgetItem(m_data.rows.isEmpty() ? QString() : m_data.rows[0].value(row)));
        auto *combo = new QComboBox;
        combo->addItem(tr("(not imported)"), QString());
        for (const std::string &field : chorus::FieldMapping::canonicalFields())
            combo->addItem(QString::fromStdString(field), QString::fromStdString(field));
        combo->addItem(tr("label: %1").arg(column.toLower()), labelTarget(column));
        combo->addItem(tr("image path"), QStringLiteral("image"));
        combo->addItem(tr("video path"), QStringLiteral("video"));
        combo->addItem(tr("extra (kept verbatim)"), QStringLiteral("extra"));
        QString target;
        for (const auto &[field, name] : guessed)
            if (name == columns[static_cast<std::size_t>(row)])
                target = QString::fromStdString(field);
        if (target.isEmpty() && std::find(labelNames.begin(), labelNames.end(), column.toLower().toStdString()) != labelNames.end())
            target = labelTarget(column);
        combo->setCurrentIndex(std::max(0, combo->findData(target)));
        connect(combo, &QComboBox::currentIndexChanged, this, [this] { updateProblem(); });
        m_mapping->setCellWidget(row, kTarget, combo);
    }
    m_mapping->resizeColumnToContents(kColumnName);
    m_mapping->setColumnWidth(kTarget, 200);
}

QComboBox *ImportMappingPage::targetCombo(const QString &column) const
{
    for (int row = 0; row < m_mapping->rowCount(); ++row)
        if (m_mapping->item(row, kColumnName)->text() == column)
            return qobject_cast<QComboBox *>(m_mapping->cellWidget(row, kTarget));
    return nullptr;
}

bool ImportMappingPage::setColumnTarget(const QString &column, const QString &target)
{
    QComboBox *combo = targetCombo(column);
    const int index = combo ? combo->findData(target) : -1;
    if (index < 0)
        return false;
    combo->setCurrentIndex(index);
    return true;
}

QString ImportMappingPage::columnTarget(const QString &column) const
{
    const QComboBox *combo = targetCombo(column);
    return combo ? combo->currentData().toString() : QString();
}

int ImportMappingPage::previewRowCount() const { return m_preview->rowCount(); }

chorus::FieldMapping ImportMappingPage::mapping() const
{
    chorus::FieldMapping mapping;
    if (!m_data.mappable)
        return mapping;
    for (int row = 0; row < m_mapping->rowCount(); ++row) {
        const std::string column = m_mapping->item(row, kColumnName)->text().toStdString();
        const QString target = qobject_cast<QComboBox *>(m_mapping->cellWidget(row, kTarget))->currentData().toString();
        if (target.isEmpty())
            continue;
        if (target.startsWith(QLatin1String("label:")))
            mapping.labels.push_back({target.mid(6).toStdString(), column});
        else if (target == QLatin1String("image"))
            mapping.images.push_back(column);
        else if (target == QLatin1String("video"))
            mapping.videos.push_back(column);
        else if (target == QLatin1String("extra"))
            mapping.extras.push_back(column);
        else
            mapping.fields[target.toStdString()] = column;
    }
    return mapping;
}

QString ImportMappingPage::mappingProblem() const
{
    if (format().isEmpty())
        return tr("Choose a format.");
    if (!m_data.mappable)
        return QString();
    if (m_data.columns.isEmpty())
        return m_data.error.isEmpty() ? tr("No columns found.") : m_data.error;
    std::set<QString> seen;
    bool hasContent = false;
    for (int row = 0; row < m_mapping->rowCount(); ++row) {
        const QString target = qobject_cast<QComboBox *>(m_mapping->cellWidget(row, kTarget))->currentData().toString();
        if (target.isEmpty() || target == QLatin1String("image") || target == QLatin1String("video") ||
            target == QLatin1String("extra")) {
            hasContent = hasContent || target == QLatin1String("image") || target == QLatin1String("video");
            continue;
        }
        if (!seen.insert(target).second)
            return tr("Two columns are mapped to '%1': keep one.").arg(target);
        hasContent = hasContent || target == QLatin1String("text");
    }
    if (!hasContent)
        return tr("Map a column to 'text' (or to an image or video path): a post needs content.");
    return QString();
}

bool ImportMappingPage::isComplete() const { return mappingProblem().isEmpty(); }

void ImportMappingPage::updateProblem()
{
    QString note = mappingProblem();
    if (note.isEmpty() && !m_data.mappable && !m_data.error.isEmpty())
        note = m_data.error;
    else if (note.isEmpty() && !m_data.mappable)
        note = tr("The %1 format has a fixed layout: no mapping to choose.").arg(format());
    m_problem->setText(note);
    emit completeChanged();
}
