#pragma once

#include "core/store/postbrowser.h"

#include <QWidget>

#include <cstdint>
#include <vector>

namespace chorus {
class Project;
}

class QCheckBox;
class QComboBox;
class QDateEdit;
class QPushButton;

// The filters above the posts table: label task and value, split and part, has picture / clip,
// and a creation date range. Each change emits changed(); the window combines the bar with the
// text search into one chorus::PostFilter.
class PostFilterBar : public QWidget {
    Q_OBJECT

public:
    explicit PostFilterBar(QWidget *parent = nullptr);

    // Fills the split list for a dataset and clears every filter (no changed()); the label tasks
    // follow with setLabelCounts().
    void setSource(chorus::Project *project, std::int64_t datasetId);
    // The dataset's label tasks and values (counted off the window's thread, see FilterStats):
    // they fill the task and value menus; a task chosen before stays chosen when it is still there.
    void setLabelCounts(const std::vector<chorus::TaskLabelCounts> &tasks);
    // Writes the chosen filters into `filter` (leaving its dataset and search alone).
    void fill(chorus::PostFilter &filter) const;
    // Back to "anything" (emits changed() once when something was set).
    void clear();

    // For tests and scripting: the widgets a user works with.
    QComboBox *taskCombo() const { return m_task; }
    QComboBox *valueCombo() const { return m_value; }
    QComboBox *splitCombo() const { return m_split; }
    QComboBox *partCombo() const { return m_part; }
    QCheckBox *imageCheck() const { return m_image; }
    QCheckBox *videoCheck() const { return m_video; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }

signals:
    void changed();

private slots:
    void taskChosen();
    void fillValues();
    void splitChosen();

private:
    chorus::Project *m_project = nullptr;
    std::int64_t m_datasetId = 0;
    std::vector<chorus::TaskLabelCounts> m_labelCounts;
    QComboBox *m_task;
    QComboBox *m_value;
    QComboBox *m_split;
    QComboBox *m_part;
    QCheckBox *m_image;
    QCheckBox *m_video;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QPushButton *m_clear;
};
