#include "ui/analytics/analyticspanel.h"

#include "core/analytics/analysisstore.h"
#include "core/store/project.h"
#include "ui/analytics/opinionview.h"
#include "ui/analytics/projectcatalog.h"
#include "ui/analytics/storedanalysesview.h"
#include "ui/analytics/topicsview.h"
#include "ui/analytics/trendsview.h"
#include "ui/analytics/userprofileview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

AnalyticsPanel::AnalyticsPanel(QWidget *parent)
    : QWidget(parent), m_dataset(new QComboBox), m_tabs(new QTabWidget), m_topics(new TopicsView),
      m_trends(new TrendsView), m_opinion(new OpinionView), m_users(new UserProfileView), m_stored(new StoredAnalysesView)
{
    auto *trendsAndOpinion = new QSplitter(Qt::Vertical);
    trendsAndOpinion->addWidget(m_trends);
    trendsAndOpinion->addWidget(m_opinion);
    m_tabs->addTab(m_topics, tr("Topics"));
    m_tabs->addTab(trendsAndOpinion, tr("Trends && opinion"));
    m_tabs->addTab(m_users, tr("Users"));
    m_tabs->addTab(m_stored, tr("Stored analyses"));
    m_dataset->setMinimumContentsLength(16);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Dataset")));
    bar->addWidget(m_dataset);
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_tabs, 1);

    connect(m_dataset, &QComboBox::currentIndexChanged, this, &AnalyticsPanel::datasetChanged);
    // Topics stored as a label task become something to trend, filter opinion by, and profile.
    connect(m_topics, &TopicsView::labelsChanged, this, [this] {
        m_trends->refreshTasks();
        m_opinion->refreshTasks();
        m_users->refreshChoices();
    });
    // Whatever a view computes is stored; the list follows, and opens any of them again.
    connect(m_topics, &TopicsView::analysisStored, m_stored, &StoredAnalysesView::refresh);
    connect(m_trends, &TrendsView::analysisStored, m_stored, &StoredAnalysesView::refresh);
    connect(m_opinion, &OpinionView::analysisStored, m_stored, &StoredAnalysesView::refresh);
    connect(m_users, &UserProfileView::analysisStored, m_stored, &StoredAnalysesView::refresh);
    connect(m_users, &UserProfileView::privacyChanged, m_stored, &StoredAnalysesView::setPrivacy);
    connect(m_stored, &StoredAnalysesView::openRequested, this, [this](qint64 id) { openAnalysis(id); });
    connect(m_users, &UserProfileView::projectorRequested, this, [this](qint64 userId, bool privacy) {
        emit userEmbeddingRequested(m_dataset->currentText(), userId, privacy);
    });
}

void AnalyticsPanel::setProject(chorus::Project *project)
{
    m_project = project;
    m_topics->setProject(project);
    m_trends->setProject(project);
    m_opinion->setProject(project);
    m_stored->setProject(project);
    fillDatasets();
    // Given its dataset at once: the author list (tens of thousands of names on a big project, the
    // costly part of opening one) is read once, not for all datasets and then for the first.
    m_users->setProject(project, datasetId());
    refreshViews(true);
}

void AnalyticsPanel::refresh()
{
    fillDatasets();
    refreshViews(false);
}

void AnalyticsPanel::fillDatasets()
{
    const QString current = m_dataset->currentText();
    const QSignalBlocker block(m_dataset);
    m_dataset->clear();
    if (m_project)
        for (const ProjectCatalog::Dataset &d : ProjectCatalog::postDatasets(*m_project))
            m_dataset->addItem(d.name, QVariant::fromValue<qlonglong>(d.id));
    const int index = m_dataset->findText(current);
    m_dataset->setCurrentIndex(index >= 0 ? index : (m_dataset->count() > 0 ? 0 : -1));
}

void AnalyticsPanel::refreshViews(bool usersFresh)
{
    const std::int64_t usersBefore = m_users->dataset();
    datasetChanged();
    // The same dataset keeps its views; what they offer may still be new (runs, label tasks).
    m_topics->refresh();
    m_trends->refreshTasks();
    m_opinion->refreshTasks();
    // A new dataset has just refreshed the user view's choices.
    if (!usersFresh && m_users->dataset() == usersBefore)
        m_users->refreshChoices();
    m_stored->refresh();
}

bool AnalyticsPanel::setDataset(const QString &name)
{
    const int index = m_dataset->findText(name);
    if (index < 0)
        return false;
    m_dataset->setCurrentIndex(index);
    return true;
}

std::int64_t AnalyticsPanel::datasetId() const { return m_dataset->currentData().toLongLong(); }

void AnalyticsPanel::datasetChanged()
{
    const std::int64_t id = datasetId();
    m_topics->setDataset(id, m_dataset->currentText());
    m_trends->setDataset(id);
    m_opinion->setDataset(id);
    m_users->setDataset(id);
}

bool AnalyticsPanel::openAnalysis(std::int64_t id)
{
    if (!m_project)
        return false;
    auto analysis = chorus::AnalysisStore(*m_project).load(id);
    if (!analysis) {
        m_stored->statusLabel()->setText(QString::fromStdString(analysis.message()));
        return false;
    }
    // The view shows the analysis of its own dataset: switch to it first (a result of every dataset
    // is shown over whichever is chosen).
    if (!analysis->dataset.empty())
        setDataset(QString::fromStdString(analysis->dataset));
    bool shown = false;
    QWidget *tab = nullptr;
    if (analysis->kind == "trends") {
        shown = m_trends->showStored(*analysis);
        tab = m_tabs->widget(1);
    } else if (analysis->kind == "opinion") {
        shown = m_opinion->showStored(*analysis);
        tab = m_tabs->widget(1);
    } else if (analysis->kind == "profile") {
        shown = m_users->showStored(*analysis);
        tab = m_users;
    } else if (analysis->kind == "topics") {
        shown = m_topics->showStored(*analysis);
        tab = m_topics;
    }
    if (!shown) {
        m_stored->statusLabel()->setText(tr("Cannot open analysis %1 (%2)").arg(id).arg(QString::fromStdString(analysis->kind)));
        return false;
    }
    m_tabs->setCurrentWidget(tab);
    return true;
}
