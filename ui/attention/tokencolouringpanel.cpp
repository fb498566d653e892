#include "ui/attention/tokencolouringpanel.h"

#include "ui/attention/attentionheads.h"
#include "ui/attention/attentionheatmap.h"
#include "ui/attention/tokenchip.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

TokenColouringPanel::TokenColouringPanel(QWidget *parent)
    : QWidget(parent), m_measure(new QComboBox), m_layerLabel(new QLabel(tr("Layer"))), m_layer(new QComboBox),
      m_headLabel(new QLabel(tr("Head"))), m_head(new QComboBox), m_stepsLabel(new QLabel(tr("Steps"))),
      m_steps(new QSpinBox), m_baselineLabel(new QLabel(tr("Baseline"))), m_baseline(new QComboBox),
      m_status(new QLabel), m_heatmap(new AttentionHeatmap), m_runner(new SaliencyRunner(this))
{
    m_measure->addItem(tr("Attention"), Attention);
    m_measure->addItem(tr("Gradient × input"), GradientTimesInput);
    m_measure->addItem(tr("Integrated gradients"), IntegratedGradients);
    m_measure->setToolTip(tr("What the token colours show: the attention the model recorded, or how much each token "
                             "moved the predicted class's score (saliency, computed by the worker)."));
    m_steps->setRange(1, 1000);
    m_steps->setValue(50);
    m_steps->setKeyboardTracking(false);
    m_steps->setToolTip(tr("Integrated gradients: intervals of the path from the baseline to the post"));
    m_baseline->addItem(tr("zero embeddings"), QStringLiteral("zero"));
    m_baseline->addItem(tr("padding token"), QStringLiteral("pad"));
    m_baseline->setToolTip(tr("Integrated gradients: the embeddings the path starts from"));
    m_status->setWordWrap(true);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("Colour by")));
    row->addWidget(m_measure);
    row->addWidget(m_layerLabel);
    row->addWidget(m_layer);
    row->addWidget(m_headLabel);
    row->addWidget(m_head);
    row->addWidget(m_stepsLabel);
    row->addWidget(m_steps);
    row->addWidget(m_baselineLabel);
    row->addWidget(m_baseline);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_status);
    layout->addWidget(m_heatmap, 1);

    connect(m_measure, &QComboBox::currentIndexChanged, this, &TokenColouringPanel::selectionChanged);
    connect(m_layer, &QComboBox::currentIndexChanged, this, &TokenColouringPanel::selectionChanged);
    connect(m_head, &QComboBox::currentIndexChanged, this, &TokenColouringPanel::selectionChanged);
    connect(m_steps, &QSpinBox::valueChanged, this, &TokenColouringPanel::selectionChanged);
    connect(m_baseline, &QComboBox::currentIndexChanged, this, &TokenColouringPanel::selectionChanged);
    connect(m_runner, &SaliencyRunner::finished, this, &TokenColouringPanel::saliencyFinished);
    connect(m_runner, &SaliencyRunner::failed, this, &TokenColouringPanel::saliencyFailed);
    clear();
}

TokenColouringPanel::Measure TokenColouringPanel::measure() const
{
    return Measure(m_measure->currentData().toInt());
}

int TokenColouringPanel::layer() const { return m_layer->count() > 0 ? m_layer->currentData().toInt() : -1; }

int TokenColouringPanel::head() const
{
    return m_head->count() > 0 ? m_head->currentData().toInt() : AttentionHeads::kAverage;
}

void TokenColouringPanel::clear()
{
    // A saliency still being computed goes on: the post is usually shown again at once (another
    // epoch), and its result is kept for when it is.
    m_runId = 0;
    m_postId = 0;
    m_post.reset();
    m_scales.clear();
    m_weightScale = 0;
    m_saliencyError.clear();
    rebuildLayerHeads();
    updateHeatmap();
    updateStatus();
}

void TokenColouringPanel::setPost(qint64 runId, qint64 postId, const AttentionPost *post,
                                  const QVector<const AttentionPost *> &history)
{
    const bool samePost = runId == m_runId && postId == m_postId;
    if (!samePost)
        m_saliencyError.clear();
    m_runId = runId;
    m_postId = postId;
    m_post.reset();
    if (post)
        m_post = *post;
    // One scale per layer and head (and for the recorded weights) over every epoch.
    m_weightScale = 0;
    m_scales.clear();
    const int layers = m_post ? AttentionHeads::layers(*m_post) : 0;
    const int heads = m_post ? AttentionHeads::heads(*m_post) : 0;
    m_scales.fill(QVector<double>(heads + 1, 0.0), layers);
    for (const AttentionPost *p : history) {
        if (!p)
            continue;
        for (double w : p->weights)
            m_weightScale = std::max(m_weightScale, w);
        if (AttentionHeads::layers(*p) != layers || AttentionHeads::heads(*p) != heads)
            continue;
        for (int l = 0; l < layers; ++l)
            for (int h = AttentionHeads::kAverage; h < heads; ++h)
                for (double w : AttentionHeads::tokenWeights(*p, l, h))
                    m_scales[l][h + 1] = std::max(m_scales[l][h + 1], w);
    }
    rebuildLayerHeads();
    updateHeatmap();
    requestSaliencyIfNeeded();
    updateStatus();
}

