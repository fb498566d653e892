#include "ui/analytics/userprofileview.h"

#include "core/analytics/analysisstore.h"
#include "core/analytics/profilereport.h"
#include "core/analytics/userfeatures.h"
#include "core/analytics/userprofile.h"
#include "core/recommend/recommendermodel.h"
#include "core/store/project.h"
#include "core/training/runstore.h"
#include "core/util/timeparse.h"
#include "ui/analytics/analyticsplotstyle.h"
#include "ui/analytics/analyticsrunner.h"
#include "ui/analytics/projectcatalog.h"
#include "ui/common/plotexporter.h"
#include "ui/common/plottheme.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStringListModel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

struct UserProfileView::Pending {
    std::unique_ptr<chorus::UserProfile> profile;
    std::vector<Neighbour> neighbours;
    std::vector<std::pair<std::string, double>> terms;
    std::shared_ptr<const chorus::UserSimilarity> similarity; // set when this run built it
    QStringList recommendations; // "title (score): reason", from the newest recommender run
    std::int64_t analysisId = 0;
    QString storeError;
};

namespace {

constexpr int kSimilarUsers = 10;
constexpr int kRecommendations = 5;

// Why an item is recommended, without naming other users: the profile may be under privacy.
QString reasonText(const chorus::RecommendationReason &reason)
{
    using Kind = chorus::RecommendationReason::Kind;
    switch (reason.kind) {
    case Kind::SimilarUsers: return UserProfileView::tr("users with a similar history have it");
    case Kind::SimilarItems: return UserProfileView::tr("similar to items this user interacted with");
    case Kind::SharedTerms: {
        QStringList terms;
        for (const std::string &t : reason.terms)
            terms << QString::fromStdString(t);
        return UserProfileView::tr("shares terms: %1").arg(terms.join(QStringLiteral(", ")));
    }
    case Kind::Popular: break;
    }
    return UserProfileView::tr("popular: %n user(s)", nullptr, reason.popularity);
}

// The newest finished recommender run that knows the user, as "title (score): reason" lines.
QStringList recommendationsFor(chorus::Project &project, std::int64_t userId)
{
    auto runs = chorus::RunStore(project).list();
    if (!runs)
        return {};
    std::int64_t newest = 0;
    for (const chorus::RunSummary &run : *runs)
        if (run.status == "finished" && run.model.rfind("recommender_", 0) == 0 && run.id > newest)
            newest = run.id;
    if (newest == 0)
        return {};
    auto model = chorus::RecommenderModel::loadRun(project, newest);
    if (!model)
        return {};
    auto items = model->recommend(userId, kRecommendations);
    if (!items)
        return {}; // a user the recommender never saw
    QStringList lines;
    for (const chorus::RecommendedItem &item : *items)
        lines << UserProfileView::tr("%1 (%2): %3")
                     .arg(QString::fromStdString(item.title.empty() ? item.item : item.title))
                     .arg(item.score, 0, 'f', 3)
                     .arg(reasonText(item.reason));
    return lines;
}

QString dateOf(const std::optional<std::int64_t> &t)
{
    return t ? QString::fromStdString(chorus::formatIsoUtc(*t)) : QObject::tr("unknown");
}

} // namespace

