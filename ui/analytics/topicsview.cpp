#include "ui/analytics/topicsview.h"

#include "core/analytics/analysisstore.h"
#include "core/analytics/topiccorpus.h"
#include "core/analytics/topicmodeler.h"
#include "core/analytics/topicstore.h"
#include "core/analytics/topictimeline.h"
#include "core/embeddings/word2vecrun.h"
#include "core/embeddings/wordvectors.h"
#include "core/store/project.h"
#include "ui/analytics/analyticsrunner.h"
#include "ui/analytics/projectcatalog.h"
#include "ui/analytics/stackedareachart.h"
#include "ui/common/plotexporter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

struct TopicsView::Pending {
    std::optional<chorus::TopicModelResult> result;
    chorus::TopicTimeSeries timeline;
    std::int64_t analysisId = 0; // the stored analysis a computed model was recorded as
    QString note;                // replaces the status line when set
};

namespace {

QString defaultTask(const QString &method) { return method == QLatin1String("lda") ? QStringLiteral("lda_topic") : QStringLiteral("topic_cluster"); }

} // namespace

TopicsView::TopicsView(QWidget *parent)
    : QWidget(parent), m_runner(new AnalyticsRunner(this)), m_method(new QComboBox), m_k(new QSpinBox),
      m_embedding(new QComboBox), m_task(new QComboBox), m_seed(new QSpinBox), m_replace(new QCheckBox),
      m_resolution(new QComboBox), m_run(new QPushButton(tr("Find topics"))), m_cancel(new QPushButton(tr("Cancel"))),
      m_progress(new QProgressBar), m_status(new QLabel), m_summary(new QLabel), m_table(new QTableWidget),
      m_representatives(new QListWidget), m_chart(new StackedAreaChart),
      m_exportTable(new QPushButton(tr("Export table CSV..."))), m_exportChart(new QPushButton(tr("Export chart..."))),
      m_timeline(std::make_unique<chorus::TopicTimeSeries>())
{
    m_method->addItem(tr("k-means on embeddings"), QStringLiteral("kmeans"));
    m_method->addItem(tr("density (DBSCAN, outliers allowed)"), QStringLiteral("density"));
    m_method->addItem(tr("LDA (Gibbs sampling)"), QStringLiteral("lda"));
    m_k->setRange(1, 200);
    m_k->setSpecialValueText(tr("auto"));
    m_k->setValue(1);
    m_k->setToolTip(tr("Number of topics; auto picks 2 to 12 by silhouette. Density finds its own number."));
    m_task->setEditable(true);
    m_task->setToolTip(tr("The label task the topics are stored under (one label per post)"));
    m_task->setEditText(defaultTask(QStringLiteral("kmeans")));
    m_seed->setRange(1, 1000000);
    m_seed->setValue(1);
    m_replace->setText(tr("Replace labels not written by topics"));
    m_resolution->addItem(tr("hour"), int(chorus::TimeResolution::Hour));
    m_resolution->addItem(tr("day"), int(chorus::TimeResolution::Day));
    m_resolution->addItem(tr("week"), int(chorus::TimeResolution::Week));
    m_resolution->setCurrentIndex(1);
    m_progress->setRange(0, 1000);
    m_progress->setVisible(false);
    m_cancel->setEnabled(false);
    m_status->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Method"), m_method);
    form->addRow(tr("Topics (k)"), m_k);
    form->addRow(tr("Embedding"), m_embedding);
    form->addRow(tr("Label task"), m_task);
    form->addRow(tr("Seed"), m_seed);
    form->addRow(QString(), m_replace);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->addLayout(form);
    leftLayout->addLayout(buttons);
    leftLayout->addWidget(m_progress);
    leftLayout->addWidget(m_status);
    leftLayout->addStretch(1);

    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({tr("Label"), tr("Posts"), tr("NPMI"), tr("Top terms")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(TermsColumn, QHeaderView::Stretch);
    m_representatives->setWordWrap(true);

    auto *tableBox = new QWidget;
    auto *tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    auto *tableBar = new QHBoxLayout;
    tableBar->addWidget(m_summary, 1);
    tableBar->addWidget(m_exportTable);
    tableLayout->addLayout(tableBar);
    tableLayout->addWidget(m_table, 3);
    tableLayout->addWidget(new QLabel(tr("Representative posts of the selected topic")));
    tableLayout->addWidget(m_representatives, 2);

    auto *chartBox = new QWidget;
    auto *chartLayout = new QVBoxLayout(chartBox);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    auto *chartBar = new QHBoxLayout;
    chartBar->addWidget(new QLabel(tr("Topic sizes over time, per")));
    chartBar->addWidget(m_resolution);
    chartBar->addStretch(1);
    chartBar->addWidget(m_exportChart);
    chartLayout->addLayout(chartBar);
    chartLayout->addWidget(m_chart, 1);

    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(tableBox);
    right->addWidget(chartBox);
    auto *splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 4);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_run, &QPushButton::clicked, this, &TopicsView::run);
    connect(m_cancel, &QPushButton::clicked, this, &TopicsView::cancel);
    connect(m_method, &QComboBox::currentIndexChanged, this, [this] {
        const QString method = m_method->currentData().toString();
        m_embedding->setEnabled(method != QLatin1String("lda"));
        m_k->setEnabled(method != QLatin1String("density"));
        // Follow the method's default task unless the user typed a task of their own.
        const QString task = m_task->currentText();
        if (task.isEmpty() || task == defaultTask(QStringLiteral("kmeans")) || task == defaultTask(QStringLiteral("lda")))
            setTask(defaultTask(method));
    });
    connect(m_task, &QComboBox::currentTextChanged, this, [this] {
        reloadStored();
    });
    connect(m_resolution, &QComboBox::currentIndexChanged, this, &TopicsView::reloadStored);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &TopicsView::showRepresentatives);
    connect(m_exportTable, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export topics"), QStringLiteral("topics.csv"),
                                                          tr("CSV (*.csv)"));
        if (!path.isEmpty() && !exportTableCsv(path))
            m_status->setText(tr("Cannot write %1").arg(path));
    });
    connect(m_exportChart, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export chart"), QStringLiteral("topics-over-time.png"),
                                                          tr("PNG (*.png);;SVG (*.svg);;PDF (*.pdf);;CSV (*.csv)"));
        if (!path.isEmpty() && !exportChart(path))
            m_status->setText(tr("Cannot write %1").arg(path));
    });
    connect(m_runner, &AnalyticsRunner::progress, this, [this](const QString &stage, double fraction) {
        m_progress->setValue(int(fraction * 1000));
        m_status->setText(tr("%1...").arg(stage));
    });
    connect(m_runner, &AnalyticsRunner::finished, this, [this] {
        setBusy(false);
        m_result = std::move(m_pending->result);
        *m_timeline = std::move(m_pending->timeline);
        showResult();
        const bool computed = m_computing;
        m_computing = false;
        if (computed && m_result)
            m_status->setText(tr("%n topic(s) stored as label task '%1'", nullptr, int(m_result->topics.size()))
                                  .arg(QString::fromStdString(m_result->task)));
        else
            m_status->setText(m_result ? tr("Showing the stored topics of '%1'").arg(QString::fromStdString(m_result->task))
                                       : QString());
        if (!m_pending->note.isEmpty())
            m_status->setText(m_pending->note);
        if (computed) {
            refreshChoices();
            emit labelsChanged();
            if (m_pending->analysisId > 0)
                emit analysisStored(m_pending->analysisId);
        }
        emit resultShown();
    });
    connect(m_runner, &AnalyticsRunner::failed, this, [this](const QString &message) {
        m_computing = false;
        setBusy(false);
        m_status->setText(message);
    });
    connect(m_runner, &AnalyticsRunner::cancelled, this, [this] {
        setBusy(false);
        if (m_computing)
            m_status->setText(tr("Cancelled; the stored topics are unchanged"));
        m_computing = false;
    });
    m_exportTable->setEnabled(false);
    m_exportChart->setEnabled(false);
}