void TokenColouringPanel::rebuildLayerHeads()
{
    const int layers = m_post ? AttentionHeads::layers(*m_post) : 0;
    const int heads = m_post ? AttentionHeads::heads(*m_post) : 0;
    // Keep the reader's choice while the structure stays (moving through epochs or posts). The
    // combos are emptied in between (clear() while the explorer changes epoch), so the choice is
    // remembered apart from them, with the structure it was made in.
    if (m_layer->count() != layers || m_head->count() != heads + 1) {
        const QSignalBlocker blockLayer(m_layer);
        const QSignalBlocker blockHead(m_head);
        m_layer->clear();
        m_head->clear();
        for (int l = 0; l < layers; ++l)
            m_layer->addItem(QString::number(l + 1), l);
        if (layers > 0) {
            m_head->addItem(tr("average of heads"), AttentionHeads::kAverage);
            for (int h = 0; h < heads; ++h)
                m_head->addItem(QString::number(h + 1), h);
            if (layers != m_choiceLayers || heads != m_choiceHeads) {
                m_choiceLayers = layers;
                m_choiceHeads = heads;
                m_chosenLayer = layers - 1; // what the recorded weights show
                m_chosenHead = AttentionHeads::kAverage;
            }
            m_layer->setCurrentIndex(m_layer->findData(m_chosenLayer));
            m_head->setCurrentIndex(m_head->findData(m_chosenHead));
        }
    }
    const bool hasHeads = layers > 0;
    const bool saliency = measure() != Attention;
    m_layerLabel->setVisible(hasHeads);
    m_layer->setVisible(hasHeads);
    m_headLabel->setVisible(hasHeads);
    m_head->setVisible(hasHeads);
    m_stepsLabel->setVisible(saliency);
    m_steps->setVisible(saliency);
    m_baselineLabel->setVisible(saliency);
    m_baseline->setVisible(saliency);
}

void TokenColouringPanel::selectionChanged()
{
    rebuildLayerHeads();
    if (m_layer->count() > 0) {
        m_chosenLayer = layer();
        m_chosenHead = head();
    }
    updateHeatmap();
    requestSaliencyIfNeeded();
    updateStatus();
    emit changed();
}

void TokenColouringPanel::requestSaliencyIfNeeded()
{
    if (measure() == Attention || m_runId == 0 || m_postId == 0 || m_projectPath.isEmpty())
        return;
    if (currentSaliency())
        return;
    m_saliencyError.clear();
    m_runner->request(m_projectPath, m_runId, m_postId, m_steps->value(), m_baseline->currentData().toString());
}

const TokenSaliencyResult *TokenColouringPanel::currentSaliency() const
{
    if (measure() == Attention || m_runId == 0 || m_postId == 0)
        return nullptr;
    return m_runner->cached(m_runId, m_postId, m_steps->value(), m_baseline->currentData().toString());
}

void TokenColouringPanel::saliencyFinished(const TokenSaliencyResult &result)
{
    if (result.runId != m_runId || result.postId != m_postId)
        return;
    updateStatus();
    emit changed();
}

void TokenColouringPanel::saliencyFailed(qint64 runId, qint64 postId, const QString &message)
{
    if (runId != m_runId || postId != m_postId)
        return;
    m_saliencyError = message;
    updateStatus();
    emit changed();
}

QVector<double> TokenColouringPanel::attentionValues() const
{
    if (!m_post)
        return {};
    const int l = layer();
    // The last layer's average is what the run recorded as the post's weights: show those exactly.
    if (l < 0 || (l == AttentionHeads::layers(*m_post) - 1 && head() == AttentionHeads::kAverage))
        return m_post->weights;
    return AttentionHeads::tokenWeights(*m_post, l, head());
}

double TokenColouringPanel::attentionScale() const
{
    const int l = layer();
    if (!m_post || l < 0 || (l == AttentionHeads::layers(*m_post) - 1 && head() == AttentionHeads::kAverage))
        return m_weightScale;
    const int column = head() + 1;
    return l < m_scales.size() && column < m_scales[l].size() ? m_scales[l][column] : 0.0;
}

