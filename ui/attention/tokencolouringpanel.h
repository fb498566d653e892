#pragma once

#include "ui/attention/attentionpost.h"
#include "ui/attention/saliencyrunner.h"

#include <QList>
#include <QVector>
#include <QWidget>

#include <optional>

class AttentionHeatmap;
class QComboBox;
class QLabel;
class QSpinBox;
class TokenChip;

// What the token chips of the attention explorer show, and the attention heatmap beside them:
// - attention: the recorded weights, for a Transformer per layer and head or averaged over the
//   layer's heads (the heatmap shows that layer's and head's matrix when it was recorded);
// - gradient x input or integrated gradients: saliency of each token for the predicted class,
//   computed by the worker (`chorus-cli explain --saliency`) in the background, never in the GUI,
//   coloured red for tokens that raise the class's score and blue for those that lower it.
class TokenColouringPanel : public QWidget {
    Q_OBJECT

public:
    enum Measure { Attention = 0, GradientTimesInput = 1, IntegratedGradients = 2 };

    explicit TokenColouringPanel(QWidget *parent = nullptr);

    // The project file the worker reads for saliency.
    void setProjectPath(const QString &path) { m_projectPath = path; }
    SaliencyRunner *saliencyRunner() const { return m_runner; }

    // The post shown. `post` is its recorded attention at the chosen epoch (nullptr when the run
    // recorded none for it, e.g. a test post); `history` the same post at every recorded epoch, so
    // one scale holds across epochs.
    void setPost(qint64 runId, qint64 postId, const AttentionPost *post, const QVector<const AttentionPost *> &history);
    void clear();

    // Colours the chips of the post shown (one per token) with the chosen measure. While a
    // saliency is being computed, or cannot be, the chips keep the attention colours.
    void recolour(const QList<TokenChip *> &chips) const;
    // True when recolour() shows saliency values (so selections add up attributions).
    bool showsSaliency() const;
    // Tokens of the saliency explanation of the post shown; empty until one is computed.
    QStringList explainedTokens() const;
    // The values recolour() gives the chips, one per token (attention weights or attributions).
    QVector<double> values() const;

    Measure measure() const;
    int layer() const; // 0-based; -1 when the post has no per-layer attention
    int head() const;  // AttentionHeads::kAverage, or 0-based
    QComboBox *measureCombo() const { return m_measure; }
    QComboBox *layerCombo() const { return m_layer; }
    QComboBox *headCombo() const { return m_head; }
    QSpinBox *stepsSpin() const { return m_steps; }
    QComboBox *baselineCombo() const { return m_baseline; }
    QLabel *statusLabel() const { return m_status; }
    AttentionHeatmap *heatmap() const { return m_heatmap; }

signals:
    // The measure, layer, head or saliency changed: the chips need recolouring.
    void changed();

private:
    void rebuildLayerHeads();
    void selectionChanged();
    void requestSaliencyIfNeeded();
    void saliencyFinished(const TokenSaliencyResult &result);
    void saliencyFailed(qint64 runId, qint64 postId, const QString &message);
    void updateHeatmap();
    void updateStatus();
    const TokenSaliencyResult *currentSaliency() const;
    // The saliency when its tokens are those of the chips (those of the recorded post, if any).
    const TokenSaliencyResult *usableSaliency() const;
    QVector<double> attentionValues() const;
    double attentionScale() const;

    QString m_projectPath;
    qint64 m_runId = 0;
    qint64 m_postId = 0;
    std::optional<AttentionPost> m_post;
    // Largest weight of the post across epochs: [layer][head + 1] (index 0 is the heads' average),
    // and for the recorded token weights.
    QVector<QVector<double>> m_scales;
    double m_weightScale = 0;
    QString m_saliencyError;
    // The layer and head the reader chose, and the shape (layers, heads) of the attention they
    // were chosen in: kept while posts of that shape are shown.
    int m_chosenLayer = -1;
    int m_chosenHead = -1;
    int m_choiceLayers = 0;
    int m_choiceHeads = 0;

    QComboBox *m_measure;
    QLabel *m_layerLabel;
    QComboBox *m_layer;
    QLabel *m_headLabel;
    QComboBox *m_head;
    QLabel *m_stepsLabel;
    QSpinBox *m_steps;
    QLabel *m_baselineLabel;
    QComboBox *m_baseline;
    QLabel *m_status;
    AttentionHeatmap *m_heatmap;
    SaliencyRunner *m_runner;
};
