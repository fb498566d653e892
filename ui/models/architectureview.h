#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QWidget>

#include <nlohmann/json.hpp>

class QLabel;
class WorkerRequest;
class QStandardItemModel;
class QTimer;
class QTreeView;

// The Models tab's architecture view: the model the form describes as a tree of its layers, each
// with its type, output shape and parameter counts, and the totals. The GUI cannot build a model
// (it does not link LibTorch), so `chorus-cli describe` builds it and runs it once on a dummy batch,
// in the background; the view follows the form a moment after each change, while it is shown.
// The data's sizes (vocabulary, classes, ...) come from the project the first time and are
// reused for later changes that leave them alone, so editing a hyperparameter answers at once.
class ArchitectureView : public QWidget {
    Q_OBJECT

public:
    explicit ArchitectureView(QWidget *parent = nullptr);
    ~ArchitectureView() override;

    void setProgram(const QString &program) { m_program = program; }
    // The project file whose data sizes the model; empty: default sizes.
    void setProjectPath(const QString &path);
    // The run config to describe (the form's); described shortly after, once the view is shown.
    void setConfig(const nlohmann::json &config);
    // Describes the current config now, in the background; described() or failed() follow.
    void describeNow();
    // Fills the tree from `chorus-cli describe --json` output.
    void setDescription(const nlohmann::json &description);

    bool isDescribing() const;
    qint64 totalParameters() const { return m_parameters; }
    qint64 trainableParameters() const { return m_trainable; }
    QTreeView *tree() const { return m_tree; }
    QStandardItemModel *model() const { return m_model; }
    QLabel *totalsLabel() const { return m_totals; }
    QLabel *statusLabel() const { return m_status; }

    enum Column { NameColumn, TypeColumn, ShapeColumn, ParametersColumn, TrainableColumn, ColumnCount };

signals:
    void described();
    void failed(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void scheduleDescribe();
    void workerAnswered(const QByteArray &output, const QByteArray &errors, int exitCode);
    void showFailure(const QString &message);
    QString shapeKey() const;

    QString m_program;
    QString m_projectPath;
    nlohmann::json m_config = nlohmann::json::object();
    bool m_stale = false;
    QHash<QString, nlohmann::json> m_shapes; // data sizes read from the project, by shapeKey()
    QString m_runningKey;                    // shapeKey() of the running describe, when it reads the project
    qint64 m_parameters = 0;
    qint64 m_trainable = 0;
    WorkerRequest *m_worker;
    QTimer *m_delay;
    QTreeView *m_tree;
    QStandardItemModel *m_model;
    QLabel *m_totals;
    QLabel *m_status;
};