const TokenSaliencyResult *TokenColouringPanel::usableSaliency() const
{
    const TokenSaliencyResult *saliency = currentSaliency();
    return saliency && (!m_post || saliency->tokens.size() == m_post->tokens.size()) ? saliency : nullptr;
}

bool TokenColouringPanel::showsSaliency() const { return usableSaliency() != nullptr; }

QStringList TokenColouringPanel::explainedTokens() const
{
    const TokenSaliencyResult *saliency = usableSaliency();
    return saliency ? saliency->tokens : QStringList();
}

QVector<double> TokenColouringPanel::values() const
{
    if (const TokenSaliencyResult *saliency = usableSaliency())
        return measure() == GradientTimesInput ? saliency->gradientTimesInput : saliency->integratedGradients;
    return attentionValues();
}

void TokenColouringPanel::recolour(const QList<TokenChip *> &chips) const
{
    const QVector<double> shown = values();
    if (shown.size() != chips.size())
        return;
    if (showsSaliency()) {
        double scale = 0;
        for (double v : shown)
            scale = std::max(scale, std::abs(v));
        const QString name = measure() == GradientTimesInput ? tr("gradient × input") : tr("integrated gradients");
        for (int i = 0; i < chips.size(); ++i)
            chips[i]->setValue(shown[i], TokenChip::signedColourFor(shown[i], scale),
                               tr("%1\n%2 %3").arg(chips[i]->token(), name).arg(shown[i], 0, 'f', 4));
        return;
    }
    const double scale = attentionScale();
    const QString where = layer() < 0 ? QString()
                          : head() == AttentionHeads::kAverage
                              ? tr(" (layer %1, average of heads)").arg(layer() + 1)
                              : tr(" (layer %1, head %2)").arg(layer() + 1).arg(head() + 1);
    for (int i = 0; i < chips.size(); ++i)
        chips[i]->setValue(shown[i], TokenChip::colourFor(shown[i], scale),
                           tr("%1\nattention weight %2%3").arg(chips[i]->token()).arg(shown[i], 0, 'f', 4).arg(where));
}

void TokenColouringPanel::updateHeatmap()
{
    const QVector<QVector<double>> matrix = m_post && layer() >= 0 ? AttentionHeads::matrix(*m_post, layer(), head())
                                                                   : QVector<QVector<double>>();
    if (matrix.isEmpty()) {
        m_heatmap->clear();
        m_heatmap->setVisible(false);
        // Only the measure row then: no taller than it, whatever room the explorer offers.
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
        return;
    }
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    const QString title = head() == AttentionHeads::kAverage
                              ? tr("Self-attention, layer %1, average of heads").arg(layer() + 1)
                              : tr("Self-attention, layer %1, head %2").arg(layer() + 1).arg(head() + 1);
    m_heatmap->setMatrix(m_post->tokens, matrix, title);
    m_heatmap->setVisible(true);
}

void TokenColouringPanel::updateStatus()
{
    QStringList notes;
    if (m_post && layer() >= 0 && head() != AttentionHeads::kAverage && m_heatmap->isEmpty())
        notes << tr("This post is too long for its per-head matrices to have been recorded; the average of the "
                    "heads has one.");
    if (measure() != Attention && m_runId != 0 && m_postId != 0) {
        if (const TokenSaliencyResult *saliency = currentSaliency()) {
            notes << tr("Saliency for class <b>%1</b>: red tokens raise its score, blue ones lower it. Integrated "
                        "gradients (%2 steps, %3 baseline) add up to the score's change from the baseline within %4.")
                         .arg(saliency->target.toHtmlEscaped())
                         .arg(saliency->steps)
                         .arg(saliency->baseline)
                         .arg(std::abs(saliency->completenessGap), 0, 'g', 3);
            if (m_post && saliency->tokens.size() != m_post->tokens.size())
                notes << tr("The explanation has %1 tokens, the recorded attention %2: colours are not shown.")
                             .arg(saliency->tokens.size())
                             .arg(m_post->tokens.size());
        } else if (!m_saliencyError.isEmpty()) {
            notes << tr("No saliency: %1").arg(m_saliencyError.toHtmlEscaped());
        } else if (m_projectPath.isEmpty()) {
            notes << tr("Saliency needs a project saved to a file.");
        } else {
            notes << tr("Computing the saliency in the background…");
        }
    }
    m_status->setText(notes.join(QStringLiteral("<br>")));
    m_status->setVisible(!notes.isEmpty());
}
