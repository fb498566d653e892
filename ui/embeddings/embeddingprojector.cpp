#include "ui/embeddings/embeddingprojector.h"
#include "ui/embeddings/pointgrouping.h"
#include "ui/embeddings/projectorsourcelist.h"

#include "core/analytics/postembeddingtable.h"
#include "core/analytics/userembeddingtable.h"
#include "core/embeddings/embeddinghistory.h"
#include "core/embeddings/projectortable.h"
#include "core/embeddings/word2vecrun.h"
#include "core/embeddings/wordvectors.h"
#include "core/projection/nearestneighbours.h"
#include "core/store/project.h"
#include "core/training/runstore.h"
#include "ui/common/plotexporter.h"
#include "ui/embeddings/scatterview.h"
#include "ui/training/workerprocess.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QTemporaryDir>
#include <QThread>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <map>
#include <utility>

namespace {

QString lastLine(const QByteArray &output)
{
    const QList<QByteArray> lines = output.trimmed().split('\n');
    return lines.isEmpty() ? QString() : QString::fromUtf8(lines.last()).trimmed();
}

} // namespace

EmbeddingProjector::EmbeddingProjector(QWidget *parent)
    : QWidget(parent), m_cliProgram(WorkerProcess::defaultProgram()), m_runner(new ProjectionRunner(this)),
      m_scatter(new ScatterView), m_source(new QComboBox), m_epoch(new QComboBox), m_loadSource(new QPushButton(tr("Load"))),
      m_loadTsv(new QPushButton(tr("Load TSV..."))), m_settings(new ProjectionSettings),
      m_run(new QPushButton(tr("Project"))), m_cancel(new QPushButton(tr("Cancel"))), m_progress(new QProgressBar),
      m_colour(new QComboBox), m_search(new QLineEdit), m_matchLabel(new QLabel), m_k(new QSpinBox),
      m_neighbours(new QListWidget), m_selectedLabel(new QLabel), m_exportImage(new QPushButton(tr("Export image..."))),
      m_exportCsv(new QPushButton(tr("Export CSV..."))), m_status(new QLabel)
{
    m_source->setMinimumContentsLength(24);
    m_source->setToolTip(tr("word2vec runs give their word vectors; other runs their token embeddings"));
    m_progress->setVisible(false);
    m_cancel->setEnabled(false);
    m_run->setEnabled(false);
    m_search->setPlaceholderText(tr("Search labels"));
    m_search->setClearButtonEnabled(true);
    m_k->setRange(1, 100);
    m_k->setValue(10);
    m_selectedLabel->setWordWrap(true);
    m_status->setWordWrap(true);

    auto *sourceBox = new QGroupBox(tr("Vectors"));
    auto *sourceLayout = new QVBoxLayout(sourceBox);
    sourceLayout->addWidget(m_source);
    m_epoch->setToolTip(tr("The vectors as they were at the end of an epoch, recorded while the run trained: the "
                           "2,000 most frequent tokens, the first 2,000 validation posts, or the 2,000 most active "
                           "users and most popular items (per ALS iteration)"));
    auto *epochRow = new QHBoxLayout;
    epochRow->addWidget(new QLabel(tr("Epoch")));
    epochRow->addWidget(m_epoch, 1);
    sourceLayout->addLayout(epochRow);
    auto *sourceButtons = new QHBoxLayout;
    sourceButtons->addWidget(m_loadSource);
    sourceButtons->addWidget(m_loadTsv);
    sourceLayout->addLayout(sourceButtons);

    auto *methodBox = new QGroupBox(tr("Projection"));
    auto *methodLayout = new QVBoxLayout(methodBox);
    methodLayout->addWidget(m_settings);
    auto *runButtons = new QHBoxLayout;
    runButtons->addWidget(m_run);
    runButtons->addWidget(m_cancel);
    methodLayout->addLayout(runButtons);
    methodLayout->addWidget(m_progress);

    auto *viewBox = new QGroupBox(tr("View"));
    auto *viewForm = new QFormLayout(viewBox);
    viewForm->addRow(tr("Colour by"), m_colour);
    viewForm->addRow(tr("Search"), m_search);
    viewForm->addRow(QString(), m_matchLabel);
    auto *exportButtons = new QHBoxLayout;
    exportButtons->addWidget(m_exportImage);
    exportButtons->addWidget(m_exportCsv);
    viewForm->addRow(exportButtons);

    auto *controls = new QWidget;
    auto *controlsLayout = new QVBoxLayout(controls);
    controlsLayout->setContentsMargins(0, 0, 0, 0);
    controlsLayout->addWidget(sourceBox);
    controlsLayout->addWidget(methodBox);
    controlsLayout->addWidget(viewBox);
    controlsLayout->addWidget(m_status);
    controlsLayout->addStretch(1);

    auto *neighbourBox = new QWidget;
    auto *neighbourLayout = new QVBoxLayout(neighbourBox);
    neighbourLayout->setContentsMargins(0, 0, 0, 0);
    neighbourLayout->addWidget(new QLabel(tr("Nearest in the original space (cosine)")));
    auto *kRow = new QHBoxLayout;
    kRow->addWidget(new QLabel(tr("Neighbours")));
    kRow->addWidget(m_k);
    neighbourLayout->addLayout(kRow);
    neighbourLayout->addWidget(m_selectedLabel);
    neighbourLayout->addWidget(m_neighbours, 1);

    auto *splitter = new QSplitter;
    splitter->addWidget(controls);
    splitter->addWidget(m_scatter);
    splitter->addWidget(neighbourBox);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 760, 240});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    PlotExporter::attachContextMenu(m_scatter->plot(), [this](const QString &path) { return exportCsv(path); });
    connect(m_loadSource, &QPushButton::clicked, this, &EmbeddingProjector::loadSelectedSource);
    connect(m_source, &QComboBox::currentIndexChanged, this, &EmbeddingProjector::fillEpochChoices);
    connect(m_loadTsv, &QPushButton::clicked, this, &EmbeddingProjector::chooseTsv);
    connect(m_run, &QPushButton::clicked, this, &EmbeddingProjector::runProjection);
    connect(m_cancel, &QPushButton::clicked, this, &EmbeddingProjector::cancelProjection);
    connect(m_colour, &QComboBox::currentIndexChanged, this, &EmbeddingProjector::applyColouring);
    connect(m_search, &QLineEdit::textChanged, this, &EmbeddingProjector::applySearch);
    connect(m_k, &QSpinBox::valueChanged, this, [this] { selectPoint(m_selected); });
    connect(m_neighbours, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { selectPoint(item->data(Qt::UserRole).toInt()); });
    connect(m_exportImage, &QPushButton::clicked, this, [this] {
        PlotExporter::chooseAndWrite(this, tr("Export image"), tr("PNG images (*.png);;SVG images (*.svg);;PDF files (*.pdf)"),
                                     QStringLiteral("png"), [this](const QString &path) { return exportImage(path); });
    });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] {
        PlotExporter::chooseAndWrite(this, tr("Export coordinates"), tr("CSV files (*.csv)"), QStringLiteral("csv"),
                                     [this](const QString &path) { return exportCsv(path); });
    });
    connect(m_scatter, &ScatterView::pointClicked, this, &EmbeddingProjector::selectPoint);
    connect(m_runner, &ProjectionRunner::progress, this, &EmbeddingProjector::projectionProgress);
    connect(m_runner, &ProjectionRunner::finished, this, &EmbeddingProjector::projected);
    connect(m_runner, &ProjectionRunner::failed, this, [this](const QString &message) {
        setBusy(false);
        m_status->setText(tr("Projection failed: %1").arg(message));
        emit projectionFailed(message);
    });
    connect(m_runner, &ProjectionRunner::cancelled, this, [this] {
        setBusy(false);
        m_status->setText(tr("Projection cancelled"));
    });
    connect(this, &EmbeddingProjector::tableLoaded, this, [this] {
        const qint64 userId = std::exchange(m_selectUserId, 0);
        if (userId <= 0 || !m_table)
            return;
        const auto column = std::find(m_table->columns.begin(), m_table->columns.end(), "user_id");
        if (column == m_table->columns.end())
            return;
        const std::vector<std::string> &ids = m_table->values[std::size_t(column - m_table->columns.begin())];
        const auto row = std::find(ids.begin(), ids.end(), std::to_string(userId));
        if (row != ids.end())
            selectPoint(int(row - ids.begin()));
    });
    fillColourChoices();
    refresh();
}