TopicsView::~TopicsView() = default;

void TopicsView::setProject(chorus::Project *project)
{
    m_runner->cancel();
    m_project = project;
    m_datasetId = 0;
    m_datasetName.clear();
    m_result.reset();
    *m_timeline = {};
    showResult();
    refreshChoices();
}

void TopicsView::setDataset(std::int64_t datasetId, const QString &name)
{
    if (datasetId == m_datasetId && name == m_datasetName)
        return;
    m_runner->cancel();
    m_datasetId = datasetId;
    m_datasetName = name;
    refreshChoices();
    reloadStored();
}

void TopicsView::refreshChoices()
{
    const QVariant run = m_embedding->currentData();
    const QString task = m_task->currentText();
    const QSignalBlocker blockEmbedding(m_embedding);
    const QSignalBlocker blockTask(m_task);
    m_embedding->clear();
    m_embedding->addItem(tr("LSA (TF-IDF, randomized SVD)"), QVariant::fromValue<qlonglong>(0));
    m_task->clear();
    if (m_project) {
        for (const ProjectCatalog::Run &r : ProjectCatalog::word2vecRuns(*m_project))
            m_embedding->addItem(tr("word vectors of run %1").arg(r.title), QVariant::fromValue<qlonglong>(r.id));
        if (m_datasetId > 0)
            m_task->addItems(ProjectCatalog::topicTasks(*m_project, m_datasetId));
    }
    const int index = m_embedding->findData(run);
    m_embedding->setCurrentIndex(index >= 0 ? index : 0);
    m_task->setEditText(task);
}