UserProfileView::UserProfileView(QWidget *parent)
    : QWidget(parent), m_runner(new AnalyticsRunner(this)), m_exportRunner(new AnalyticsRunner(this)),
      m_user(new QLineEdit), m_completer(new QCompleter(this)), m_authorModel(new QStringListModel(this)),
      m_show(new QPushButton(tr("Show profile"))), m_privacy(new QCheckBox(tr("Privacy: pseudonyms only"))),
      m_resolution(new QComboBox), m_tasks(new QListWidget), m_exportFeatures(new QPushButton(tr("Export features CSV..."))),
      m_progress(new QProgressBar), m_status(new QLabel), m_summary(new QLabel), m_terms(new QLabel),
      m_activity(new QCustomPlot), m_labels(new QCustomPlot), m_similar(new QListWidget), m_posts(new QTableWidget),
      m_recommendations(new QListWidget), m_showInProjector(new QPushButton(tr("Show in projector")))
{
    m_showInProjector->setToolTip(tr("The dataset's users as points in the embedding projector (their TF-IDF vectors "
                                     "reduced by LSA), with this user selected"));
    m_showInProjector->setEnabled(false);
    m_completer->setModel(m_authorModel);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_user->setCompleter(m_completer);
    m_user->setPlaceholderText(tr("user: source id, name, pseudonym or number"));
    m_posts->setColumnCount(4);
    m_posts->setHorizontalHeaderLabels({tr("Time (UTC)"), tr("Likes"), tr("Shares"), tr("Text")});
    m_posts->horizontalHeader()->setStretchLastSection(true);
    m_posts->verticalHeader()->hide();
    m_posts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_posts->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_user->setClearButtonEnabled(true);
    m_resolution->addItem(tr("hour"), int(chorus::TimeResolution::Hour));
    m_resolution->addItem(tr("day"), int(chorus::TimeResolution::Day));
    m_resolution->addItem(tr("week"), int(chorus::TimeResolution::Week));
    m_resolution->setCurrentIndex(2);
    m_tasks->setToolTip(tr("Label tasks summarised in the profile and written as feature columns (none checked: "
                           "every task in the profile, none in the features)"));
    m_tasks->setMaximumHeight(110);
    m_progress->setRange(0, 0);
    m_progress->setVisible(false);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_terms->setWordWrap(true);
    m_status->setWordWrap(true);
    for (QCustomPlot *plot : {m_activity, m_labels}) {
        plot->setMinimumHeight(150);
        PlotTheme::followPalette(plot);
    }
    m_activity->yAxis->setLabel(tr("posts"));
    m_labels->yAxis->setLabel(tr("posts"));
    PlotExporter::attachContextMenu(m_activity, [this](const QString &path) {
        QVector<QStringList> rows;
        if (m_profile)
            for (std::size_t b = 0; b < m_profile->activityBuckets.size(); ++b)
                rows << QStringList{AnalyticsPlotStyle::bucketLabel(m_profile->activityBuckets[b], m_profile->resolution),
                                    QString::number(m_profile->activity[b])};
        return PlotExporter::writeCsv(path, {QStringLiteral("bucket"), QStringLiteral("posts")}, rows);
    });
    PlotExporter::attachContextMenu(m_labels, [this](const QString &path) {
        QVector<QStringList> rows;
        if (m_profile)
            for (const chorus::UserLabelMix &mix : m_profile->labels)
                for (std::size_t v = 0; v < mix.values.size(); ++v)
                    rows << QStringList{QString::fromStdString(mix.task), QString::fromStdString(mix.values[v]),
                                        QString::number(mix.totals[v])};
        return PlotExporter::writeCsv(path, {QStringLiteral("task"), QStringLiteral("value"), QStringLiteral("posts")}, rows);
    });

    auto *pick = new QHBoxLayout;
    pick->addWidget(m_user, 1);
    pick->addWidget(m_show);
    pick->addWidget(new QLabel(tr("activity per")));
    pick->addWidget(m_resolution);
    pick->addWidget(m_privacy);
    pick->addWidget(m_progress);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_summary);
    leftLayout->addWidget(new QLabel(tr("Activity")));
    leftLayout->addWidget(m_activity, 1);
    leftLayout->addWidget(new QLabel(tr("Labels of the user's posts")));
    leftLayout->addWidget(m_labels, 1);
    leftLayout->addWidget(new QLabel(tr("Newest posts")));
    leftLayout->addWidget(m_posts, 1);
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(new QLabel(tr("Writes most alike (click to open)")));
    rightLayout->addWidget(m_similar, 2);
    rightLayout->addWidget(m_terms);
    rightLayout->addWidget(m_showInProjector);
    rightLayout->addWidget(new QLabel(tr("Recommended next (newest recommender run)")));
    rightLayout->addWidget(m_recommendations, 1);
    rightLayout->addWidget(new QLabel(tr("Label tasks")));
    rightLayout->addWidget(m_tasks);
    rightLayout->addWidget(m_exportFeatures);
    auto *splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pick);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);

    connect(m_show, &QPushButton::clicked, this, [this] { showUser(m_user->text()); });
    connect(m_user, &QLineEdit::returnPressed, this, [this] { showUser(m_user->text()); });
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &UserProfileView::showUser);
    connect(m_showInProjector, &QPushButton::clicked, this, [this] {
        if (m_profile)
            emit projectorRequested(m_profile->user.userId, privacy());
    });
    connect(m_privacy, &QCheckBox::toggled, this, [this](bool on) {
        emit privacyChanged(on);
        refreshAuthors();
        if (m_profile)
            showUserId(m_profile->user.userId);
        else
            m_user->clear(); // what was typed may be a source id
    });
    connect(m_resolution, &QComboBox::currentIndexChanged, this, [this] {
        if (m_profile)
            showUserId(m_profile->user.userId);
    });
    connect(m_similar, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { showUserId(item->data(Qt::UserRole).toLongLong()); });
    connect(m_similar, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { showUserId(item->data(Qt::UserRole).toLongLong()); });
    connect(m_exportFeatures, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export user features"), QStringLiteral("users.csv"),
                                                          tr("CSV (*.csv)"));
        if (!path.isEmpty())
            exportFeaturesCsv(path);
    });
    connect(m_runner, &AnalyticsRunner::finished, this, [this] {
        setBusy(false);
        if (m_pending->similarity) {
            m_similarity = m_pending->similarity;
            m_similarityDataset = m_datasetId;
        }
        m_profile = std::move(m_pending->profile);
        m_neighbours = std::move(m_pending->neighbours);
        m_recommendationTexts = m_pending->recommendations;
        m_analysisId = m_pending->analysisId;
        QStringList terms;
        for (const auto &term : m_pending->terms)
            terms << QString::fromStdString(term.first);
        m_terms->setText(terms.isEmpty() ? QString() : tr("Characteristic terms: %1").arg(terms.join(QStringLiteral(", "))));
        m_status->clear();
        if (!m_pending->storeError.isEmpty())
            m_status->setText(tr("Not stored: %1").arg(m_pending->storeError));
        showProfile();
        if (m_analysisId > 0)
            emit analysisStored(m_analysisId);
        emit profileShown();
    });
    connect(m_runner, &AnalyticsRunner::failed, this, [this](const QString &message) {
        setBusy(false);
        m_status->setText(message);
    });
    connect(m_runner, &AnalyticsRunner::cancelled, this, [this] { setBusy(false); });
    connect(m_exportRunner, &AnalyticsRunner::finished, this, [this] {
        m_status->setText(tr("Wrote %n user(s) to %1", nullptr, *m_exportRows).arg(m_exportPath));
        emit featuresExported(m_exportPath, *m_exportRows);
    });
    connect(m_exportRunner, &AnalyticsRunner::failed, this, [this](const QString &message) {
        m_status->setText(message);
        emit exportFailed(message);
    });
}