EmbeddingProjector::~EmbeddingProjector()
{
    if (m_export) {
        m_export->disconnect(this);
        m_export->kill();
        m_export->waitForFinished(3000);
    }
    // A load cannot be interrupted, but it only reads a file; its result is dropped.
    ++m_loadGeneration;
    for (QThread *thread : m_loaders) {
        thread->wait();
        delete thread;
    }
}

void EmbeddingProjector::setProject(chorus::Project *project)
{
    m_project = project;
    refresh();
}

void EmbeddingProjector::refresh()
{
    const QVariant current = m_source->currentData();
    // Refilled quietly: the epoch choice is kept when the same run is selected again.
    const QSignalBlocker quiet(m_source);
    if (!m_project)
        m_source->clear();
    else if (const QString problem = ProjectorSourceList::fill(m_source, *m_project); !problem.isEmpty())
        m_status->setText(problem);
    const int index = m_source->findData(current);
    if (index >= 0)
        m_source->setCurrentIndex(index);
    m_loadSource->setEnabled(m_source->count() > 0);
    fillEpochChoices();
}

void EmbeddingProjector::fillEpochChoices()
{
    const int current = m_epoch->currentData().toInt();
    m_epoch->clear();
    const auto source = ProjectorSourceList::runSpace(m_source->currentData());
    if (m_project && source) {
        m_epoch->addItem(tr("Final"), 0);
        auto epochs = chorus::EmbeddingHistory(*m_project).epochs(source->run, source->space);
        if (epochs)
            for (const chorus::EmbeddingEpoch &epoch : *epochs)
                m_epoch->addItem(ProjectorSourceList::epochChoice(epoch, source->space), epoch.epoch);
    }
    const int index = m_epoch->findData(current);
    m_epoch->setCurrentIndex(index >= 0 ? index : 0);
    m_epoch->setEnabled(m_epoch->count() > 1);
}

