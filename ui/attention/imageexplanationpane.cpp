#include "ui/attention/imageexplanationpane.h"

#include "core/store/postbrowser.h"
#include "core/store/project.h"
#include "core/util/heatcolourramp.h"
#include "ui/attention/imageexplanationrunner.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QSlider>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace {

// Value of the map at pixel centre (x, y) of a side x side square: bilinear with the cell centres
// as samples (as the worker stretches Grad-CAM), or the cell the pixel falls in.
double sample(const QVector<double> &heat, int rows, int columns, int x, int y, int side, bool smooth)
{
    if (!smooth) {
        const int column = std::min(columns - 1, int(qint64(x) * columns / side));
        const int row = std::min(rows - 1, int(qint64(y) * rows / side));
        return heat[row * columns + column];
    }
    const auto axis = [side](int at, int cells, int &low, int &high, double &fraction) {
        const double position = std::clamp((at + 0.5) * cells / side - 0.5, 0.0, double(cells - 1));
        low = int(std::floor(position));
        high = std::min(low + 1, cells - 1);
        fraction = position - low;
    };
    int x0 = 0, x1 = 0, y0 = 0, y1 = 0;
    double fx = 0, fy = 0;
    axis(x, columns, x0, x1, fx);
    axis(y, rows, y0, y1, fy);
    const double top = heat[y0 * columns + x0] * (1 - fx) + heat[y0 * columns + x1] * fx;
    const double bottom = heat[y1 * columns + x0] * (1 - fx) + heat[y1 * columns + x1] * fx;
    return top * (1 - fy) + bottom * fy;
}

} // namespace

ImageExplanationPane::ImageExplanationPane(QWidget *parent)
    : QWidget(parent), m_mode(new QComboBox), m_opacity(new QSlider(Qt::Horizontal)), m_opacityLabel(new QLabel),
      m_image(new QLabel), m_message(new QLabel), m_runner(new ImageExplanationRunner(this))
{
    m_mode->addItem(tr("Grad-CAM"), int(GradCamMode));
    m_mode->addItem(tr("Co-attention of selected tokens"), int(CoAttentionMode));
    m_mode->setToolTip(tr("Grad-CAM: the regions that raise the predicted class's score. Co-attention: where the "
                          "selected tokens look in the picture (fusion runs with co-attention)."));
    m_opacity->setRange(0, 100);
    m_opacity->setValue(50);
    m_opacity->setToolTip(tr("How strongly the map covers the picture: 0 % shows the picture alone."));
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setMinimumSize(kSide / 2, kSide / 2);
    m_message->setWordWrap(true);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Show")));
    controls->addWidget(m_mode, 1);
    controls->addWidget(new QLabel(tr("Opacity")));
    controls->addWidget(m_opacity, 1);
    controls->addWidget(m_opacityLabel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_image, 1);
    layout->addWidget(m_message);

    connect(m_mode, &QComboBox::currentIndexChanged, this, &ImageExplanationPane::updateHeat);
    connect(m_opacity, &QSlider::valueChanged, this, [this] {
        updateOpacityLabel();
        compose();
    });
    connect(m_runner, &ImageExplanationRunner::finished, this, &ImageExplanationPane::explanationFinished);
    connect(m_runner, &ImageExplanationRunner::failed, this, &ImageExplanationPane::explanationFailed);
    updateOpacityLabel();
}

void ImageExplanationPane::setProject(chorus::Project *project)
{
    m_project = project;
    m_projectPath = project ? QString::fromStdString(project->path()) : QString();
    clear();
}

ImageExplanationPane::Mode ImageExplanationPane::mode() const { return Mode(m_mode->currentData().toInt()); }

void ImageExplanationPane::setMode(Mode mode) { m_mode->setCurrentIndex(m_mode->findData(int(mode))); }

QRect ImageExplanationPane::mapArea() const
{
    const int side = std::min(m_picture.width(), m_picture.height());
    return QRect((m_picture.width() - side) / 2, (m_picture.height() - side) / 2, side, side);
}

void ImageExplanationPane::clear()
{
    m_runId = 0;
    m_postId = 0;
    m_explanation.reset();
    m_workerError.clear();
    m_requestPending = false;
    m_selected.clear();
    m_picture = QImage();
    m_heat.clear();
    m_heatRows = m_heatColumns = 0;
    m_image->clear();
    m_message->clear();
    compose();
}

void ImageExplanationPane::showPost(qint64 runId, qint64 postId)
{
    clear();
    m_runId = runId;
    m_postId = postId;
    loadPicture();
    if (m_picture.isNull())
        return;
    if (const ImageExplanation *known = m_runner->cached(runId, postId)) {
        explanationFinished(*known);
        return;
    }
    m_message->setText(tr("Explaining the picture of post %1 with run %2 in the background...").arg(postId).arg(runId));
    m_requestPending = true;
    if (isVisible())
        requestExplanation();
}

void ImageExplanationPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_requestPending)
        requestExplanation();
}

void ImageExplanationPane::requestExplanation()
{
    m_requestPending = false;
    m_runner->request(m_projectPath, m_runId, m_postId);
}