void TopicsView::setMethod(const QString &method)
{
    const int index = m_method->findData(method);
    if (index >= 0)
        m_method->setCurrentIndex(index);
}

void TopicsView::setK(int k) { m_k->setValue(k >= 2 ? k : 1); }
void TopicsView::setTask(const QString &task) { m_task->setEditText(task); }
void TopicsView::setSeed(int seed) { m_seed->setValue(seed); }

void TopicsView::setEmbeddingRun(std::int64_t runId)
{
    const int index = m_embedding->findData(QVariant::fromValue<qlonglong>(runId));
    if (index >= 0)
        m_embedding->setCurrentIndex(index);
}

const chorus::TopicTimeSeries &TopicsView::timeline() const { return *m_timeline; }

bool TopicsView::isRunning() const { return m_runner->isRunning(); }

void TopicsView::cancel() { m_runner->cancel(); }

chorus::TimeResolution TopicsView::resolution() const
{
    return static_cast<chorus::TimeResolution>(m_resolution->currentData().toInt());
}

void TopicsView::setBusy(bool busy)
{
    m_run->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    m_progress->setVisible(busy);
    if (busy)
        m_progress->setValue(0);
}

void TopicsView::run()
{
    if (!m_project || m_datasetId <= 0) {
        m_status->setText(tr("Open a project and pick a dataset with posts first"));
        return;
    }
    chorus::TopicModelerOptions options;
    auto method = chorus::TopicModelerOptions::parseMethod(m_method->currentData().toString().toStdString());
    if (!method) {
        m_status->setText(QString::fromStdString(method.message()));
        return;
    }
    options.method = *method;
    options.k = m_k->value() >= 2 ? std::size_t(m_k->value()) : 0;
    options.seed = std::uint64_t(m_seed->value());
    const std::int64_t runId = m_embedding->currentData().toLongLong();
    options.embedding = runId > 0 ? chorus::TopicEmbedding::WordVectors : chorus::TopicEmbedding::Lsa;
    QString task = m_task->currentText().trimmed();
    if (task.isEmpty())
        task = defaultTask(m_method->currentData().toString());
    options.task = task.toStdString();
    chorus::TopicStoreOptions storeOptions;
    storeOptions.replaceForeignLabels = m_replace->isChecked();
    const std::string dataset = m_datasetName.toStdString();
    const chorus::TimeResolution buckets = resolution();
    const bool needVectors = options.embedding == chorus::TopicEmbedding::WordVectors && options.method != chorus::TopicMethod::Lda;

    m_pending = std::make_shared<Pending>();
    auto pending = m_pending;
    m_runner->cancel(); // a stored model still loading is replaced by the new one
    m_computing = true;
    setBusy(true);
    m_status->setText(tr("Reading posts..."));
    m_runner->start(QString::fromStdString(m_project->path()),
                    [pending, options, storeOptions, dataset, buckets, needVectors, runId](
                        chorus::Project &project, const AnalyticsRunner::Progress &progress) -> std::string {
                        std::optional<chorus::WordVectors> vectors;
                        if (needVectors) {
                            auto path = chorus::word2vecVectorsPath(project, runId);
                            if (!path)
                                return path.message();
                            auto loaded = chorus::WordVectors::load(*path, chorus::WordVectorFormat::Binary);
                            if (!loaded)
                                return loaded.message();
                            vectors = std::move(*loaded);
                        }
                        auto corpus = chorus::TopicCorpus::load(project, dataset, {}, progress);
                        if (!corpus)
                            return corpus.message();
                        chorus::TopicModeler modeler(options);
                        modeler.setProgress(progress);
                        auto result = modeler.run(*corpus, vectors ? &*vectors : nullptr);
                        if (!result)
                            return result.message();
                        result->dataset = dataset;
                        if (!progress("storing", 1.0))
                            return "cancelled";
                        if (chorus::Status s = chorus::TopicStore::save(project, *result, storeOptions); !s.ok())
                            return s.message();
                        if (auto id = chorus::TopicStore::recordAnalysis(project, *result))
                            pending->analysisId = *id;
                        else
                            pending->note = tr("Topics stored as label task '%1', but not listed as an analysis: %2")
                                                .arg(QString::fromStdString(result->task), QString::fromStdString(id.message()));
                        pending->timeline = chorus::TopicTimeline::fromResult(*result, corpus->times(), buckets);
                        pending->result = std::move(*result);
                        return {};
                    });
}