UserProfileView::~UserProfileView() = default;

void UserProfileView::setProject(chorus::Project *project, std::int64_t datasetId)
{
    m_runner->cancel();
    m_exportRunner->cancel();
    m_project = project;
    m_datasetId = datasetId;
    m_similarity.reset();
    m_similarityDataset = -1;
    m_profile.reset();
    m_neighbours.clear();
    m_terms->clear();
    showProfile();
    refreshChoices();
}

void UserProfileView::setDataset(std::int64_t datasetId)
{
    if (datasetId == m_datasetId)
        return;
    m_runner->cancel();
    m_datasetId = datasetId;
    m_profile.reset();
    m_neighbours.clear();
    m_terms->clear();
    showProfile();
    refreshChoices();
}

void UserProfileView::refreshChoices()
{
    const QStringList checked = checkedTasks();
    m_tasks->clear();
    if (m_project)
        for (const QString &task : ProjectCatalog::labelTasks(*m_project, m_datasetId)) {
            auto *item = new QListWidgetItem(task, m_tasks);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(checked.contains(task) ? Qt::Checked : Qt::Unchecked);
        }
    refreshAuthors();
}

void UserProfileView::refreshAuthors()
{
    m_authorIds.clear();
    QStringList names;
    if (m_project)
        for (const ProjectCatalog::Author &a : ProjectCatalog::authors(*m_project, m_datasetId, privacy())) {
            names << a.display;
            m_authorIds.insert(a.display, a.userId);
        }
    m_authorModel->setStringList(names);
}

