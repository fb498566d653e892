#include "ui/analytics/storedanalysesview.h"

#include "core/analytics/analysisstore.h"
#include "core/store/project.h"
#include "core/util/timeparse.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

QString kindLabel(const std::string &kind)
{
    if (kind == "trends")
        return StoredAnalysesView::tr("trends");
    if (kind == "opinion")
        return StoredAnalysesView::tr("opinion");
    if (kind == "profile")
        return StoredAnalysesView::tr("user profile");
    if (kind == "topics")
        return StoredAnalysesView::tr("topics");
    return QString::fromStdString(kind);
}

} // namespace

StoredAnalysesView::StoredAnalysesView(QWidget *parent)
    : QWidget(parent), m_kind(new QComboBox), m_table(new QTableWidget), m_open(new QPushButton(tr("Open"))),
      m_rename(new QPushButton(tr("Rename..."))), m_delete(new QPushButton(tr("Delete"))),
      m_export(new QPushButton(tr("Export JSON..."))), m_status(new QLabel)
{
    m_kind->addItem(tr("every kind"), QString());
    for (const char *kind : {"trends", "opinion", "profile", "topics"})
        m_kind->addItem(kindLabel(kind), QString::fromLatin1(kind));
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({tr("Id"), tr("Kind"), tr("Name"), tr("Dataset"), tr("Stored (UTC)")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_status->setWordWrap(true);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Show")));
    bar->addWidget(m_kind);
    bar->addStretch(1);
    bar->addWidget(m_open);
    bar->addWidget(m_rename);
    bar->addWidget(m_delete);
    bar->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Results of trends, opinion, profiles and topic runs kept in the project, from this "
                                    "window or chorus-cli. Open one to see it again without recomputing.")));
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &StoredAnalysesView::refresh);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &StoredAnalysesView::updateButtons);
    connect(m_table, &QTableWidget::itemActivated, this, [this] {
        if (const std::int64_t id = selectedId())
            emit openRequested(id);
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (const std::int64_t id = selectedId())
            emit openRequested(id);
    });
    connect(m_rename, &QPushButton::clicked, this, [this] {
        const std::int64_t id = selectedId();
        if (id <= 0)
            return;
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename analysis"), tr("Name"), QLineEdit::Normal,
                                                   m_table->item(m_table->currentRow(), NameColumn)->text(), &ok);
        if (ok)
            renameAnalysis(id, name.trimmed());
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const std::int64_t id = selectedId();
        if (id <= 0)
            return;
        if (QMessageBox::question(this, tr("Delete analysis"), tr("Delete stored analysis %1?").arg(id)) == QMessageBox::Yes)
            deleteAnalysis(id);
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        const std::int64_t id = selectedId();
        if (id <= 0)
            return;
        const QString path = QFileDialog::getSaveFileName(this, tr("Export analysis"),
                                                          QStringLiteral("analysis-%1.json").arg(id), tr("JSON (*.json)"));
        if (!path.isEmpty())
            exportJson(id, path);
    });
    updateButtons();
}

void StoredAnalysesView::setProject(chorus::Project *project)
{
    m_project = project;
    refresh();
}

void StoredAnalysesView::setPrivacy(bool on)
{
    if (on == m_privacy)
        return;
    m_privacy = on;
    refresh();
}

void StoredAnalysesView::refresh()
{
    const std::int64_t selected = selectedId();
    const QSignalBlocker block(m_table);
    m_table->setRowCount(0);
    if (m_project) {
        auto analyses = chorus::AnalysisStore(*m_project).list(m_kind->currentData().toString().toStdString());
        if (!analyses) {
            m_status->setText(QString::fromStdString(analyses.message()));
        } else {
            m_table->setRowCount(int(analyses->size()));
            for (int row = 0; row < int(analyses->size()); ++row) {
                const chorus::StoredAnalysis &a = (*analyses)[std::size_t(row)];
                QString name = QString::fromStdString(a.name);
                // A profile stored without privacy is named after the person: not while privacy is on.
                if (m_privacy && a.kind == "profile" && !a.params.value("privacy", false))
                    name = tr("profile of user #%1").arg(a.params.value("user_id", std::int64_t(0)));
                auto *id = new QTableWidgetItem;
                id->setData(Qt::DisplayRole, qlonglong(a.id));
                m_table->setItem(row, IdColumn, id);
                m_table->setItem(row, KindColumn, new QTableWidgetItem(kindLabel(a.kind)));
                m_table->setItem(row, NameColumn, new QTableWidgetItem(name));
                m_table->setItem(row, DatasetColumn,
                                 new QTableWidgetItem(a.dataset.empty() ? tr("(every dataset)") : QString::fromStdString(a.dataset)));
                m_table->setItem(row, CreatedColumn, new QTableWidgetItem(QString::fromStdString(chorus::formatIsoUtc(a.createdAt))));
            }
            m_status->setText(tr("%n stored analysis(es)", nullptr, int(analyses->size())));
        }
    } else {
        m_status->clear();
    }
    if (selected > 0)
        select(selected);
    updateButtons();
}

std::int64_t StoredAnalysesView::selectedId() const
{
    const int row = m_table->currentRow();
    if (row < 0 || !m_table->item(row, IdColumn) || m_table->selectedItems().isEmpty())
        return 0;
    return m_table->item(row, IdColumn)->data(Qt::DisplayRole).toLongLong();
}

bool StoredAnalysesView::select(std::int64_t id)
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, IdColumn)->data(Qt::DisplayRole).toLongLong() == id) {
            m_table->selectRow(row);
            return true;
        }
    return false;
}

bool StoredAnalysesView::renameAnalysis(std::int64_t id, const QString &name)
{
    if (!m_project)
        return false;
    const chorus::Status s = chorus::AnalysisStore(*m_project).rename(id, name.toStdString());
    refresh();
    if (!s.ok())
        m_status->setText(QString::fromStdString(s.message()));
    return s.ok();
}

bool StoredAnalysesView::deleteAnalysis(std::int64_t id)
{
    if (!m_project)
        return false;
    const chorus::Status s = chorus::AnalysisStore(*m_project).remove(id);
    refresh();
    m_status->setText(s.ok() ? tr("Deleted analysis %1").arg(id) : QString::fromStdString(s.message()));
    return s.ok();
}

bool StoredAnalysesView::exportJson(std::int64_t id, const QString &path)
{
    if (!m_project)
        return false;
    auto analysis = chorus::AnalysisStore(*m_project).load(id);
    if (!analysis) {
        m_status->setText(QString::fromStdString(analysis.message()));
        return false;
    }
    QSaveFile file(path);
    const std::string json = analysis->result.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    if (!file.open(QIODevice::WriteOnly) || file.write(json.data(), qint64(json.size())) != qint64(json.size()) ||
        !file.commit()) {
        m_status->setText(tr("Cannot write %1").arg(path));
        return false;
    }
    m_status->setText(tr("Wrote analysis %1 to %2").arg(id).arg(path));
    return true;
}

void StoredAnalysesView::updateButtons()
{
    const bool any = selectedId() > 0;
    m_open->setEnabled(any);
    m_rename->setEnabled(any);
    m_delete->setEnabled(any);
    m_export->setEnabled(any);
}
