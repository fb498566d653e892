#pragma once

#include "ui/attention/attentionsnapshot.h"
#include "ui/attention/classtokenview.h"

#include <QList>
#include <QSet>
#include <QWidget>

#include <optional>
#include <vector>

namespace chorus {
class Project;
}

class BarChart;
class ImageExplanationPane;
class LiveAttentionRunner;
class QBoxLayout;
class QComboBox;
class QLabel;
class QSlider;
class QTableWidget;
class ThreadAttentionView;
class TokenChip;
class TokenColouringPanel;

// How a trained model's attention on the probe posts evolved: pick a run and a post, move through
// the epochs, read the tokens coloured by attention (select several to sum their weights), the
// prediction, the modality weights and per-frame attention of multimodal models beside the post's
// image, the posts of its reply thread with both levels of a thread model's attention, and per
// predicted class the tokens attended to most. Everything comes from the run's
// "attention" artifacts in the project; nothing here runs a model (any other post opened is
// explained by the worker: its attention under the run's final model). Runs that read images are
// listed too (their test posts when they recorded no attention): the image pane draws the
// picture's Grad-CAM map, or the co-attention of the selected tokens, which the worker computes.
class AttentionExplorer : public QWidget {
    Q_OBJECT

public:
    explicit AttentionExplorer(QWidget *parent = nullptr);

    void setProject(chorus::Project *project);
    // Reloads the runs that recorded attention, keeping the current run and post where possible.
    void refresh();

    // Shows a post of a run at the latest epoch. A post that is not among the run's listed posts
    // (probe posts, or the test posts of a run that reads images and recorded no attention; e.g. a
    // test post opened from the evaluation or the data browser) is shown with its text, media and
    // test prediction, and, for a run that recorded token attention, with the attention its final
    // model pays, computed by the worker in the background; false is returned then, and false too
    // when the run is not listed.
    bool openPost(qint64 runId, qint64 postId);
    // Index into the recorded snapshots (0 = the first epoch recorded), as the slider sets it.
    void setEpochIndex(int index);

    qint64 currentRun() const;
    qint64 currentPost() const;
    int snapshotCount() const { return int(m_snapshots.size()); }
    const AttentionSnapshot *currentSnapshot() const;

    QList<TokenChip *> tokenChips() const { return m_chips; }
    // Sum of the weights of the selected chips.
    double selectedWeight() const;
    QComboBox *runCombo() const { return m_runs; }
    QComboBox *postCombo() const { return m_posts; }
    // "Probe post" over a run's attention snapshots, "Test post" over an image run's test part.
    QLabel *postPickerLabel() const { return m_postsLabel; }
    QSlider *epochSlider() const { return m_epoch; }
    // Which epoch the post is shown at ("final model" for attention computed for an unrecorded post).
    QLabel *epochLabel() const { return m_epochLabel; }
    QLabel *selectionLabel() const { return m_selection; }
    QLabel *predictionLabel() const { return m_prediction; }
    QLabel *postTextLabel() const { return m_text; }
    QLabel *imageLabel() const { return m_image; }
    QLabel *messageLabel() const { return m_message; }
    BarChart *probabilityChart() const { return m_probabilities; }
    BarChart *modalityChart() const { return m_modalities; }
    BarChart *frameStrip() const { return m_frames; }
    ThreadAttentionView *threadView() const { return m_thread; }
    // The picture with its Grad-CAM or co-attention map, for runs that read images.
    ImageExplanationPane *imagePane() const { return m_imagePane; }
    // What the chips show (attention per layer and head, or saliency) and the attention heatmap.
    TokenColouringPanel *colouringPanel() const { return m_colouring; }
    // Computes the attention of posts the run did not record.
    LiveAttentionRunner *liveAttentionRunner() const { return m_live; }
    QTableWidget *classTable() const { return m_classes->table(); }
    QLabel *classHeading() const { return m_classes->heading(); }
    // The class view's ranking for one class, best first.
    QStringList classTopTokens(const QString &className) const { return m_classes->topTokens(className); }

private:
    void runChosen();
    void loadRun(qint64 runId);
    void fillPosts();
    void showCurrent();
    void showPostText(qint64 postId);
    void showProbePost(const AttentionSnapshot &snapshot, const AttentionPost &post);
    // The post's true label when the run's test evaluation holds it, else empty.
    QString showTestPrediction(qint64 runId, qint64 postId);
    // The worker's attention for the unrecorded post shown arrived (or failed).
    void liveAttentionFinished(qint64 runId, qint64 postId, const AttentionSnapshot &snapshot);
    void liveAttentionFailed(qint64 runId, qint64 postId, const QString &message);
    // A post the run recorded no attention for: its text, media, test prediction and saliency.
    void showUnrecordedPost(qint64 runId, qint64 postId);
    // The posts of the run's test evaluation, for a run that reads images and recorded no attention.
    void fillTestPosts();
    void showImageExplanation(qint64 runId, qint64 postId);
    // The worker explained the picture: co-attention needs chips for the explanation's tokens.
    void imageExplained();
    void clearPost();
    void updateSelection();
    // The media row (frames, picture, image explanation) takes a share of the height only while
    // something in it is shown: an empty layout with a stretch still claims its share.
    void fitMediaRow();
    // Recolours the chips for the panel's choice; a post shown without recorded tokens gets chips
    // from its saliency explanation while one is shown.
    void applyColouring();
    QVector<const AttentionPost *> history(qint64 postId) const;

    chorus::Project *m_project = nullptr;
    std::vector<AttentionSnapshot> m_snapshots; // by epoch
    qint64 m_loadedRun = 0;
    QString m_runProblems; // snapshots of the loaded run that could not be read
    QComboBox *m_runs;
    QComboBox *m_posts;
    QLabel *m_postsLabel;
    QSlider *m_epoch;
    QLabel *m_epochLabel;
    QLabel *m_text;
    QWidget *m_tokenArea;
    QWidget *m_tokenScroll;
    QList<TokenChip *> m_chips;
    QLabel *m_selection;
    QLabel *m_prediction;
    BarChart *m_probabilities;
    BarChart *m_modalities;
    BarChart *m_frames;
    QLabel *m_image;
    ClassTokenView *m_classes;
    QLabel *m_message;
    ThreadAttentionView *m_thread = nullptr;
    TokenColouringPanel *m_colouring = nullptr;
    ImageExplanationPane *m_imagePane = nullptr;
    QSet<qint64> m_imageRuns; // runs whose encoding reads images
    LiveAttentionRunner *m_live = nullptr;
    QBoxLayout *m_postLayout = nullptr;
    QBoxLayout *m_mediaRow = nullptr;
    qint64 m_livePost = 0;                        // the unrecorded post shown, whose attention is asked for
    QString m_liveLabel;                          // its true label, when the test evaluation has it
    std::optional<AttentionSnapshot> m_liveSnapshot; // the worker's answer for it, while shown
    bool m_chipsFromSaliency = false;
    bool m_chipsFromImage = false;
};