void TopicsView::reloadStored()
{
    if (!m_project || m_datasetId <= 0 || m_computing)
        return;
    const std::string task = m_task->currentText().trimmed().toStdString();
    if (task.empty())
        return;
    m_pending = std::make_shared<Pending>();
    auto pending = m_pending;
    const std::int64_t datasetId = m_datasetId;
    const chorus::TimeResolution buckets = resolution();
    m_runner->cancel(); // an older load is replaced
    setBusy(true);
    m_runner->start(QString::fromStdString(m_project->path()),
                    [pending, datasetId, task, buckets](chorus::Project &project,
                                                        const AnalyticsRunner::Progress &progress) -> std::string {
                        progress("loading the stored topics", 0);
                        auto stored = chorus::TopicStore::load(project, datasetId, task);
                        if (!stored)
                            return stored.message();
                        if (!*stored)
                            return {};
                        auto timeline = chorus::TopicTimeline::fromProject(project, datasetId, task, buckets);
                        if (!timeline)
                            return timeline.message();
                        pending->result = std::move(**stored);
                        pending->timeline = std::move(*timeline);
                        return {};
                    });
}

bool TopicsView::showStored(const chorus::StoredAnalysis &analysis)
{
    auto stored = chorus::TopicModelResult::fromJson(analysis.result);
    if (analysis.kind != "topics" || !stored) {
        m_status->setText(tr("Cannot show analysis %1: %2")
                              .arg(analysis.id)
                              .arg(stored ? tr("it is not a topics result") : QString::fromStdString(stored.message())));
        return false;
    }
    if (!m_project)
        return false;
    m_pending = std::make_shared<Pending>();
    auto pending = m_pending;
    const chorus::TimeResolution buckets = resolution();
    const QString title = tr("Stored analysis %1: %2").arg(analysis.id).arg(QString::fromStdString(analysis.name));
    m_runner->cancel();
    m_computing = false;
    setBusy(true);
    m_runner->start(QString::fromStdString(m_project->path()),
                    [pending, buckets, title, model = std::move(*stored)](
                        chorus::Project &project, const AnalyticsRunner::Progress &progress) mutable -> std::string {
                        progress("loading the stored topics", 0);
                        // The labels hold this model only while the task's current model is this one.
                        auto current = chorus::TopicStore::load(project, model.datasetId, model.task);
                        if (!current)
                            return current.message();
                        if (*current && (*current)->toJson() == model.toJson()) {
                            auto timeline = chorus::TopicTimeline::fromProject(project, model.datasetId, model.task, buckets);
                            if (!timeline)
                                return timeline.message();
                            pending->timeline = std::move(*timeline);
                            pending->note = title;
                        } else {
                            pending->note = title + QLatin1String("; ") +
                                            tr("label task '%1' now holds another model, so sizes over time are not shown")
                                                .arg(QString::fromStdString(model.task));
                        }
                        pending->result = std::move(model);
                        return {};
                    });
    return true;
}