void EmbeddingProjector::showError(const QString &message)
{
    m_loading = false;
    m_status->setText(message);
    emit loadFailed(message);
}

void EmbeddingProjector::loadSelectedSource()
{
    if (m_source->currentIndex() < 0)
        return;
    const QVariant data = m_source->currentData();
    const auto source = ProjectorSourceList::runSpace(data);
    if (source && m_epoch->currentData().toInt() > 0)
        loadRunEpoch(source->run, m_epoch->currentData().toInt(), source->space);
    else if (data.typeId() == QMetaType::QVariantMap && data.toMap().contains(QStringLiteral("posts_of_run")))
        loadRunPosts(data.toMap().value(QStringLiteral("posts_of_run")).toLongLong());
    else if (data.typeId() == QMetaType::QVariantMap)
        loadTsv(data.toMap().value(QStringLiteral("vectors")).toString(), data.toMap().value(QStringLiteral("metadata")).toString());
    else if (data.typeId() == QMetaType::QStringList)
        loadUsers(data.toStringList().value(1), m_userPrivacy);
    else if (data.typeId() == QMetaType::QString)
        loadPosts(data.toString());
    else
        loadRun(data.toLongLong());
}

std::optional<chorus::RunSummary> EmbeddingProjector::findRun(qint64 runId)
{
    if (!m_project) {
        showError(tr("No project is open"));
        return std::nullopt;
    }
    auto run = chorus::RunStore(*m_project).get(runId);
    if (!run) {
        showError(QString::fromStdString(run.message()));
        return std::nullopt;
    }
    return std::move(*run);
}

QString EmbeddingProjector::runName(const chorus::RunSummary &run) const
{
    return run.name.empty() ? tr("run %1 (%2)").arg(run.id).arg(QString::fromStdString(run.model))
                            : QString::fromStdString(run.name);
}

