#include "ui/main/mainwindow.h"

#include "core/plugins/pluginmanager.h"
#include "core/store/postbrowser.h"
#include "core/store/project.h"
#include "ui/analytics/analyticspanel.h"
#include "ui/analytics/userprofileview.h"
#include "ui/attention/attentionexplorer.h"
#include "ui/common/applanguage.h"
#include "ui/common/apptheme.h"
#include "ui/common/workbenchsettings.h"
#include "ui/data/filterstats.h"
#include "ui/data/labelchart.h"
#include "ui/data/postfilterbar.h"
#include "ui/data/timechart.h"
#include "ui/data/videostrip.h"
#include "ui/main/pluginsdialog.h"
#include "ui/main/recentprojects.h"
#include "ui/embeddings/embeddingprojector.h"
#include "ui/data/poststablemodel.h"
#include "ui/data/splitdialog.h"
#include "ui/import/importwizard.h"
#include "ui/models/modelformwidget.h"
#include "ui/recommenders/recommenderpanel.h"
#include "ui/runs/evaluationview.h"
#include "ui/runs/runspanel.h"
#include "ui/sequences/seq2seqview.h"
#include "ui/training/trainingdashboard.h"
#include "ui/training/workerprocess.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QApplication>
#include <QComboBox>
#include <QDir>
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

#include <algorithm>
#include <climits>
#include <cstdint>

namespace {

QString escaped(const std::string &text) { return QString::fromStdString(text).toHtmlEscaped(); }

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_datasets(new QListWidget), m_search(new QLineEdit), m_posts(new QTableView),
      m_model(new PostsTableModel(this)), m_detail(new QTextBrowser), m_image(new QLabel), m_videoStrip(new VideoStrip),
      m_tasks(new QComboBox),
      m_chart(new LabelChart), m_status(new QLabel), m_tabs(new QTabWidget), m_modelForm(new ModelFormWidget),
      m_dashboard(new TrainingDashboard), m_runsPanel(new RunsPanel), m_evaluation(new EvaluationView),
      m_attention(new AttentionExplorer), m_projector(new EmbeddingProjector)
{
    m_filterBar = new PostFilterBar;
    m_timeChart = new TimeChart;
    m_stats = new FilterStats(this);
    m_matches = new QLabel;
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
    // Any post found by search or browsing can be explained, not only a run's probe posts.
    m_explainPost = new QAction(tr("Explain in the Attention Explorer"), this);
    m_explainPost->setObjectName(QStringLiteral("explainPost"));
    m_posts->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_posts->addAction(m_explainPost);
    connect(m_explainPost, &QAction::triggered, this, &MainWindow::explainSelectedPost);
    connect(m_posts, &QTableView::doubleClicked, this, &MainWindow::explainSelectedPost);

    auto *center = new QWidget;
    auto *centerLayout = new QVBoxLayout(center);
    centerLayout->setContentsMargins(0, 0, 0, 0);
    centerLayout->addWidget(m_search);
    centerLayout->addWidget(m_filterBar);
    centerLayout->addWidget(m_posts);

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(new QLabel(tr("Post")));
    rightLayout->addWidget(m_detail, 2);
    rightLayout->addWidget(m_image, 1);
    rightLayout->addWidget(m_videoStrip);
    rightLayout->addWidget(new QLabel(tr("Label distribution")));
    rightLayout->addWidget(m_tasks);
    rightLayout->addWidget(m_chart, 2);
    rightLayout->addWidget(new QLabel(tr("Posts over time (search and filters)")));
    rightLayout->addWidget(m_timeChart, 2);

    auto *splitter = new QSplitter;
    m_dataSplitter = splitter;
    m_dataSplitter->setObjectName(QStringLiteral("data")); // names its screenshot in any language
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
    m_tabs->addTab(m_projector, tr("Projector"));
    m_analytics = new AnalyticsPanel;
    m_tabs->addTab(m_analytics, tr("Analytics"));
    m_recommenders = new RecommenderPanel;
    m_tabs->addTab(m_recommenders, tr("Recommend"));
    // Beside the recommenders: a seq2seq run's beam and cross-attention for one input.
    m_sequences = new Seq2seqView;
    m_tabs->addTab(m_sequences, tr("Sequences"));
    setCentralWidget(m_tabs);
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_matches);
    m_dashboard->setModelForm(m_modelForm);
    connect(m_dashboard, &TrainingDashboard::runEnded, m_runsPanel, &RunsPanel::refresh);
    connect(m_dashboard, &TrainingDashboard::runEnded, m_attention, &AttentionExplorer::refresh);
    connect(m_dashboard, &TrainingDashboard::runEnded, m_projector, &EmbeddingProjector::refresh);
    connect(m_dashboard, &TrainingDashboard::runEnded, m_analytics, &AnalyticsPanel::refresh);
    connect(m_dashboard, &TrainingDashboard::runEnded, m_recommenders, &RecommenderPanel::refresh);
    connect(m_dashboard, &TrainingDashboard::runEnded, m_sequences, &Seq2seqView::refresh);
    // A user's profile opens the projector on the dataset's users with that user selected; the
    // projector's user sources follow the profile's privacy switch.
    connect(m_analytics, &AnalyticsPanel::userEmbeddingRequested, this,
            [this](const QString &dataset, qint64 userId, bool privacy) {
                m_projector->setUserPrivacy(privacy);
                m_projector->loadUsers(dataset, privacy, userId);
                m_tabs->setCurrentWidget(m_projector);
            });
    connect(m_analytics->usersView(), &UserProfileView::privacyChanged, m_projector, &EmbeddingProjector::setUserPrivacy);
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
    connect(m_filterBar, &PostFilterBar::changed, this, &MainWindow::applySearch);
    connect(m_stats, &FilterStats::ready, this, &MainWindow::statsReady);
    connect(m_stats, &FilterStats::labelsReady, this, &MainWindow::labelsReady);
    connect(m_stats, &FilterStats::failed, this, [this](const QString &message) {
        m_matches->setText(tr("cannot count: %1").arg(message));
    });
    restoreSettings();
}

