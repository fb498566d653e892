#pragma once

#include "ui/sequences/seq2seqexplanation.h"

#include <QString>
#include <QWidget>

#include <cstdint>
#include <optional>

namespace chorus {
class Project;
}

class CrossAttentionMap;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class Seq2seqRunner;

// The Sequences tab: pick a seq2seq run (replies or behaviour), give it a source (a typed text or a
// stored post by id for a replies run, "kind:item kind:item ..." actions for a behaviour run),
// optionally another beam width or length penalty, and see the beam's candidates with their scores
// and the cross-attention of the selected one (decoded tokens over source tokens). The model runs
// in `chorus-cli explain` in the background (Seq2seqRunner): the window never waits for it.
class Seq2seqView : public QWidget {
    Q_OBJECT

public:
    enum InputMode { TypedInput = 0, PostById = 1 };

    explicit Seq2seqView(QWidget *parent = nullptr);

    void setProject(chorus::Project *project);
    // Re-reads the project's seq2seq runs (after training, say); keeps the chosen one.
    void refresh();
    // Selects a listed run; false when it is not one.
    bool setRun(std::int64_t runId);
    std::int64_t currentRun() const;
    QString currentSource() const; // "replies" or "behaviour" for the chosen run, else empty
    // Shows a candidate's cross-attention (and selects its row); false when there is no such candidate.
    bool selectCandidate(int index);
    // The explanation on screen, if any.
    const Seq2seqExplanation *shown() const { return m_shown ? &*m_shown : nullptr; }

    QComboBox *runChooser() const { return m_runs; }
    QComboBox *inputModeChooser() const { return m_mode; }
    QLineEdit *inputField() const { return m_text; }
    QSpinBox *postField() const { return m_post; }
    // At their minimum they show "as trained": the run's own setting is used.
    QSpinBox *beamWidthField() const { return m_beam; }
    QDoubleSpinBox *lengthPenaltyField() const { return m_penalty; }
    QPushButton *generateButton() const { return m_generate; }
    QPushButton *cancelButton() const { return m_cancel; }
    QTableWidget *candidatesTable() const { return m_candidates; }
    CrossAttentionMap *attentionMap() const { return m_map; }
    QLabel *sourceLabel() const { return m_sourceTokens; }
    QLabel *hintLabel() const { return m_hint; }
    QLabel *statusLabel() const { return m_status; }
    Seq2seqRunner *runner() const { return m_runner; }

public slots:
    // Decodes the current input with the chosen run (a message instead when the input is missing).
    void generate();
    void cancel();

signals:
    void explanationShown(qint64 runId, int candidates);
    void failed(const QString &message);

private:
    void runChanged();
    void modeChanged();
    void showPostPreview();
    void clearResult();
    void showResult(const Seq2seqExplanation &result);
    void showFailure(const QString &message);
    void updateControls();

    chorus::Project *m_project = nullptr;
    QString m_projectPath;
    Seq2seqRunner *m_runner;
    std::optional<Seq2seqExplanation> m_shown;

    QComboBox *m_runs;
    QLabel *m_kind;
    QComboBox *m_mode;
    QLineEdit *m_text;
    QSpinBox *m_post;
    QLabel *m_postPreview;
    QSpinBox *m_beam;
    QDoubleSpinBox *m_penalty;
    QPushButton *m_generate;
    QPushButton *m_cancel;
    QLabel *m_hint;
    QLabel *m_sourceTokens;
    QTableWidget *m_candidates;
    CrossAttentionMap *m_map;
    QLabel *m_status;
};