void TopicsView::showResult()
{
    const QSignalBlocker block(m_table);
    m_table->setRowCount(0);
    m_representatives->clear();
    m_exportTable->setEnabled(m_result.has_value());
    m_exportChart->setEnabled(m_result.has_value());
    if (!m_result) {
        m_summary->setText(m_datasetId > 0 ? tr("No topics stored under this task yet") : QString());
        m_chart->clear();
        return;
    }
    const chorus::TopicModelResult &r = *m_result;
    m_table->setRowCount(int(r.topics.size()));
    for (int row = 0; row < int(r.topics.size()); ++row) {
        const chorus::TopicDescription &t = r.topics[std::size_t(row)];
        QStringList terms;
        for (const std::string &term : t.terms)
            terms << QString::fromStdString(term);
        auto *size = new QTableWidgetItem;
        size->setData(Qt::DisplayRole, qlonglong(t.size));
        m_table->setItem(row, LabelColumn, new QTableWidgetItem(QString::fromStdString(t.label)));
        m_table->setItem(row, SizeColumn, size);
        m_table->setItem(row, CoherenceColumn, new QTableWidgetItem(QString::number(t.coherence, 'f', 3)));
        m_table->setItem(row, TermsColumn, new QTableWidgetItem(terms.join(QLatin1Char(' '))));
    }
    QString summary = tr("%1 topics by %2").arg(r.topics.size()).arg(QString::fromStdString(r.method));
    if (r.embedding != "none" && !r.embedding.empty())
        summary += tr(" on %1").arg(QString::fromStdString(r.embedding));
    summary += tr(", mean NPMI %1").arg(r.meanCoherence, 0, 'f', 3);
    if (r.outliers > 0)
        summary += tr(", %n post(s) in no topic", nullptr, int(r.outliers));
    m_summary->setText(summary);

    QStringList names;
    for (const std::string &topic : m_timeline->topics)
        names << QString::fromStdString(topic);
    std::vector<std::vector<double>> values;
    for (const std::vector<std::int64_t> &counts : m_timeline->counts)
        values.emplace_back(counts.begin(), counts.end());
    m_chart->setSeries(names, m_timeline->bucketStarts, values, m_timeline->resolution, tr("posts"));
    if (!r.topics.empty())
        m_table->selectRow(0);
    showRepresentatives();
}

void TopicsView::showRepresentatives()
{
    m_representatives->clear();
    const int row = m_table->currentRow();
    if (!m_result || !m_project || row < 0 || row >= int(m_result->topics.size()))
        return;
    for (std::int64_t postId : m_result->topics[std::size_t(row)].representativePosts) {
        auto *item = new QListWidgetItem(ProjectCatalog::postText(*m_project, postId));
        item->setData(Qt::UserRole, QVariant::fromValue<qlonglong>(postId));
        item->setToolTip(tr("post %1").arg(postId));
        m_representatives->addItem(item);
    }
}

bool TopicsView::exportTableCsv(const QString &path) const
{
    if (!m_result)
        return false;
    QVector<QStringList> rows;
    for (const chorus::TopicDescription &t : m_result->topics) {
        QStringList terms, posts;
        for (const std::string &term : t.terms)
            terms << QString::fromStdString(term);
        for (std::int64_t id : t.representativePosts)
            posts << QString::number(id);
        rows << QStringList{QString::number(t.id),         QString::fromStdString(t.label), QString::number(t.size),
                            QString::number(t.coherence, 'g', 6), terms.join(QLatin1Char(' ')), posts.join(QLatin1Char(' '))};
    }
    return PlotExporter::writeCsv(path, {QStringLiteral("topic"), QStringLiteral("label"), QStringLiteral("posts"),
                                         QStringLiteral("npmi"), QStringLiteral("terms"), QStringLiteral("representative_posts")},
                                  rows);
}

bool TopicsView::exportChart(const QString &path) const { return m_chart->save(path); }