void ImageExplanationPane::loadPicture()
{
    if (!m_project)
        return;
    chorus::PostBrowser browser(*m_project);
    auto detail = browser.detail(m_postId);
    if (!detail) {
        m_message->setText(QString::fromStdString(detail.message()));
        return;
    }
    // The model reads a post's first picture: show that one.
    const auto picture = std::find_if(detail->media.begin(), detail->media.end(),
                                      [](const chorus::PostMedia &m) { return m.kind == "image"; });
    if (picture == detail->media.end()) {
        m_message->setText(tr("Post %1 has no picture, so there is nothing to explain in an image.").arg(m_postId));
        return;
    }
    QImage image;
    if (!picture->blob.empty())
        image.loadFromData(reinterpret_cast<const uchar *>(picture->blob.data()), int(picture->blob.size()));
    else if (!picture->path.empty())
        image.load(QString::fromStdString(picture->path));
    if (image.isNull()) {
        m_message->setText(picture->blob.empty()
                               ? tr("The picture of post %1 cannot be read: %2").arg(m_postId).arg(QString::fromStdString(picture->path))
                               : tr("The picture of post %1 stored in the project cannot be read.").arg(m_postId));
        return;
    }
    m_picture = image.scaled(kSide, kSide, Qt::KeepAspectRatio, Qt::SmoothTransformation).convertToFormat(QImage::Format_RGB32);
    m_image->setToolTip(QString::fromStdString(picture->path));
    compose();
}

void ImageExplanationPane::explanationFinished(const ImageExplanation &result)
{
    if (result.runId != m_runId || result.postId != m_postId || m_picture.isNull())
        return;
    m_explanation = result;
    m_workerError.clear();
    updateHeat();
    emit explained();
}

void ImageExplanationPane::explanationFailed(qint64 runId, qint64 postId, const QString &message)
{
    if (runId != m_runId || postId != m_postId)
        return;
    m_workerError = message;
    updateHeat();
}

void ImageExplanationPane::setSelectedTokens(const QVector<int> &tokens)
{
    if (tokens == m_selected)
        return;
    m_selected = tokens;
    if (mode() == CoAttentionMode)
        updateHeat();
}

void ImageExplanationPane::updateHeat()
{
    m_heat.clear();
    m_heatRows = m_heatColumns = 0;
    m_smoothHeat = false;
    if (m_picture.isNull())
        return compose();
    if (!m_workerError.isEmpty()) {
        m_message->setText(tr("The worker could not explain post %1: %2").arg(m_postId).arg(m_workerError));
        return compose();
    }
    if (!m_explanation)
        return compose();
    const ImageExplanation &e = *m_explanation;
    if (mode() == GradCamMode) {
        if (!e.hasGradCam()) {
            m_message->setText(e.mediaProblems.isEmpty()
                                   ? tr("The model of run %1 gives no Grad-CAM map for this picture.").arg(m_runId)
                                   : tr("The worker could not read the picture: %1").arg(e.mediaProblems.join(QStringLiteral("; "))));
            return compose();
        }
        m_heat = e.gradCam;
        m_heatRows = e.gradCamHeight;
        m_heatColumns = e.gradCamWidth;
        m_smoothHeat = true;
        QString text = e.explainedClass.isEmpty()
                           ? tr("Grad-CAM: the regions that raise the model's output most are red.")
                           : tr("Grad-CAM for the predicted class <b>%1</b>: the regions that raise its score most are red.")
                                 .arg(e.explainedClass.toHtmlEscaped());
        if (e.hasCoAttention())
            text += QLatin1Char(' ') + tr("Choose co-attention to see where selected tokens look.");
        m_message->setText(text);
        return compose();
    }
    if (!e.hasCoAttention()) {
        m_message->setText(tr("Run %1 has no co-attention between tokens and image regions (fusion runs with fusion "
                              "\"coattention\" have it).")
                               .arg(m_runId));
        return compose();
    }
    QVector<double> sum(e.regionRows * e.regionColumns, 0.0);
    int used = 0;
    for (int token : m_selected)
        if (token >= 0 && token < e.textToImage.size()) {
            ++used;
            for (int r = 0; r < sum.size(); ++r)
                sum[r] += e.textToImage[token][r];
        }
    if (used == 0) {
        m_message->setText(tr("No token selected: click tokens above to draw their co-attention over the picture."));
        return compose();
    }
    const double peak = *std::max_element(sum.begin(), sum.end());
    if (peak <= 0) {
        m_message->setText(tr("The selected tokens attend to no image region."));
        return compose();
    }
    // One scale per selection: its strongest region is red.
    for (double &v : sum)
        v /= peak;
    m_heat = sum;
    m_heatRows = e.regionRows;
    m_heatColumns = e.regionColumns;
    m_message->setText(tr("Co-attention of %n selected token(s) over the %1 x %2 image regions (red: the region they "
                          "attend to most).",
                          nullptr, used)
                           .arg(e.regionRows)
                           .arg(e.regionColumns));
    compose();
}

void ImageExplanationPane::compose()
{
    m_shown = m_picture;
    const double opacity = m_opacity->value() / 100.0;
    if (!m_picture.isNull() && !m_heat.isEmpty() && opacity > 0) {
        const QRect area = mapArea();
        const int side = area.width();
        for (int y = 0; y < side; ++y) {
            auto *line = reinterpret_cast<QRgb *>(m_shown.scanLine(area.top() + y)) + area.left();
            for (int x = 0; x < side; ++x) {
                std::uint8_t rgb[3];
                chorus::HeatColourRamp::colour(float(sample(m_heat, m_heatRows, m_heatColumns, x, y, side, m_smoothHeat)), rgb);
                const QRgb pixel = line[x];
                const auto blend = [opacity](int picture, int map) {
                    return int(std::lround((1 - opacity) * picture + opacity * map));
                };
                line[x] = qRgb(blend(qRed(pixel), rgb[0]), blend(qGreen(pixel), rgb[1]), blend(qBlue(pixel), rgb[2]));
            }
        }
    }
    if (m_shown.isNull())
        m_image->setPixmap(QPixmap());
    else
        m_image->setPixmap(QPixmap::fromImage(m_shown));
}

void ImageExplanationPane::updateOpacityLabel() { m_opacityLabel->setText(tr("%1 %").arg(m_opacity->value())); }
