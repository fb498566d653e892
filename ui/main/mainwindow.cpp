#include "ui/main/mainwindow.h"

#include "core/store/postbrowser.h"
#include "core/store/project.h"
#include "ui/attention/attentionexplorer.h"
#include "ui/data/labelchart.h"
#include "ui/data/poststablemodel.h"
#include "ui/models/modelformwidget.h"
#include "ui/runs/evaluationview.h"
#include "ui/runs/runspanel.h"
#include "ui/training/trainingdashboard.h"
#include "ui/training/workerprocess.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <cstdint>

namespace {

QString escaped(const std::string &text) { return QString::fromStdString(text).toHtmlEscaped(); }

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_datasets(new QListWidget), m_search(new QLineEdit), m_posts(new QTableView),
      m_model(new PostsTableModel(this)), m_detail(new QTextBrowser), m_image(new QLabel), m_tasks(new QComboBox),
      m_chart(new LabelChart), m_status(new QLabel), m_tabs(new QTabWidget), m_modelForm(new ModelFormWidget),
      m_dashboard(new TrainingDashboard), m_runsPanel(new RunsPanel), m_evaluation(new EvaluationView),
      m_attention(new AttentionExplorer)
{
    setWindowTitle(tr("Chorus"));
    resize(1280, 800);

    m_search->setPlaceholderText(tr("Search post text (e.g. election, \"exact phrase\", elect*)"));
    m_search->setClearButtonEnabled(true);
    m_posts->setModel(m_model);
    m_posts->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_posts->setSelectionMode(QAbstractItemView::SingleSelection);
    m_posts->setWordWrap(false);
    m_posts->verticalHeader()->setVisible(false);
    m_posts->verticalHeader()->setDefaultSectionSize(22);
    m_posts->horizontalHeader()->setSectionResizeMode(PostsTableModel::TextColumn, QHeaderView::Stretch);
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setMinimumHeight(140);

    auto *center = new QWidget;
    auto *centerLayout = new QVBoxLayout(center);
    centerLayout->setContentsMargins(0, 0, 0, 0);
    centerLayout->addWidget(m_search);
    centerLayout->addWidget(m_posts);

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(new QLabel(tr("Post")));
    rightLayout->addWidget(m_detail, 2);
    rightLayout->addWidget(m_image, 1);
    rightLayout->addWidget(new QLabel(tr("Label distribution")));
    rightLayout->addWidget(m_tasks);
    rightLayout->addWidget(m_chart, 2);

    auto *splitter = new QSplitter;
    splitter->addWidget(m_datasets);
    splitter->addWidget(center);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 5);
    splitter->setStretchFactor(2, 2);
    splitter->setSizes({180, 760, 340});
    // Models, training and runs talk to the worker process (chorus-cli) and to core, never to LibTorch.
    m_tabs->addTab(splitter, tr("Data"));
    m_tabs->addTab(m_modelForm, tr("Models"));
    m_tabs->addTab(m_dashboard, tr("Training"));
    m_tabs->addTab(m_runsPanel, tr("Runs"));
    // The evaluation follows the run selected in the Runs tab; its mistakes open in the explorer.
    m_tabs->addTab(m_evaluation, tr("Evaluation"));
    m_tabs->addTab(m_attention, tr("Attention"));
    setCentralWidget(m_tabs);
    statusBar()->addWidget(m_status, 1);
    m_dashboard->setModelForm(m_modelForm);
    connect(m_dashboard, &TrainingDashboard::runEnded, m_runsPanel, &RunsPanel::refresh);
    connect(m_dashboard, &TrainingDashboard::runEnded, m_attention, &AttentionExplorer::refresh);
    connect(m_runsPanel->table()->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QList<qint64> runs = m_runsPanel->selectedRuns();
        if (runs.size() == 1 || (!runs.isEmpty() && !runs.contains(m_evaluation->run())))
            m_evaluation->showRun(runs.last());
        else if (runs.isEmpty())
            m_evaluation->showRun(0);
    });
    connect(m_evaluation, &EvaluationView::postActivated, this, [this](qint64 runId, qint64 postId) {
        m_attention->openPost(runId, postId);
        m_tabs->setCurrentWidget(m_attention);
    });
    connect(m_modelForm, &ModelFormWidget::catalogFailed, m_status, &QLabel::setText);
    m_modelForm->loadCatalog(WorkerProcess::defaultProgram());
    m_dashboard->refreshDevices();

    buildMenus();
    connect(m_search, &QLineEdit::returnPressed, this, &MainWindow::applySearch);
    connect(m_datasets, &QListWidget::currentRowChanged, this, &MainWindow::datasetChanged);
    connect(m_posts->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::postSelected);
    connect(m_tasks, &QComboBox::currentTextChanged, this, &MainWindow::taskChanged);
}