MainWindow::~MainWindow()
{
    m_model->setProject(nullptr);
    m_modelForm->setProject(nullptr);
    m_dashboard->setProject(nullptr);
    m_evaluation->setProject(nullptr);
    m_attention->setProject(nullptr);
    m_projector->setProject(nullptr);
    m_runsPanel->setProject(nullptr);
    m_analytics->setProject(nullptr);
    m_recommenders->setProject(nullptr);
    m_sequences->setProject(nullptr);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(tr("&New Project..."), this, &MainWindow::newProject);
    newAction->setShortcut(QKeySequence::New);
    QAction *openAction = file->addAction(tr("&Open Project..."), this, &MainWindow::chooseProject);
    openAction->setShortcut(QKeySequence::Open);
    file->addSeparator();
    file->addAction(tr("&Import Data..."), this, &MainWindow::openImportWizard);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::refreshRecentMenu);
    refreshRecentMenu();
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *find = edit->addAction(tr("&Find Posts"), this, [this] {
        m_tabs->setCurrentIndex(0);
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    edit->addAction(tr("&Clear Filters"), m_filterBar, &PostFilterBar::clear);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    // Ctrl+1 to Ctrl+9, then Ctrl+0 for the tenth tab, as the number row runs.
    for (int i = 0; i < m_tabs->count() && i < 10; ++i) {
        QAction *go = view->addAction(tr("Go to %1").arg(m_tabs->tabText(i)), this, [this, i] { m_tabs->setCurrentIndex(i); });
        go->setObjectName(QStringLiteral("go-to-tab-%1").arg(i + 1));
        go->setShortcut(QKeySequence(Qt::CTRL | (i < 9 ? static_cast<Qt::Key>(Qt::Key_1 + i) : Qt::Key_0)));
    }
    view->addSeparator();
    QMenu *theme = view->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(this);
    for (const AppTheme::Theme t : {AppTheme::System, AppTheme::Light, AppTheme::Dark}) {
        QAction *action = theme->addAction(AppTheme::label(t));
        action->setCheckable(true);
        action->setChecked(AppTheme::current() == t);
        action->setData(AppTheme::name(t));
        action->setObjectName(QStringLiteral("theme-") + AppTheme::name(t));
        themes->addAction(action);
        connect(action, &QAction::triggered, this, [this, t] {
            AppTheme::apply(t);
            WorkbenchSettings::open()->setValue(QStringLiteral("theme"), AppTheme::name(t));
            m_status->setText(tr("Theme: %1").arg(AppTheme::label(t).remove(QLatin1Char('&'))));
        });
    }
    // The translator is chosen at start (app/gui/main.cpp): every panel builds its texts once, so a
    // new language shows after a restart.
    QMenu *language = view->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(this);
    for (const AppLanguage::Language l : {AppLanguage::System, AppLanguage::English, AppLanguage::SimplifiedChinese}) {
        QAction *action = language->addAction(AppLanguage::label(l));
        action->setCheckable(true);
        action->setChecked(AppLanguage::saved() == l);
        action->setObjectName(QStringLiteral("language-") + AppLanguage::name(l));
        languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, l] {
            AppLanguage::save(l);
            m_status->setText(AppLanguage::resolvedLocale(l) == AppLanguage::resolvedLocale(AppLanguage::current())
                                  ? tr("Language: %1").arg(AppLanguage::label(l).remove(QLatin1Char('&')))
                                  : tr("Language: %1. Restart Chorus to apply it.")
                                        .arg(AppLanguage::label(l).remove(QLatin1Char('&'))));
        });
    }
    QMenu *data = menuBar()->addMenu(tr("&Data"));
    data->addAction(tr("&Split Dataset..."), this, &MainWindow::openSplitDialog);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *plugins = help->addAction(tr("&Plugins..."), this, [this] {
        auto *dialog = new PluginsDialog(chorus::PluginManager::global(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    plugins->setObjectName(QStringLiteral("action-plugins"));
}

ImportWizard *MainWindow::openImportWizard()
{
    if (!m_project) {
        QMessageBox::information(this, tr("Import data"), tr("Open or create a project first."));
        return nullptr;
    }
    auto *wizard = new ImportWizard(projectPath(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &ImportWizard::datasetImported, this, [this](const QString &dataset) {
        refreshDatasets();
        m_analytics->refresh();
        m_status->setText(tr("Imported into dataset '%1'").arg(dataset));
    });
    wizard->show();
    return wizard;
}

SplitDialog *MainWindow::openSplitDialog()
{
    if (!m_project) {
        QMessageBox::information(this, tr("Split dataset"), tr("Open or create a project first."));
        return nullptr;
    }
    auto *dialog = new SplitDialog(*m_project, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SplitDialog::splitCreated, this,
            [this](qint64 splitId) { m_status->setText(tr("Split %1 stored").arg(splitId)); });
    dialog->show();
    return dialog;
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
    m_projector->setProject(m_project.get());
    m_runsPanel->setProject(m_project.get());
    m_analytics->setProject(m_project.get());
    m_recommenders->setProject(m_project.get());
    m_sequences->setProject(m_project.get());
    setWindowTitle(tr("%1 - Chorus").arg(QFileInfo(path).fileName()));
    RecentProjects::add(path);
    refreshRecentMenu();
    refreshDatasets();
    m_status->setText(tr("Opened %1").arg(QDir::toNativeSeparators(path)));
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
    m_filterBar->setSource(m_project.get(), currentDatasetId());
    applySearch();
    // The label menus and chart fill in when the counts arrive from FilterStats's thread.
    m_labelCounts.clear();
    m_tasks->blockSignals(true);
    m_tasks->clear();
    m_tasks->blockSignals(false);
    taskChanged();
    if (m_project)
        m_stats->requestLabels(QString::fromStdString(m_project->path()), currentDatasetId());
}

void MainWindow::labelsReady(qint64 datasetId, const std::vector<chorus::TaskLabelCounts> &tasks)
{
    if (!m_project || datasetId != currentDatasetId())
        return;
    m_labelCounts = tasks;
    m_filterBar->setLabelCounts(tasks);
    const QString shown = m_tasks->currentText();
    m_tasks->blockSignals(true);
    m_tasks->clear();
    for (const chorus::TaskLabelCounts &task : tasks)
        m_tasks->addItem(QString::fromStdString(task.task));
    // Open on the classification task (2 to 20 classes) that labels the most posts, rather than
    // the alphabetically first one, which may be a regression target or a sparse side task.
    std::int64_t mostLabelled = 0;
    for (int i = 0; i < int(tasks.size()); ++i) {
        const auto &counts = tasks[std::size_t(i)].counts;
        if (counts.size() < 2 || counts.size() > 20)
            continue;
        std::int64_t labelled = 0;
        for (const auto &entry : counts)
            labelled += entry.second;
        if (labelled > mostLabelled) {
            mostLabelled = labelled;
            m_tasks->setCurrentIndex(i);
        }
    }
    if (const int kept = m_tasks->findText(shown); !shown.isEmpty() && kept >= 0)
        m_tasks->setCurrentIndex(kept);
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
    m_filterBar->fill(filter);
    const QString error = m_model->setFilter(filter);
    m_matchCount = -1;
    if (error.isEmpty()) {
        m_matches->setText(tr("counting..."));
        m_stats->request(projectPath(), filter);
    } else {
        m_matches->clear();
        m_timeChart->setCounts({});
    }
    if (m_model->rowCount() > 0)
        m_posts->selectRow(0);
    if (!error.isEmpty())
        m_status->setText(tr("Search failed: %1").arg(error));
    else
        m_status->setText(filter.search.empty() ? tr("%1").arg(projectPath())
                                                : tr("Search \"%1\" in %2").arg(m_search->text(), projectPath()));
}

void MainWindow::explainSelectedPost()
{
    const QModelIndex current = m_posts->currentIndex();
    const std::int64_t postId = current.isValid() ? m_model->postId(current.row()) : 0;
    if (postId <= 0)
        return;
    const qint64 runId = m_attention->currentRun();
    if (runId == 0) {
        m_status->setText(tr("No run to explain post %1 with: train a model that attends (an RNN with attention, "
                             "a transformer, a fusion model) first.")
                              .arg(postId));
        return;
    }
    m_attention->openPost(runId, postId);
    m_tabs->setCurrentWidget(m_attention);
    m_status->setText(tr("Post %1 in the Attention Explorer, under run %2 (choose another run there).").arg(postId).arg(runId));
}

void MainWindow::postSelected()
{
    const std::int64_t id = m_model->postId(m_posts->currentIndex().row());
    m_image->clear();
    m_videoStrip->clear();
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
    bool clipShown = false;
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
        if (m.kind == "video" && !m.path.empty() && !clipShown) {
            m_videoStrip->showClip(QString::fromStdString(m.path));
            clipShown = true;
        }
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
    for (const chorus::TaskLabelCounts &counted : m_labelCounts)
        if (QString::fromStdString(counted.task) == task) {
            m_chart->setCounts(task, counted.counts);
            return;
        }
    m_chart->setCounts(task, {});
}

void MainWindow::statsReady(qint64 count, const chorus::PostsOverTime &overTime)
{
    m_matchCount = count;
    m_matches->setText(tr("%n post(s) match", nullptr, static_cast<int>(std::min<qint64>(count, INT_MAX))));
    m_timeChart->setCounts(overTime);
}

void MainWindow::refreshRecentMenu()
{
    m_recentMenu->clear();
    const QStringList paths = RecentProjects::list();
    for (int i = 0; i < paths.size(); ++i) {
        const QString &path = paths[i];
        QAction *action = m_recentMenu->addAction(tr("&%1 %2").arg(i + 1 < 10 ? QString::number(i + 1) : QStringLiteral("1&0"),
                                                                    QDir::toNativeSeparators(path)));
        action->setData(path);
        connect(action, &QAction::triggered, this, [this, path] {
            if (const QString error = openProject(path); !error.isEmpty())
                QMessageBox::warning(this, tr("Cannot open project"), error);
        });
    }
    if (paths.isEmpty())
        m_recentMenu->addAction(tr("No recent projects"))->setEnabled(false);
    m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear List"), this, [this] {
        RecentProjects::clear();
        refreshRecentMenu();
        m_status->setText(tr("Recent projects cleared"));
    });
    clear->setEnabled(!paths.isEmpty());
}

void MainWindow::saveSettings() const
{
    auto settings = WorkbenchSettings::open();
    settings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings->setValue(QStringLiteral("window/state"), saveState());
    settings->setValue(QStringLiteral("window/dataSplitter"), m_dataSplitter->saveState());
    settings->setValue(QStringLiteral("theme"), AppTheme::name(AppTheme::current()));
}

void MainWindow::restoreSettings()
{
    auto settings = WorkbenchSettings::open();
    restoreGeometry(settings->value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings->value(QStringLiteral("window/state")).toByteArray());
    m_dataSplitter->restoreState(settings->value(QStringLiteral("window/dataSplitter")).toByteArray());
    const AppTheme::Theme theme = AppTheme::fromName(settings->value(QStringLiteral("theme")).toString());
    if (theme != AppTheme::current()) {
        AppTheme::apply(theme);
        for (QAction *action : findChildren<QAction *>(QStringLiteral("theme-") + AppTheme::name(theme)))
            action->setChecked(true);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}
