#pragma once

#include <QString>
#include <QWidget>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace chorus {
class Project;
class RecommenderModel;
} // namespace chorus

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QSpinBox;
class QStandardItemModel;
class QTableView;
class QTableWidget;
class QThread;

// The Recommend tab: pick a recommender run and a user (the list filters as you type), see the
// user's history (items with weights and times) and the run's top-K recommendations with scores
// and the reason for each. The run's saved model is loaded on a worker thread with its own
// connection to the project, and the recommendations are computed there too, so the window never
// waits; a newer request makes the result of an older one be dropped.
class RecommenderPanel : public QWidget {
    Q_OBJECT

public:
    explicit RecommenderPanel(QWidget *parent = nullptr);
    // Waits for the worker threads: they hold the model and a project connection.
    ~RecommenderPanel() override;

    void setProject(chorus::Project *project);
    // Re-reads the finished recommender runs (after training, say).
    void refresh();
    // Selects a run in the chooser (loading starts); false when it is not a finished recommender run.
    bool setRun(std::int64_t runId);
    // Selects a user of the loaded model (computing starts); false when the model has no such user.
    bool setUser(std::int64_t userId);

    std::int64_t currentRun() const;
    std::int64_t currentUser() const { return m_user; }

    QComboBox *runChooser() const { return m_runs; }
    QLineEdit *userFilter() const { return m_filter; }
    QTableView *usersView() const { return m_usersView; }
    QSpinBox *kChooser() const { return m_k; }
    QTableWidget *historyTable() const { return m_history; }
    QTableWidget *recommendationsTable() const { return m_recommendations; }
    QLabel *statusLabel() const { return m_status; }

signals:
    void modelLoaded(qint64 runId, int users);
    void recommendationsShown(qint64 userId, int count);
    void failed(const QString &message);

private:
    // What a background job hands back to the GUI thread.
    using Apply = std::function<void(RecommenderPanel &panel)>;

    void runChanged();
    void userActivated();
    void recompute();
    void startJob(std::uint64_t &generation, std::function<Apply()> job);
    void reapThreads();
    void showModel(std::int64_t runId, std::shared_ptr<const chorus::RecommenderModel> model);
    void showFailure(const QString &message);

    chorus::Project *m_project = nullptr;
    QString m_projectPath;
    std::shared_ptr<const chorus::RecommenderModel> m_model;
    std::int64_t m_user = 0;
    std::vector<QThread *> m_threads;
    std::uint64_t m_loadGeneration = 0;
    std::uint64_t m_recommendGeneration = 0;

    QComboBox *m_runs;
    QLineEdit *m_filter;
    QSpinBox *m_k;
    QStandardItemModel *m_users;
    QSortFilterProxyModel *m_usersFilter;
    QTableView *m_usersView;
    QTableWidget *m_history;
    QTableWidget *m_recommendations;
    QLabel *m_userTitle;
    QLabel *m_status;
};