MainWindow::~MainWindow()
{
    m_model->setProject(nullptr);
    m_modelForm->setProject(nullptr);
    m_dashboard->setProject(nullptr);
    m_evaluation->setProject(nullptr);
    m_attention->setProject(nullptr);
    m_runsPanel->setProject(nullptr);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(tr("&New Project..."), this, &MainWindow::newProject);
    newAction->setShortcut(QKeySequence::New);
    QAction *openAction = file->addAction(tr("&Open Project..."), this, &MainWindow::chooseProject);
    openAction->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
}

QString MainWindow::openProject(const QString &path)
{
    auto project = chorus::Project::open(path.toStdString());
    if (!project)
        return QString::fromStdString(project.message());
    m_model->setProject(nullptr);
    m_project = std::move(*project);
    m_model->setProject(m_project.get());
    m_modelForm->setProject(m_project.get());
    m_dashboard->setProject(m_project.get());
    // Before the runs panel: its refresh re-selects runs, which makes the evaluation view read.
    m_evaluation->setProject(m_project.get());
    m_attention->setProject(m_project.get());
    m_runsPanel->setProject(m_project.get());
    setWindowTitle(tr("%1 - Chorus").arg(QFileInfo(path).fileName()));
    refreshDatasets();
    return {};
}

QString MainWindow::projectPath() const
{
    return m_project ? QString::fromStdString(m_project->path()) : QString();
}

void MainWindow::newProject()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("New project"), QString(), tr("Chorus projects (*.chorus)"));
    if (path.isEmpty())
        return;
    if (const QString error = openProject(path); !error.isEmpty())
        QMessageBox::warning(this, tr("Cannot create project"), error);
}

void MainWindow::chooseProject()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QString(), tr("Chorus projects (*.chorus)"));
    if (path.isEmpty())
        return;
    if (const QString error = openProject(path); !error.isEmpty())
        QMessageBox::warning(this, tr("Cannot open project"), error);
}

void MainWindow::refreshDatasets()
{
    m_datasets->clear();
    auto datasets = m_project->datasets();
    if (!datasets) {
        m_status->setText(QString::fromStdString(datasets.message()));
        return;
    }
    for (const chorus::DatasetInfo &d : *datasets) {
        auto *item = new QListWidgetItem(
            tr("%1\n%2 posts, %3 interactions").arg(QString::fromStdString(d.name)).arg(d.posts).arg(d.interactions));
        item->setData(Qt::UserRole, QVariant::fromValue<qlonglong>(d.id));
        m_datasets->addItem(item);
    }
    if (m_datasets->count() > 0)
        m_datasets->setCurrentRow(0);
    else
        datasetChanged();
}

