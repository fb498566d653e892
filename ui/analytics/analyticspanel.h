#pragma once

#include <QWidget>

#include <cstdint>

namespace chorus {
class Project;
}

class OpinionView;
class QComboBox;
class QTabWidget;
class TopicsView;
class TrendsView;
class UserProfileView;

// The Analytics tab: a dataset chooser over three views, each computed on the analytics thread
// and exportable: Topics, Trends & opinion (trends above, opinion below) and Users. It only wires
// the views together (a stored topic task shows up among the label tasks of the others).
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

private:
    void datasetChanged();

    chorus::Project *m_project = nullptr;
    QComboBox *m_dataset;
    QTabWidget *m_tabs;
    TopicsView *m_topics;
    TrendsView *m_trends;
    OpinionView *m_opinion;
    UserProfileView *m_users;
};