void EmbeddingProjector::loadRunEpoch(qint64 runId, int epoch, chorus::EmbeddingSpace space)
{
    const auto run = findRun(runId);
    if (!run)
        return;
    const QString name = ProjectorSourceList::epochTitle(runName(*run), epoch, space);
    const std::string path = m_project->path();
    // Snapshots are in the project itself: no worker, read on the loader thread's own connection.
    loadInBackground(name, [path, runId, epoch, space]() -> chorus::Result<chorus::ProjectorTable> {
        auto project = chorus::Project::open(path, chorus::Project::OpenMode::OpenExisting);
        if (!project)
            return project.error();
        auto snapshot = chorus::EmbeddingHistory(**project).load(runId, epoch, space);
        if (!snapshot)
            return snapshot.error();
        return snapshot->toProjectorTable();
    });
}

void EmbeddingProjector::loadPosts(const QString &dataset)
{
    if (!m_project)
        return showError(tr("No project is open"));
    const std::string path = m_project->path();
    const std::string name = dataset.toStdString();
    // The loader thread reads through its own connection: a Project belongs to one thread.
    loadInBackground(tr("posts of '%1'").arg(dataset), [path, name]() -> chorus::Result<chorus::ProjectorTable> {
        auto project = chorus::Project::open(path, chorus::Project::OpenMode::OpenExisting);
        if (!project)
            return project.error();
        return chorus::postEmbeddingTable(**project, name);
    });
}

void EmbeddingProjector::loadUsers(const QString &dataset, bool privacy, qint64 selectUserId)
{
    if (!m_project)
        return showError(tr("No project is open"));
    const std::string path = m_project->path();
    const std::string name = dataset.toStdString();
    chorus::UserEmbeddingTableOptions options;
    options.privacy = privacy;
    m_selectUserId = selectUserId;
    // Shown as a source of its own, so the combo says what is on screen.
    const int index = m_source->findData(QStringList{QStringLiteral("users"), dataset});
    if (index >= 0)
        m_source->setCurrentIndex(index);
    loadInBackground(tr("users of '%1'").arg(dataset), [path, name, options]() -> chorus::Result<chorus::ProjectorTable> {
        auto project = chorus::Project::open(path, chorus::Project::OpenMode::OpenExisting);
        if (!project)
            return project.error();
        return chorus::userEmbeddingTable(**project, name, options);
    });
}

void EmbeddingProjector::loadRun(qint64 runId)
{
    const auto run = findRun(runId);
    if (!run)
        return;
    const QString name = runName(*run);
    if (run->model == "word2vec") {
        auto path = chorus::word2vecVectorsPath(*m_project, runId);
        if (!path)
            return showError(QString::fromStdString(path.message()));
        const std::string file = *path;
        loadInBackground(name, [file]() -> chorus::Result<chorus::ProjectorTable> {
            auto vectors = chorus::WordVectors::load(file, chorus::WordVectorFormat::Binary);
            if (!vectors)
                return vectors.error();
            // The trainer writes its vocabulary most frequent first.
            return chorus::ProjectorTable::fromWordVectors(*vectors, true);
        });
        return;
    }
    // Token embeddings live in a LibTorch checkpoint: the worker program writes them as TSV.
    exportWithWorker(name, {QStringLiteral("--run"), QString::number(runId), QStringLiteral("--what"), QStringLiteral("embeddings")},
                     true, tr("Exporting the token embeddings of %1...").arg(name));
}

void EmbeddingProjector::loadRunPosts(qint64 runId)
{
    const auto run = findRun(runId);
    if (!run)
        return;
    const QString name = tr("posts as %1 sees them").arg(runName(*run));
    // The model runs over every post in the worker (LibTorch, media decoding): the GUI only reads the TSV.
    exportWithWorker(name, {QStringLiteral("--run"), QString::number(runId), QStringLiteral("--what"), QStringLiteral("posts")},
                     false, tr("Running the model of %1 over its posts...").arg(name));
}