QStringList UserProfileView::authorNames() const { return m_authorModel->stringList(); }

void UserProfileView::setPrivacy(bool on) { m_privacy->setChecked(on); }
bool UserProfileView::privacy() const { return m_privacy->isChecked(); }

void UserProfileView::setTasks(const QStringList &tasks)
{
    for (int i = 0; i < m_tasks->count(); ++i)
        m_tasks->item(i)->setCheckState(tasks.contains(m_tasks->item(i)->text()) ? Qt::Checked : Qt::Unchecked);
}

QStringList UserProfileView::checkedTasks() const
{
    QStringList out;
    for (int i = 0; i < m_tasks->count(); ++i)
        if (m_tasks->item(i)->checkState() == Qt::Checked)
            out << m_tasks->item(i)->text();
    return out;
}

std::int64_t UserProfileView::currentUserId() const { return m_profile ? m_profile->user.userId : 0; }

bool UserProfileView::isRunning() const { return m_runner->isRunning(); }
bool UserProfileView::isExporting() const { return m_exportRunner->isRunning(); }

void UserProfileView::setBusy(bool busy)
{
    m_show->setEnabled(!busy);
    m_progress->setVisible(busy);
}

void UserProfileView::showUser(const QString &query)
{
    const QString typed = query.trimmed();
    if (typed.isEmpty())
        return;
    // A completed display name is known already; anything else goes through core's lookup rules.
    const auto known = m_authorIds.constFind(typed);
    start(known != m_authorIds.constEnd() ? *known : 0, typed);
}

void UserProfileView::showUserId(std::int64_t userId)
{
    if (userId > 0)
        start(userId, QString());
}

void UserProfileView::start(std::int64_t userId, const QString &query)
{
    if (!m_project) {
        m_status->setText(tr("Open a project first"));
        return;
    }
    chorus::UserProfileOptions options;
    options.datasetId = m_datasetId;
    options.resolution = static_cast<chorus::TimeResolution>(m_resolution->currentData().toInt());
    options.privacy = privacy();
    for (const QString &task : checkedTasks())
        options.tasks.push_back(task.toStdString());
    std::shared_ptr<const chorus::UserSimilarity> similarity = m_similarityDataset == m_datasetId ? m_similarity : nullptr;
    const std::int64_t datasetId = m_datasetId;
    const std::string typed = query.toStdString();

    m_runner->cancel();
    m_pending = std::make_shared<Pending>();
    auto pending = m_pending;
    setBusy(true);
    m_status->setText(tr("Profiling..."));
    m_runner->start(QString::fromStdString(m_project->path()),
                    [pending, options, similarity, datasetId, userId, typed](
                        chorus::Project &project, const AnalyticsRunner::Progress &progress) -> std::string {
                        std::int64_t id = userId;
                        if (id <= 0) {
                            auto who = chorus::UserProfiler::resolve(project, typed, options.privacy);
                            if (!who)
                                return who.message();
                            id = who->userId;
                        }
                        std::shared_ptr<const chorus::UserSimilarity> model = similarity;
                        if (!model) {
                            if (!progress("user vectors", 0.3))
                                return {};
                            chorus::UserVectorOptions vectorOptions;
                            vectorOptions.datasetId = datasetId;
                            auto built = chorus::UserSimilarity::build(project, vectorOptions);
                            if (!built)
                                return built.message();
                            model = std::make_shared<const chorus::UserSimilarity>(std::move(*built));
                            pending->similarity = model;
                        }
                        auto report =
                            chorus::ProfileReport::compute(project, id, options, kSimilarUsers, model.get(), progress);
                        if (!report)
                            return report.message();
                        for (const chorus::ProfileReport::Neighbour &other : report->similar)
                            pending->neighbours.push_back(
                                {other.user.userId, QString::fromStdString(other.user.display), other.similarity});
                        pending->terms = report->topTerms;
                        pending->recommendations = recommendationsFor(project, id);
                        for (const QString &line : pending->recommendations)
                            report->recommendations.push_back(line.toStdString());
                        if (!progress("storing", 1.0))
                            return {};
                        auto stored = chorus::AnalysisStore(project).save("profile", report->defaultName(), datasetId,
                                                                          report->paramsJson(), report->toJson());
                        if (stored)
                            pending->analysisId = *stored;
                        else
                            pending->storeError = QString::fromStdString(stored.message());
                        pending->profile = std::make_unique<chorus::UserProfile>(std::move(report->profile));
                        return {};
                    });
}

