#include "ui/attention/threadattentionview.h"

#include "ui/attention/flowlayout.h"
#include "ui/attention/tokenchip.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

// Bars count in thousandths, so a weight shows to 0.1 %.
constexpr int kBarSteps = 1000;

} // namespace

ThreadAttentionView::ThreadAttentionView(QWidget *parent)
    : QWidget(parent), m_title(new QLabel), m_rowsArea(new QWidget), m_rowsLayout(new QVBoxLayout(m_rowsArea))
{
    m_title->setWordWrap(true);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->addStretch(1);
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_rowsArea);
    scroll->setWidgetResizable(true);
    scroll->setMinimumHeight(180);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(scroll, 1);
}

void ThreadAttentionView::clear()
{
    for (const Row &row : m_rows)
        delete row.frame;
    m_rows.clear();
    m_title->clear();
}

void ThreadAttentionView::setThread(const QVector<AttentionThreadPost> &thread, qint64 classified)
{
    clear();
    m_title->setText(tr("Reply thread, oldest first: each post's share of the post-level attention (bar) and, within "
                        "each post, the word-level attention (colour)."));
    double strongest = 0;
    for (const AttentionThreadPost &post : thread)
        strongest = std::max(strongest, post.weight);
    for (const AttentionThreadPost &post : thread) {
        Row row;
        row.postId = post.postId;
        row.weight = post.weight;
        row.frame = new QWidget;
        auto *rowLayout = new QVBoxLayout(row.frame);
        rowLayout->setContentsMargins(0, 2, 0, 6);
        rowLayout->setSpacing(2);
        row.heading = new QLabel(post.postId == classified ? tr("<b>Post %1</b> (the classified post)").arg(post.postId)
                                                           : tr("Post %1").arg(post.postId));
        row.bar = new QProgressBar;
        row.bar->setRange(0, kBarSteps);
        row.bar->setValue(int(std::lround(std::clamp(post.weight, 0.0, 1.0) * kBarSteps)));
        row.bar->setFormat(tr("%1 %").arg(100 * post.weight, 0, 'f', 1));
        row.bar->setToolTip(tr("Post-level attention %1").arg(post.weight, 0, 'f', 4));
        // The thread's most attended post in the strong colour of the token scale.
        const QColor fill = TokenChip::colourFor(post.weight, strongest);
        row.bar->setStyleSheet(QStringLiteral("QProgressBar { border: 1px solid #c8c8c8; border-radius: 3px; text-align: center; }"
                                              " QProgressBar::chunk { background: %1; }")
                                   .arg(fill.name()));
        auto *tokens = new QWidget;
        new FlowLayout(tokens);
        const double postMax = post.weights.isEmpty() ? 0 : *std::max_element(post.weights.begin(), post.weights.end());
        for (int i = 0; i < post.tokens.size(); ++i) {
            auto *chip = new TokenChip(post.tokens[i], post.weights[i], postMax, tokens);
            chip->setCheckable(false);
            tokens->layout()->addWidget(chip);
            row.chips.append(chip);
        }
        auto *headingLine = new QHBoxLayout;
        headingLine->addWidget(row.heading);
        headingLine->addWidget(row.bar, 1);
        rowLayout->addLayout(headingLine);
        rowLayout->addWidget(tokens);
        m_rowsLayout->insertWidget(m_rowsLayout->count() - 1, row.frame);
        m_rows.append(row);
    }
}