void EmbeddingProjector::exportWithWorker(const QString &name, const QStringList &what, bool frequencyOrdered,
                                          const QString &busyText)
{
    if (m_export) {
        m_export->disconnect(this);
        m_export->kill();
        m_export->waitForFinished(1000);
        m_export->deleteLater();
        m_export = nullptr;
    }
    ++m_loadGeneration;
    m_exportDir = std::make_unique<QTemporaryDir>(QDir::temp().filePath(QStringLiteral("chorus-projector-XXXXXX")));
    if (!m_exportDir->isValid())
        return showError(tr("Cannot create a temporary folder: %1").arg(m_exportDir->errorString()));
    m_loading = true;
    m_exportFrequencyOrdered = frequencyOrdered;
    m_status->setText(busyText);
    m_export = new QProcess(this);
    m_export->setProgram(m_cliProgram);
    m_export->setArguments(QStringList{QStringLiteral("export"), QString::fromStdString(m_project->path())} + what +
                           QStringList{m_exportDir->filePath(QStringLiteral("out"))});
    connect(m_export, &QProcess::finished, this, [this, name] { exportFinished(name); });
    connect(m_export, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        const QString message = tr("Cannot start %1: %2").arg(m_cliProgram, m_export->errorString());
        m_export->deleteLater();
        m_export = nullptr;
        showError(message);
    });
    m_export->start();
}

void EmbeddingProjector::exportFinished(const QString &name)
{
    QProcess *process = m_export;
    m_export = nullptr;
    process->deleteLater();
    if (process->exitStatus() != QProcess::NormalExit || process->exitCode() != 0) {
        QString reason = lastLine(process->readAllStandardError());
        if (reason.isEmpty())
            reason = lastLine(process->readAllStandardOutput());
        if (reason.isEmpty())
            reason = tr("exit code %1").arg(process->exitCode());
        return showError(tr("Exporting the embeddings failed: %1").arg(reason));
    }
    const QString folder = m_exportDir->filePath(QStringLiteral("out"));
    const std::string vectors = QDir(folder).filePath(QStringLiteral("vectors.tsv")).toStdString();
    const std::string metadata = QDir(folder).filePath(QStringLiteral("metadata.tsv")).toStdString();
    const bool frequencyOrdered = m_exportFrequencyOrdered; // token ids: special tokens, then by count
    loadInBackground(name, [vectors, metadata, frequencyOrdered]() -> chorus::Result<chorus::ProjectorTable> {
        auto table = chorus::ProjectorTable::loadTsv(vectors, metadata);
        if (table)
            table->frequencyOrdered = frequencyOrdered;
        return table;
    });
}

void EmbeddingProjector::loadTsv(const QString &vectorsPath, const QString &metadataPath)
{
    const std::string vectors = vectorsPath.toStdString();
    const std::string metadata = metadataPath.toStdString();
    loadInBackground(QFileInfo(vectorsPath).fileName(),
                     [vectors, metadata] { return chorus::ProjectorTable::loadTsv(vectors, metadata); });
}

void EmbeddingProjector::chooseTsv()
{
    const QString vectors =
        QFileDialog::getOpenFileName(this, tr("Projector vectors"), QString(), tr("Tab-separated vectors (*.tsv *.txt)"));
    if (vectors.isEmpty())
        return;
    // The projector's own naming (vectors.tsv beside metadata.tsv) is found without asking.
    const QFileInfo info(vectors);
    QString metadata = info.dir().filePath(info.fileName().replace(QStringLiteral("vectors"), QStringLiteral("metadata")));
    if (metadata == vectors || !QFileInfo::exists(metadata))
        metadata = QFileDialog::getOpenFileName(this, tr("Projector metadata (cancel for row numbers)"), info.path(),
                                                tr("Tab-separated metadata (*.tsv *.txt)"));
    loadTsv(vectors, metadata);
}

void EmbeddingProjector::loadInBackground(const QString &name, TableLoader load)
{
    const quint64 generation = ++m_loadGeneration;
    m_loading = true;
    m_status->setText(tr("Loading %1...").arg(name));
    QThread *thread = QThread::create([this, generation, name, load = std::move(load)] {
        auto table = std::make_shared<chorus::Result<chorus::ProjectorTable>>(chorus::Error{"not loaded"});
        try {
            *table = load();
        } catch (const std::exception &e) {
            *table = chorus::Error{e.what()};
        }
        QMetaObject::invokeMethod(
            this,
            [this, generation, name, table] {
                if (generation != m_loadGeneration)
                    return; // a newer load replaced this one
                if (!*table)
                    return showError(tr("Cannot load %1: %2").arg(name, QString::fromStdString(table->message())));
                m_loading = false;
                setTable(std::make_shared<const chorus::ProjectorTable>(std::move(**table)), name);
            },
            Qt::QueuedConnection);
    });
    // Threads that are done are reclaimed whenever a new one starts.
    for (auto it = m_loaders.begin(); it != m_loaders.end();) {
        if ((*it)->isFinished()) {
            delete *it;
            it = m_loaders.erase(it);
        } else {
            ++it;
        }
    }
    m_loaders.push_back(thread);
    thread->start();
}

