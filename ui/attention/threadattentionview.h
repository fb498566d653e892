#pragma once

#include "ui/attention/attentionpost.h"

#include <QList>
#include <QVector>
#include <QWidget>

class QLabel;
class QProgressBar;
class QVBoxLayout;
class TokenChip;

// Both levels of a thread model's attention (hierarchical attention) for one probe post: the posts
// of its reply thread, oldest first and the classified post last, each with its post-level weight
// as a bar and its tokens coloured by their word-level weights. Each post's tokens are coloured on
// that post's own scale, since word weights sum to 1 within each post.
class ThreadAttentionView : public QWidget {
    Q_OBJECT

public:
    explicit ThreadAttentionView(QWidget *parent = nullptr);

    // `classified` is the probe post itself (marked in its row's heading).
    void setThread(const QVector<AttentionThreadPost> &thread, qint64 classified);
    void clear();

    int postCount() const { return int(m_rows.size()); }
    qint64 postIdAt(int row) const { return m_rows[row].postId; }
    // The post-level weight row `row` shows (its bar).
    double postWeightAt(int row) const { return m_rows[row].weight; }
    QProgressBar *weightBarAt(int row) const { return m_rows[row].bar; }
    QLabel *headingAt(int row) const { return m_rows[row].heading; }
    QList<TokenChip *> tokenChipsAt(int row) const { return m_rows[row].chips; }

private:
    struct Row {
        qint64 postId = 0;
        double weight = 0;
        QWidget *frame = nullptr;
        QLabel *heading = nullptr;
        QProgressBar *bar = nullptr;
        QList<TokenChip *> chips;
    };

    QLabel *m_title;
    QWidget *m_rowsArea;
    QVBoxLayout *m_rowsLayout;
    QVector<Row> m_rows;
};
