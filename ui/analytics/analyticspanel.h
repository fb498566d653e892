#pragma once

#include <QWidget>

#include <cstdint>

namespace chorus {
class Project;
}

class OpinionView;
class QComboBox;
class StoredAnalysesView;
class QTabWidget;
class TopicsView;
class TrendsView;
class UserProfileView;

// The Analytics tab: a dataset chooser over four views, each computed on the analytics thread,
// stored in the project and exportable: Topics, Trends & opinion (trends above, opinion below),
// Users, and the Stored analyses, which opens any of them again in its view. It only wires the
// views together (a stored topic task shows up among the label tasks of the others).
class AnalyticsPanel : public QWidget {
    Q_OBJECT

public:
    explicit AnalyticsPanel(QWidget *parent = nullptr);

    void setProject(chorus::Project *project);
    // Re-reads the datasets and what the forms offer (after an import or a finished run, say).
    void refresh();
    // Picks a dataset by name; false when there is no such dataset with posts.
    bool setDataset(const QString &name);
    std::int64_t datasetId() const;

    QTabWidget *tabs() const { return m_tabs; }
    TopicsView *topicsView() const { return m_topics; }
    TrendsView *trendsView() const { return m_trends; }
    OpinionView *opinionView() const { return m_opinion; }
    UserProfileView *usersView() const { return m_users; }
    StoredAnalysesView *storedView() const { return m_stored; }

    // Shows stored analysis `id` in its view (switching to that view's tab); false, with the
    // reason in the stored list's status line, when it cannot be shown.
    bool openAnalysis(std::int64_t id);

signals:
    // The Users view asks for the dataset's users in the embedding projector, this one selected.
    void userEmbeddingRequested(const QString &dataset, qint64 userId, bool privacy);

private:
    void fillDatasets();
    // usersFresh: the user view has just read its choices for the current dataset.
    void refreshViews(bool usersFresh);
    void datasetChanged();

    chorus::Project *m_project = nullptr;
    QComboBox *m_dataset;
    QTabWidget *m_tabs;
    TopicsView *m_topics;
    TrendsView *m_trends;
    OpinionView *m_opinion;
    UserProfileView *m_users;
    StoredAnalysesView *m_stored;
};