bool EmbeddingProjector::isLoading() const
{
    return m_loading;
}

void EmbeddingProjector::setWordVectors(const chorus::WordVectors &vectors, const QString &name, bool frequencyOrdered)
{
    setTable(std::make_shared<const chorus::ProjectorTable>(chorus::ProjectorTable::fromWordVectors(vectors, frequencyOrdered)),
             name);
}

void EmbeddingProjector::setTable(std::shared_ptr<const chorus::ProjectorTable> table, const QString &name)
{
    m_runner->cancel();
    m_table = std::move(table);
    m_tableName = name;
    m_labels.clear();
    m_coordinates.clear();
    m_selected = -1;
    m_neighbours->clear();
    m_selectedLabel->clear();
    m_scatter->clear();
    if (m_table) {
        m_labels.reserve(int(m_table->rows));
        for (std::size_t i = 0; i < m_table->rows; ++i)
            m_labels << QString::fromStdString(m_table->label(i));
        m_status->setText(tr("%1: %2 points in %3 dimensions").arg(name).arg(m_table->rows).arg(m_table->dimensions));
    }
    m_run->setEnabled(m_table != nullptr);
    fillColourChoices();
    applySearch();
    if (m_table) {
        emit tableLoaded(int(m_table->rows));
        // PCA takes a moment even for large tables; t-SNE and UMAP wait for their parameters.
        if (m_settings->method() == ProjectionMethod::Pca)
            runProjection();
    }
}

int EmbeddingProjector::rows() const
{
    return m_table ? int(m_table->rows) : 0;
}

void EmbeddingProjector::setMethod(ProjectionMethod method)
{
    m_settings->setMethod(method);
}

void EmbeddingProjector::setBusy(bool busy)
{
    m_cancel->setEnabled(busy);
    m_progress->setVisible(busy);
    if (busy)
        m_progress->setRange(0, 0); // until t-SNE or UMAP reports its first progress
}

void EmbeddingProjector::runProjection()
{
    if (!m_table)
        return;
    const ProjectionMethod method = m_settings->method();
    if (const QString problem = m_settings->problem(m_table->rows); !problem.isEmpty()) {
        m_status->setText(problem);
        emit projectionFailed(problem);
        return;
    }
    // Starting abandons a run in flight (which reports itself cancelled), so the status follows it.
    m_runner->start(m_table, method, m_settings->tsneOptions(), m_settings->umapOptions());
    setBusy(true);
    const QString what = method == ProjectionMethod::Pca    ? tr("Computing PCA of %1 points...")
                         : method == ProjectionMethod::Tsne ? tr("Computing t-SNE of %1 points...")
                                                            : tr("Computing UMAP of %1 points...");
    m_status->setText(what.arg(m_table->rows));
}

void EmbeddingProjector::cancelProjection()
{
    m_runner->cancel();
}

bool EmbeddingProjector::isProjecting() const
{
    return m_runner->isRunning();
}

void EmbeddingProjector::projectionProgress(int done, int total, const QString &stage)
{
    m_progress->setRange(0, total);
    m_progress->setValue(done);
    m_progress->setFormat(tr("%1: %v of %m").arg(stage));
}

void EmbeddingProjector::projected(const QVector<double> &coordinates, const QString &summary)
{
    setBusy(false);
    m_coordinates = coordinates;
    const int n = rows();
    QVector<double> x(n), y(n);
    for (int i = 0; i < n && 2 * i + 1 < coordinates.size(); ++i) {
        x[i] = coordinates[2 * i];
        y[i] = coordinates[2 * i + 1];
    }
    m_scatter->setPoints(x, y, m_labels);
    applyColouring();
    applySearch();
    m_scatter->setSelected(m_selected);
    m_status->setText(tr("%1: %2").arg(m_tableName, summary));
    emit projectionFinished();
}