std::int64_t MainWindow::currentDatasetId() const
{
    const QListWidgetItem *item = m_datasets->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

void MainWindow::datasetChanged()
{
    applySearch();
    m_tasks->blockSignals(true);
    m_tasks->clear();
    if (m_project) {
        chorus::PostBrowser browser(*m_project);
        if (auto tasks = browser.labelTasks(currentDatasetId()))
            for (const std::string &task : *tasks)
                m_tasks->addItem(QString::fromStdString(task));
    }
    // Open on the classification task (2 to 20 classes) that labels the most posts, rather than
    // the alphabetically first one, which may be a regression target or a sparse side task.
    if (m_project && m_tasks->count() > 1) {
        chorus::PostBrowser browser(*m_project);
        std::int64_t mostLabelled = 0;
        for (int i = 0; i < m_tasks->count(); ++i) {
            auto counts = browser.labelCounts(currentDatasetId(), m_tasks->itemText(i).toStdString());
            if (!counts || counts->size() < 2 || counts->size() > 20)
                continue;
            std::int64_t labelled = 0;
            for (const auto &entry : *counts)
                labelled += entry.second;
            if (labelled > mostLabelled) {
                mostLabelled = labelled;
                m_tasks->setCurrentIndex(i);
            }
        }
    }
    m_tasks->blockSignals(false);
    taskChanged();
}

void MainWindow::applySearch()
{
    if (!m_project)
        return;
    chorus::PostFilter filter;
    filter.datasetId = currentDatasetId();
    filter.search = m_search->text().trimmed().toStdString();
    const QString error = m_model->setFilter(filter);
    if (m_model->rowCount() > 0)
        m_posts->selectRow(0);
    if (!error.isEmpty())
        m_status->setText(tr("Search failed: %1").arg(error));
    else
        m_status->setText(filter.search.empty() ? tr("%1").arg(projectPath())
                                                : tr("Search \"%1\" in %2").arg(m_search->text(), projectPath()));
}

void MainWindow::postSelected()
{
    const std::int64_t id = m_model->postId(m_posts->currentIndex().row());
    m_image->clear();
    if (!m_project || id == 0) {
        m_detail->clear();
        return;
    }
    chorus::PostBrowser browser(*m_project);
    auto detail = browser.detail(id);
    if (!detail) {
        m_detail->setPlainText(QString::fromStdString(detail.message()));
        return;
    }
    QString html = QStringLiteral("<p style='font-size:large'>%1</p>").arg(escaped(detail->row.text));
    html += QStringLiteral("<p><b>%1</b> %2 · %3 · %4</p>")
                .arg(tr("by"), escaped(detail->row.author), escaped(detail->row.createdAt), escaped(detail->dataset));
    html += tr("<p>%1 likes, %2 shares, %3 replies").arg(detail->row.likes).arg(detail->shares).arg(detail->replies);
    if (!detail->clientApp.empty())
        html += tr(" · via %1").arg(escaped(detail->clientApp));
    if (!detail->replyTo.empty())
        html += tr(" · reply to %1").arg(escaped(detail->replyTo));
    html += QStringLiteral("</p><ul>");
    for (const auto &[task, value] : detail->labels)
        html += QStringLiteral("<li><b>%1</b>: %2</li>").arg(escaped(task), escaped(value));
    html += QStringLiteral("</ul>");
    for (const chorus::PostMedia &m : detail->media) {
        html += QStringLiteral("<p>%1 %2×%3 %4</p>")
                    .arg(escaped(m.kind))
                    .arg(m.width)
                    .arg(m.height)
                    .arg(escaped(m.path));
        QPixmap pixmap;
        if (!m.blob.empty())
            pixmap.loadFromData(reinterpret_cast<const uchar *>(m.blob.data()), static_cast<uint>(m.blob.size()));
        else if (m.kind == "image")
            pixmap.load(QString::fromStdString(m.path));
        if (!pixmap.isNull() && m_image->pixmap().isNull())
            m_image->setPixmap(pixmap.scaled(256, 256, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    }
    m_detail->setHtml(html);
}

void MainWindow::taskChanged()
{
    const QString task = m_tasks->currentText();
    if (!m_project || task.isEmpty()) {
        m_chart->setCounts(QString(), {});
        return;
    }
    chorus::PostBrowser browser(*m_project);
    auto counts = browser.labelCounts(currentDatasetId(), task.toStdString());
    m_chart->setCounts(task, counts ? *counts : std::vector<std::pair<std::string, std::int64_t>>());
}
