#pragma once

#include "core/store/postbrowser.h"

#include <QMainWindow>

#include <cstdint>
#include <memory>
#include <vector>

namespace chorus {
class Project;
}

class AnalyticsPanel;
class RecommenderPanel;
class Seq2seqView;
class AttentionExplorer;
class EmbeddingProjector;
class EvaluationView;
class FilterStats;
class PostFilterBar;
class TimeChart;
class ImportWizard;
class LabelChart;
class ModelFormWidget;
class PostsTableModel;
class RunsPanel;
class SplitDialog;
class QAction;
class QCloseEvent;
class QComboBox;
class QMenu;
class QSplitter;
class QLabel;
class QLineEdit;
class QListWidget;
class QTableView;
class QTabWidget;
class QTextBrowser;
class TrainingDashboard;
class VideoStrip;

// The workbench window: datasets on the left, their posts in a lazily filled table with full-text
// search, the selected post and the label distribution on the right. Panels beyond this first
// window arrive with the GUI issue; storage stays in core.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens (creating when missing) a project; on failure shows nothing new and returns the message.
    QString openProject(const QString &path);
    QString projectPath() const;

    // For tests and scripting: the widgets a user works with.
    QListWidget *datasetList() const { return m_datasets; }
    QLineEdit *searchField() const { return m_search; }
    QTableView *postsView() const { return m_posts; }
    PostsTableModel *postsModel() const { return m_model; }
    QTextBrowser *detailView() const { return m_detail; }
    QComboBox *taskCombo() const { return m_tasks; }
    LabelChart *labelChart() const { return m_chart; }
    QLabel *imagePreview() const { return m_image; }
    // Frames of the selected post's video (its first clip with a file).
    VideoStrip *videoStrip() const { return m_videoStrip; }
    QTabWidget *tabs() const { return m_tabs; }
    ModelFormWidget *modelForm() const { return m_modelForm; }
    TrainingDashboard *trainingDashboard() const { return m_dashboard; }
    RunsPanel *runsPanel() const { return m_runsPanel; }
    EvaluationView *evaluationView() const { return m_evaluation; }
    AttentionExplorer *attentionExplorer() const { return m_attention; }
    PostFilterBar *filterBar() const { return m_filterBar; }
    TimeChart *timeChart() const { return m_timeChart; }
    QSplitter *dataSplitter() const { return m_dataSplitter; }
    QMenu *recentMenu() const { return m_recentMenu; }
    // On the posts table (right click, or a double click on a row): the selected post in the
    // attention explorer, under the run chosen there.
    QAction *explainPostAction() const { return m_explainPost; }
    // Posts matching the search and filters; -1 while the count is being computed.
    qint64 matchCount() const { return m_matchCount; }

    // Window geometry and state, the data tab's splitter sizes and the theme, kept in
    // WorkbenchSettings; restored on construction, saved on close.
    void saveSettings() const;
    void restoreSettings();
    EmbeddingProjector *embeddingProjector() const { return m_projector; }
    AnalyticsPanel *analyticsPanel() const { return m_analytics; }
    RecommenderPanel *recommenderPanel() const { return m_recommenders; }
    Seq2seqView *sequencesView() const { return m_sequences; }

    // File > Import Data and Data > Split Dataset: open (non-modal, deleted on close) and return the
    // window, or nullptr with a message when no project is open. The dataset list refreshes after
    // an import.
    ImportWizard *openImportWizard();
    SplitDialog *openSplitDialog();

public slots:
    void applySearch();

private slots:
    void newProject();
    void chooseProject();
    void datasetChanged();
    void postSelected();
    void explainSelectedPost();
    void taskChanged();
    void labelsReady(qint64 datasetId, const std::vector<chorus::TaskLabelCounts> &tasks);
    void statsReady(qint64 count, const chorus::PostsOverTime &overTime);
    void refreshRecentMenu();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void refreshDatasets();
    std::int64_t currentDatasetId() const;

    std::unique_ptr<chorus::Project> m_project;
    QListWidget *m_datasets;
    QLineEdit *m_search;
    QTableView *m_posts;
    PostsTableModel *m_model;
    QTextBrowser *m_detail;
    QLabel *m_image;
    VideoStrip *m_videoStrip;
    QComboBox *m_tasks;
    LabelChart *m_chart;
    QLabel *m_status;
    QTabWidget *m_tabs;
    ModelFormWidget *m_modelForm;
    TrainingDashboard *m_dashboard;
    RunsPanel *m_runsPanel;
    EvaluationView *m_evaluation;
    AttentionExplorer *m_attention;
    PostFilterBar *m_filterBar;
    TimeChart *m_timeChart;
    FilterStats *m_stats;
    QLabel *m_matches;
    QSplitter *m_dataSplitter = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_explainPost = nullptr;
    std::vector<chorus::TaskLabelCounts> m_labelCounts; // of the current dataset, once counted
    qint64 m_matchCount = -1;
    EmbeddingProjector *m_projector;
    AnalyticsPanel *m_analytics = nullptr;
    RecommenderPanel *m_recommenders = nullptr;
    Seq2seqView *m_sequences = nullptr;
};