void EmbeddingProjector::fillColourChoices()
{
    const QVariant current = m_colour->currentData();
    m_colour->blockSignals(true);
    m_colour->clear();
    m_colour->addItem(tr("None"), QStringLiteral("none"));
    if (m_table && m_table->frequencyOrdered)
        m_colour->addItem(tr("Frequency rank"), QStringLiteral("rank"));
    // Word tables carry only the word itself: colouring by it would give every point its own colour.
    if (m_table && (!m_table->frequencyOrdered || m_table->columns.size() > 1))
        for (std::size_t c = 0; c < m_table->columns.size(); ++c)
            m_colour->addItem(tr("Metadata: %1").arg(QString::fromStdString(m_table->columns[c])),
                              QStringLiteral("column:%1").arg(c));
    const int index = m_colour->findData(current);
    m_colour->setCurrentIndex(index >= 0 ? index : 0);
    m_colour->blockSignals(false);
}

void EmbeddingProjector::applyColouring()
{
    const int n = rows();
    if (!m_table || m_scatter->pointCount() != n || n == 0)
        return;
    const QString mode = m_colour->currentData().toString();
    const PointGroups colouring =
        mode == QLatin1String("rank")               ? PointGrouping::byRank(n)
        : mode.startsWith(QLatin1String("column:")) ? PointGrouping::byColumn(m_table->values.at(mode.mid(7).toULongLong()))
                                                     : PointGrouping::single(n);
    m_scatter->setGroups(colouring.groupOf, colouring.groups);
}

void EmbeddingProjector::applySearch()
{
    const QString text = m_search->text().trimmed();
    QVector<int> matches;
    if (!text.isEmpty())
        for (int i = 0; i < m_labels.size(); ++i)
            if (m_labels[i].contains(text, Qt::CaseInsensitive))
                matches.append(i);
    m_matches = matches.size();
    m_scatter->setHighlighted(matches);
    m_matchLabel->setText(text.isEmpty() ? QString() : tr("%n matching point(s)", nullptr, m_matches));
}

void EmbeddingProjector::selectPoint(int row)
{
    m_neighbours->clear();
    m_selectedLabel->clear();
    if (!m_table || row < 0 || row >= rows()) {
        m_selected = -1;
        m_scatter->setSelected(-1);
        return;
    }
    m_selected = row;
    m_scatter->setSelected(row);
    m_selectedLabel->setText(tr("<b>%1</b>").arg(m_labels[row].toHtmlEscaped()));
    const chorus::MatrixView matrix{m_table->matrix.data(), m_table->rows, m_table->dimensions};
    for (const chorus::Neighbour &n : chorus::cosineNeighboursOfRow(matrix, std::size_t(row), std::size_t(m_k->value()))) {
        auto *item = new QListWidgetItem(tr("%1   %2").arg(m_labels[int(n.index)]).arg(double(n.value), 0, 'f', 3));
        item->setData(Qt::UserRole, int(n.index));
        m_neighbours->addItem(item);
    }
}

QStringList EmbeddingProjector::neighbourLabels() const
{
    QStringList labels;
    for (int i = 0; i < m_neighbours->count(); ++i)
        labels << m_labels.value(m_neighbours->item(i)->data(Qt::UserRole).toInt());
    return labels;
}

bool EmbeddingProjector::exportImage(const QString &path)
{
    return PlotExporter::save(m_scatter->plot(), path);
}

bool EmbeddingProjector::exportCsv(const QString &path) const
{
    if (!m_table || m_coordinates.size() != 2 * rows())
        return false;
    QStringList header{QString::fromStdString(m_table->columns.front()), QStringLiteral("x"), QStringLiteral("y")};
    for (std::size_t c = 1; c < m_table->columns.size(); ++c)
        header << QString::fromStdString(m_table->columns[c]);
    QVector<QStringList> lines;
    lines.reserve(rows());
    for (int i = 0; i < rows(); ++i) {
        QStringList line{m_labels[i], QString::number(m_coordinates[2 * i], 'g', 9),
                         QString::number(m_coordinates[2 * i + 1], 'g', 9)};
        for (std::size_t c = 1; c < m_table->columns.size(); ++c)
            line << QString::fromStdString(m_table->values[c][std::size_t(i)]);
        lines.append(line);
    }
    return PlotExporter::writeCsv(path, header, lines);
}
