#include "ui/data/videostrip.h"

#include "core/media/videoframesampler.h"

#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QPixmap>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

struct DecodedFrame {
    QImage image;
    double seconds = 0;
};

// The sampler's frames as pictures: asked for without normalisation (mean 0, std 1), each value is
// a channel's byte / 255, channel-major.
QImage toImage(const std::vector<float> &chw, int size)
{
    QImage image(size, size, QImage::Format_RGB888);
    const std::size_t plane = std::size_t(size) * std::size_t(size);
    for (int y = 0; y < size; ++y) {
        uchar *line = image.scanLine(y);
        for (int x = 0; x < size; ++x) {
            const std::size_t at = std::size_t(y) * std::size_t(size) + std::size_t(x);
            for (std::size_t c = 0; c < 3; ++c)
                line[x * 3 + int(c)] = uchar(std::clamp(std::lround(chw[c * plane + at] * 255.0f), 0L, 255L));
        }
    }
    return image;
}

} // namespace

VideoStrip::VideoStrip(QWidget *parent)
    : QWidget(parent), m_worker(new QObject), m_latest(std::make_shared<std::atomic<quint64>>(0)), m_status(new QLabel)
{
    // In a scroll area, so the strip never widens the detail pane beyond what the user gave it.
    auto *row = new QWidget;
    auto *frames = new QHBoxLayout(row);
    frames->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < kFrames; ++i) {
        auto *label = new QLabel;
        label->setFixedSize(kFrameSize, kFrameSize);
        label->setAlignment(Qt::AlignCenter);
        label->setVisible(false);
        frames->addWidget(label);
        m_frames << label;
    }
    frames->addStretch(1);
    auto *scroll = new QScrollArea;
    scroll->setWidget(row);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFixedHeight(kFrameSize + scroll->horizontalScrollBar()->sizeHint().height() + 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    layout->addWidget(m_status);
    m_status->setWordWrap(true);
    setVisible(false);

    m_thread.setObjectName(QStringLiteral("video frames"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

VideoStrip::~VideoStrip()
{
    m_latest->fetch_add(1); // whatever is still queued is stale now
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

int VideoStrip::frameCount() const
{
    return int(std::count_if(m_frames.begin(), m_frames.end(), [](const QLabel *label) { return !label->pixmap().isNull(); }));
}

void VideoStrip::clear()
{
    m_latest->fetch_add(1);
    m_busy = false;
    for (QLabel *label : std::as_const(m_frames)) {
        label->clear();
        label->setToolTip(QString());
        label->setVisible(false);
    }
    m_status->clear();
    setVisible(false);
}

void VideoStrip::showClip(const QString &path)
{
    clear();
    if (path.isEmpty())
        return;
    const quint64 generation = m_latest->fetch_add(1) + 1;
    m_busy = true;
    setVisible(true);
    m_status->setText(tr("Reading the clip's frames…"));
    auto latest = m_latest;
    const std::string file = path.toStdString();
    QMetaObject::invokeMethod(
        m_worker,
        [this, latest, generation, file] {
            if (latest->load() != generation)
                return; // a newer clip is queued behind this one
            chorus::VideoFrameSamplerOptions options;
            options.frames = kFrames;
            options.size = kFrameSize;
            options.mean = {0.0f, 0.0f, 0.0f};
            options.std = {1.0f, 1.0f, 1.0f};
            auto sampled = chorus::VideoFrameSampler(options).sample(file);
            QString error;
            QList<DecodedFrame> decoded;
            double duration = 0;
            if (!sampled) {
                error = QString::fromStdString(sampled.message());
            } else {
                duration = sampled->durationSeconds;
                for (std::size_t i = 0; i < sampled->frames.size(); ++i)
                    decoded.append({toImage(sampled->frames[i], sampled->size), sampled->timestamps[i]});
            }
            // Back on the window's thread; this object outlives the worker thread (see the destructor).
            QMetaObject::invokeMethod(
                this,
                [this, latest, generation, error, decoded, duration] {
                    if (latest->load() != generation)
                        return;
                    m_busy = false;
                    if (!error.isEmpty()) {
                        m_status->setText(tr("Cannot show the clip's frames: %1").arg(error));
                        emit failed(error);
                        return;
                    }
                    for (int i = 0; i < decoded.size() && i < m_frames.size(); ++i) {
                        m_frames[i]->setPixmap(QPixmap::fromImage(decoded[i].image));
                        m_frames[i]->setToolTip(tr("%1 s").arg(decoded[i].seconds, 0, 'f', 2));
                        m_frames[i]->setVisible(true);
                    }
                    m_status->setText(tr("%n frame(s) spread over %1 s", nullptr, int(decoded.size())).arg(duration, 0, 'f', 1));
                    emit framesShown(int(decoded.size()));
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}
