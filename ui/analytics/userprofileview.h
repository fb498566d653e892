#pragma once

#include "core/analytics/usersimilarity.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <memory>
#include <vector>

// UserProfile is declared, not included: core/analytics/timebucket.h's chorus::TimeBucket clashes
// with the enum of that name in core/store/postbrowser.h, and AUTOMOC compiles every Q_OBJECT
// header of the library in one translation unit.
namespace chorus {
class Project;
struct StoredAnalysis;
struct UserProfile;
} // namespace chorus

class AnalyticsRunner;
class QCheckBox;
class QCompleter;
class QComboBox;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QListWidget;
class QTableWidget;
class QProgressBar;
class QPushButton;
class QStringListModel;

// One user at a time: posts, first and last post, likes, shares and replies received (sums and
// means), activity over time, each label task's mix as bars, the users who write most alike (a
// click opens theirs) and their characteristic terms. Users are picked by typing with completion
// over the dataset's authors. With privacy on, only pseudonyms appear anywhere in the view and
// lookups accept only pseudonyms. Profiles, the similarity model (built once per dataset) and the
// user feature CSV are computed on the analytics thread; each profile is stored in the project
// (AnalysisStore kind "profile") and a stored one is shown again without recomputing. "Show in
// projector" asks for the dataset's users as points of the embedding projector, this one selected.
class UserProfileView : public QWidget {
    Q_OBJECT

public:
    struct Neighbour {
        std::int64_t userId = 0;
        QString display; // a pseudonym under privacy
        double similarity = 0;
    };

    explicit UserProfileView(QWidget *parent = nullptr);
    ~UserProfileView() override;

    // datasetId 0: the authors of every dataset. Reads the author list once for both.
    void setProject(chorus::Project *project, std::int64_t datasetId = 0);
    void setDataset(std::int64_t datasetId);
    std::int64_t dataset() const { return m_datasetId; }
    // Re-reads authors and label tasks.
    void refreshChoices();

    void setPrivacy(bool on);
    bool privacy() const;
    // Checks exactly these tasks in the task list (profile mixes and feature columns).
    void setTasks(const QStringList &tasks);
    QStringList checkedTasks() const;

    // Looks a user up as typed (source id, pseudonym, name or numeric id; pseudonym or id under
    // privacy) and shows their profile.
    void showUser(const QString &query);
    void showUserId(std::int64_t userId);
    bool isRunning() const;
    // Shows a stored profile analysis, its users named under the current privacy setting; false,
    // with the reason in the status line, when it is not one.
    bool showStored(const chorus::StoredAnalysis &analysis);
    // The stored analysis shown; 0 when nothing shown is stored.
    std::int64_t analysisId() const { return m_analysisId; }
    QPushButton *projectorButton() const { return m_showInProjector; }

    // Writes the user feature table (checked tasks as columns) in the background; featuresExported
    // or exportFailed follows.
    void exportFeaturesCsv(const QString &path);
    bool isExporting() const;

    // The profile shown; nullptr when none.
    const chorus::UserProfile *profile() const { return m_profile.get(); }
    // The user shown; 0 when none.
    std::int64_t currentUserId() const;
    const std::vector<Neighbour> &neighbours() const { return m_neighbours; }
    QLineEdit *userEdit() const { return m_user; }
    QCompleter *completer() const { return m_completer; }
    QStringList authorNames() const;
    QListWidget *similarList() const { return m_similar; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *termsLabel() const { return m_terms; }
    // The user's newest posts and, from the newest recommender run, what to show them next.
    QTableWidget *postsTable() const { return m_posts; }
    QListWidget *recommendationsList() const { return m_recommendations; }
    QLabel *statusLabel() const { return m_status; }
    QCustomPlot *activityPlot() const { return m_activity; }
    QCustomPlot *labelPlot() const { return m_labels; }

signals:
    void profileShown();
    // A computed profile was stored in the project as analysis `id`.
    void analysisStored(qint64 id);
    void privacyChanged(bool on);
    // "Show in projector": the users of the dataset as points, with this one selected.
    void projectorRequested(qint64 userId, bool privacy);
    void featuresExported(const QString &path, int rows);
    void exportFailed(const QString &message);

private:
    void start(std::int64_t userId, const QString &query);
    void showProfile();
    void showActivity();
    void showLabels();
    void refreshAuthors();
    void setBusy(bool busy);

    chorus::Project *m_project = nullptr;
    std::int64_t m_datasetId = 0;
    AnalyticsRunner *m_runner;
    AnalyticsRunner *m_exportRunner;
    QLineEdit *m_user;
    QCompleter *m_completer;
    QStringListModel *m_authorModel;
    QHash<QString, std::int64_t> m_authorIds;
    QPushButton *m_show;
    QCheckBox *m_privacy;
    QComboBox *m_resolution;
    QListWidget *m_tasks;
    QPushButton *m_exportFeatures;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_summary;
    QLabel *m_terms;
    QCustomPlot *m_activity;
    QCustomPlot *m_labels;
    QListWidget *m_similar;
    QTableWidget *m_posts;
    QListWidget *m_recommendations;
    QPushButton *m_showInProjector;
    QStringList m_recommendationTexts;
    std::int64_t m_analysisId = 0;

    std::unique_ptr<chorus::UserProfile> m_profile;
    std::vector<Neighbour> m_neighbours;
    // Built on first use per dataset and shared read-only with later runs.
    std::shared_ptr<const chorus::UserSimilarity> m_similarity;
    std::int64_t m_similarityDataset = -1;
    struct Pending;
    std::shared_ptr<Pending> m_pending;
    std::shared_ptr<int> m_exportRows; // users written by the export in flight
    QString m_exportPath;
};
