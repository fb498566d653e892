#pragma once

#include "core/split/datasetsplitter.h"

#include <QDialog>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace chorus {
class Project;
}

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QThread;

// Data > Split: train / validation / test parts of a dataset made by core's DatasetSplitter
// (random, random stratified by a label task, by time, by user). The ratios must sum to 1; the
// message names the field to fix. The split runs on a thread with its own project connection, so
// the dialog stays responsive on large datasets.
class SplitDialog : public QDialog {
    Q_OBJECT

public:
    // Reads the datasets and their label tasks now; keeps only the project's path.
    explicit SplitDialog(chorus::Project &project, QWidget *parent = nullptr);
    ~SplitDialog() override;

    // For tests and scripting.
    QComboBox *datasetCombo() const { return m_dataset; }
    QComboBox *strategyCombo() const { return m_strategy; }
    QComboBox *taskCombo() const { return m_task; }
    QDoubleSpinBox *trainRatio() const { return m_train; }
    QDoubleSpinBox *validRatio() const { return m_valid; }
    QDoubleSpinBox *testRatio() const { return m_test; }
    QSpinBox *seedBox() const { return m_seed; }
    QLineEdit *nameEdit() const { return m_name; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *splitButton() const { return m_run; }
    bool isRunning() const { return m_thread != nullptr; }
    // The last split made here.
    const std::optional<chorus::SplitInfo> &result() const { return m_result; }

    // "random", "stratified", "time" or "user"; false when unknown.
    bool setStrategy(const QString &strategy);
    // The options the form describes, or why it cannot be used (naming the field to fix).
    std::optional<chorus::SplitOptions> splitOptions(QString *problem) const;
    // The meta key under which a split's name is kept in the project.
    static QString nameKey(qint64 splitId);

public slots:
    // Validates, then splits in the background; the result or the error shows in the dialog.
    void startSplit();
    void reject() override;

signals:
    void splitCreated(qint64 splitId);

private:
    void updateTasks();
    void updateControls();
    void showResult(const chorus::SplitInfo &info);
    void showError(const QString &message);
    void joinThread();

    QString m_projectPath;
    QMap<QString, QStringList> m_tasks; // dataset -> label tasks
    QComboBox *m_dataset;
    QComboBox *m_strategy;
    QComboBox *m_task;
    QDoubleSpinBox *m_train;
    QDoubleSpinBox *m_valid;
    QDoubleSpinBox *m_test;
    QSpinBox *m_seed;
    QLineEdit *m_name;
    QLabel *m_message;
    QPushButton *m_run;
    QDialogButtonBox *m_buttons;
    QThread *m_thread = nullptr;
    std::optional<chorus::SplitInfo> m_result;
};
