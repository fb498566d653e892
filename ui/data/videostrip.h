#pragma once

#include <QList>
#include <QString>
#include <QThread>
#include <QWidget>

#include <atomic>
#include <memory>

class QLabel;

// A row of frames spread over a clip (the same uniform sampling the video models read), each with
// its time, so a post's video can be looked at in the data browser without a player. Decoding
// runs on a thread of its own; a newer clip replaces one still being read.
class VideoStrip : public QWidget {
    Q_OBJECT

public:
    static constexpr int kFrames = 6;
    static constexpr int kFrameSize = 80;

    explicit VideoStrip(QWidget *parent = nullptr);
    // Waits for the clip being decoded, so no result outlives the widget.
    ~VideoStrip() override;

    // Shows the frames of the video file at `path`; an empty path hides the strip.
    void showClip(const QString &path);
    void clear();

    int frameCount() const;
    QLabel *frameLabel(int index) const { return m_frames.value(index); }
    QLabel *statusLabel() const { return m_status; }
    bool busy() const { return m_busy; }

signals:
    void framesShown(int count);
    void failed(const QString &message);

private:
    QThread m_thread;
    QObject *m_worker; // lives in m_thread; the context of queued decoding
    std::shared_ptr<std::atomic<quint64>> m_latest;
    QList<QLabel *> m_frames;
    QLabel *m_status;
    bool m_busy = false;
};
