#pragma once

#include "ui/attention/imageexplanation.h"

#include <QImage>
#include <QRect>
#include <QVector>
#include <QWidget>

#include <optional>

namespace chorus {
class Project;
}

class ImageExplanationRunner;
class QComboBox;
class QLabel;
class QSlider;

// The attention explorer's picture of a post of a run that reads images, with an explanation map
// drawn over it: the Grad-CAM map of the class the model predicted, or, for co-attention fusion
// runs, the summed attention of the selected tokens over the image regions. The map lies over the
// centred square of the picture (what the model saw, its evaluation view) in the ramp of
// `chorus-cli explain --png` (blue = 0 to red = 1), blended with the opacity chosen (0 %: the
// picture alone). The worker computes the explanation (ImageExplanationRunner); the pane never
// waits for it, and says when a post has no picture or the worker fails.
class ImageExplanationPane : public QWidget {
    Q_OBJECT

public:
    enum Mode { GradCamMode = 0, CoAttentionMode = 1 };

    explicit ImageExplanationPane(QWidget *parent = nullptr);

    // The project the pictures are read from (read-only) and whose file the worker opens.
    void setProject(chorus::Project *project);
    ImageExplanationRunner *runner() const { return m_runner; }

    // Shows the post's first picture and asks the worker to explain it with the run's model (once
    // the pane is on screen: a hidden explorer starts no worker).
    void showPost(qint64 runId, qint64 postId);
    // Forgets the post shown (a request still running finishes into the cache).
    void clear();
    // Indices into the explanation's tokens whose co-attention is summed in co-attention mode.
    void setSelectedTokens(const QVector<int> &tokens);

    qint64 runId() const { return m_runId; }
    qint64 postId() const { return m_postId; }
    // The explanation of the post shown; null until the worker has answered.
    const ImageExplanation *explanation() const { return m_explanation ? &*m_explanation : nullptr; }
    Mode mode() const;
    void setMode(Mode mode);
    // The picture as shown, without a map; null when the post has none.
    QImage picture() const { return m_picture; }
    // What the pane shows: the picture with the map blended in at the chosen opacity.
    QImage shownImage() const { return m_shown; }
    // The map drawn now, row by row in [0, 1] (empty when none), and the part of the picture it covers.
    QVector<double> heat() const { return m_heat; }
    int heatRows() const { return m_heatRows; }
    int heatColumns() const { return m_heatColumns; }
    QRect mapArea() const;

    QComboBox *modeCombo() const { return m_mode; }
    QSlider *opacitySlider() const { return m_opacity; }
    QLabel *imageLabel() const { return m_image; }
    QLabel *messageLabel() const { return m_message; }

    // Pictures are shown scaled to fit a square of this side.
    static constexpr int kSide = 280;

signals:
    // The worker's explanation of the post shown arrived (tokens for co-attention are known now).
    void explained();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void requestExplanation();
    void loadPicture();
    void explanationFinished(const ImageExplanation &result);
    void explanationFailed(qint64 runId, qint64 postId, const QString &message);
    // Chooses the map for the mode and selection, then draws.
    void updateHeat();
    void compose();
    void updateOpacityLabel();

    chorus::Project *m_project = nullptr;
    QString m_projectPath;
    qint64 m_runId = 0;
    qint64 m_postId = 0;
    std::optional<ImageExplanation> m_explanation;
    QString m_workerError;
    QVector<int> m_selected;
    QImage m_picture;
    QImage m_shown;
    QVector<double> m_heat;
    int m_heatRows = 0;
    int m_heatColumns = 0;
    bool m_smoothHeat = false; // Grad-CAM is stretched bilinearly; regions are drawn as cells
    bool m_requestPending = false; // the post shown waits for the pane to be on screen

    QComboBox *m_mode;
    QSlider *m_opacity;
    QLabel *m_opacityLabel;
    QLabel *m_image;
    QLabel *m_message;
    ImageExplanationRunner *m_runner;
};