bool UserProfileView::showStored(const chorus::StoredAnalysis &analysis)
{
    auto report = chorus::ProfileReport::fromJson(analysis.result);
    if (analysis.kind != "profile" || !report) {
        m_status->setText(tr("Cannot show analysis %1: %2")
                              .arg(analysis.id)
                              .arg(report ? tr("it is not a profile") : QString::fromStdString(report.message())));
        return false;
    }
    // Stored without privacy and privacy on now (or the other way round): name the users as the
    // setting in force asks, from their numeric ids.
    if (m_project && report->options.privacy != privacy())
        if (chorus::Status s = report->reidentify(*m_project, privacy()); !s.ok()) {
            m_status->setText(QString::fromStdString(s.message()));
            return false;
        }
    m_runner->cancel();
    setBusy(false);
    {
        const QSignalBlocker block(m_resolution); // showing a stored profile recomputes nothing
        m_resolution->setCurrentIndex(m_resolution->findData(int(report->options.resolution)));
    }
    m_neighbours.clear();
    for (const chorus::ProfileReport::Neighbour &other : report->similar)
        m_neighbours.push_back({other.user.userId, QString::fromStdString(other.user.display), other.similarity});
    QStringList terms;
    for (const auto &term : report->topTerms)
        terms << QString::fromStdString(term.first);
    m_terms->setText(terms.isEmpty() ? QString() : tr("Characteristic terms: %1").arg(terms.join(QStringLiteral(", "))));
    m_recommendationTexts.clear();
    for (const std::string &line : report->recommendations)
        m_recommendationTexts << QString::fromStdString(line);
    m_profile = std::make_unique<chorus::UserProfile>(std::move(report->profile));
    m_analysisId = analysis.id;
    showProfile();
    // The analysis name may hold the name the profile was stored under: under privacy, say nothing but the id.
    m_status->setText(privacy() ? tr("Stored analysis %1").arg(analysis.id)
                                : tr("Stored analysis %1: %2").arg(analysis.id).arg(QString::fromStdString(analysis.name)));
    emit profileShown();
    return true;
}

