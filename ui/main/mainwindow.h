#pragma once

#include <QMainWindow>

#include <cstdint>
#include <memory>

namespace chorus {
class Project;
}

class AttentionExplorer;
class EvaluationView;
class LabelChart;
class ModelFormWidget;
class PostsTableModel;
class RunsPanel;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTableView;
class QTabWidget;
class QTextBrowser;
class TrainingDashboard;

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
    QTabWidget *tabs() const { return m_tabs; }
    ModelFormWidget *modelForm() const { return m_modelForm; }
    TrainingDashboard *trainingDashboard() const { return m_dashboard; }
    RunsPanel *runsPanel() const { return m_runsPanel; }
    EvaluationView *evaluationView() const { return m_evaluation; }
    AttentionExplorer *attentionExplorer() const { return m_attention; }

public slots:
    void applySearch();

private slots:
    void newProject();
    void chooseProject();
    void datasetChanged();
    void postSelected();
    void taskChanged();

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
    QComboBox *m_tasks;
    LabelChart *m_chart;
    QLabel *m_status;
    QTabWidget *m_tabs;
    ModelFormWidget *m_modelForm;
    TrainingDashboard *m_dashboard;
    RunsPanel *m_runsPanel;
    EvaluationView *m_evaluation;
    AttentionExplorer *m_attention;
};