void UserProfileView::showProfile()
{
    m_similar->clear();
    m_showInProjector->setEnabled(m_profile != nullptr);
    if (!m_profile) {
        m_posts->setRowCount(0);
        m_recommendations->clear();
        m_summary->setText(m_project ? tr("Pick a user to see their profile") : QString());
        m_activity->clearPlottables();
        m_activity->replot(QCustomPlot::rpQueuedReplot);
        m_labels->clearPlottables();
        m_labels->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    const chorus::UserProfile &p = *m_profile;
    const QString who = QString::fromStdString(p.user.display);
    m_user->setText(who);
    QString summary = tr("%1 (#%2): %n post(s)", nullptr, int(p.posts)).arg(who).arg(p.user.userId);
    summary += QLatin1Char('\n') + tr("first post %1, last post %2").arg(dateOf(p.firstPost), dateOf(p.lastPost));
    summary += QLatin1Char('\n') + tr("received %1 likes, %2 shares, %3 replies (per post %4, %5, %6)")
                                       .arg(p.likes)
                                       .arg(p.shares)
                                       .arg(p.replies)
                                       .arg(p.meanLikes, 0, 'g', 3)
                                       .arg(p.meanShares, 0, 'g', 3)
                                       .arg(p.meanReplies, 0, 'g', 3);
    summary += QLatin1Char('\n') + tr("%n interaction(s)", nullptr, int(p.interactions));
    m_summary->setText(summary);
    for (const Neighbour &n : m_neighbours) {
        auto *item = new QListWidgetItem(tr("%1  (%2)").arg(n.display).arg(n.similarity, 0, 'f', 3));
        item->setData(Qt::UserRole, QVariant::fromValue<qlonglong>(n.userId));
        m_similar->addItem(item);
    }
    m_recommendations->clear();
    m_recommendations->addItems(m_recommendationTexts);
    m_posts->clearContents();
    m_posts->setRowCount(int(p.recentPosts.size()));
    for (int row = 0; row < int(p.recentPosts.size()); ++row) {
        const chorus::UserPost &post = p.recentPosts[std::size_t(row)];
        m_posts->setItem(row, 0, new QTableWidgetItem(dateOf(post.createdAt)));
        m_posts->setItem(row, 1, new QTableWidgetItem(QString::number(post.likes)));
        m_posts->setItem(row, 2, new QTableWidgetItem(QString::number(post.shares)));
        m_posts->setItem(row, 3, new QTableWidgetItem(QString::fromStdString(post.text)));
    }
    showActivity();
    showLabels();
}

void UserProfileView::showActivity()
{
    m_activity->clearPlottables();
    const chorus::UserProfile &p = *m_profile;
    AnalyticsPlotStyle::setTimeAxis(m_activity->xAxis, p.resolution);
    auto *bars = new QCPBars(m_activity->xAxis, m_activity->yAxis);
    bars->setPen(Qt::NoPen);
    bars->setBrush(AnalyticsPlotStyle::seriesColor(0));
    const double width = double(chorus::TimeBucket::seconds(p.resolution));
    bars->setWidth(width * 0.85);
    QVector<double> keys, values;
    double top = 0;
    for (std::size_t b = 0; b < p.activityBuckets.size(); ++b) {
        keys << AnalyticsPlotStyle::bucketCenter(p.activityBuckets[b], p.resolution);
        values << double(p.activity[b]);
        top = std::max(top, values.back());
    }
    bars->setData(keys, values, true);
    if (keys.isEmpty())
        m_activity->xAxis->setRange(0, width);
    else
        m_activity->xAxis->setRange(keys.front() - width, keys.back() + width);
    m_activity->yAxis->setRange(0, top > 0 ? top * 1.1 : 1);
    m_activity->replot(QCustomPlot::rpQueuedReplot);
}

void UserProfileView::showLabels()
{
    m_labels->clearPlottables();
    const chorus::UserProfile &p = *m_profile;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double x = 1;
    double top = 0;
    for (std::size_t t = 0; t < p.labels.size(); ++t) {
        const chorus::UserLabelMix &mix = p.labels[t];
        auto *bars = new QCPBars(m_labels->xAxis, m_labels->yAxis);
        bars->setName(QString::fromStdString(mix.task));
        bars->setPen(Qt::NoPen);
        bars->setBrush(AnalyticsPlotStyle::seriesColor(int(t)));
        bars->setWidth(0.8);
        QVector<double> keys, values;
        for (std::size_t v = 0; v < mix.values.size(); ++v, x += 1) {
            keys << x;
            values << double(mix.totals[v]);
            top = std::max(top, values.back());
            ticker->addTick(x, QString::fromStdString(mix.task + "\n" + mix.values[v]));
        }
        bars->setData(keys, values, true);
        x += 0.5; // a gap between tasks
    }
    m_labels->xAxis->setTicker(ticker);
    m_labels->xAxis->setRange(0, std::max(2.0, x));
    m_labels->yAxis->setRange(0, top > 0 ? top * 1.1 : 1);
    m_labels->replot(QCustomPlot::rpQueuedReplot);
}

void UserProfileView::exportFeaturesCsv(const QString &path)
{
    if (!m_project) {
        emit exportFailed(tr("Open a project first"));
        return;
    }
    chorus::UserFeatureOptions options;
    options.datasetId = m_datasetId;
    options.privacy = privacy();
    for (const QString &task : checkedTasks())
        options.tasks.push_back(task.toStdString());
    auto rows = std::make_shared<int>(0);
    m_exportRows = rows;
    m_exportPath = path;
    const std::string target = path.toStdString();
    m_status->setText(tr("Writing user features..."));
    m_exportRunner->start(QString::fromStdString(m_project->path()),
                          [options, rows, target](chorus::Project &project, const AnalyticsRunner::Progress &) -> std::string {
                              auto table = chorus::UserFeatures::build(project, options);
                              if (!table)
                                  return table.message();
                              if (chorus::Status s = chorus::UserFeatures::writeCsv(*table, target); !s.ok())
                                  return s.message();
                              *rows = int(table->rows.size());
                              return {};
                          });
}
