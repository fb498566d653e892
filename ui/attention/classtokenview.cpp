#include "ui/attention/classtokenview.h"

#include "ui/attention/attentionsnapshot.h"
#include "ui/attention/classtokenranking.h"
#include "ui/attention/tokenchip.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

ClassTokenView::ClassTokenView(QWidget *parent) : QWidget(parent), m_table(new QTableWidget(0, 4)), m_heading(new QLabel)
{
    m_table->setHorizontalHeaderLabels({tr("Predicted class"), tr("Token"), tr("Mean attention"), tr("Occurrences")});
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_heading->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_table);
    show(nullptr, false);
}

void ClassTokenView::show(const AttentionSnapshot *latest, bool runChosen)
{
    m_table->setRowCount(0);
    if (!latest) {
        // Say why the table is empty rather than leave a blank: picture-only and concatenation
        // models have no attention over tokens, and a text run may have stopped before its first epoch.
        m_heading->setText(!runChosen
                               ? tr("Tokens attended to most per predicted class")
                               : tr("Tokens attended to most per predicted class: this run recorded no token attention "
                                    "(models without attention over tokens, such as image and concatenation-fusion "
                                    "models, have no class view; colour the tokens by gradient × input or integrated gradients to see what drove a text prediction)"));
        return;
    }
    m_heading->setText(tr("Tokens with the highest mean attention per predicted class, over the %n probe post(s) of epoch %1",
                          nullptr, int(latest->posts.size()))
                           .arg(latest->epoch));
    for (const ClassTokens &entry : ClassTokenRanking::rank(*latest, kTopTokens)) {
        for (const RankedToken &token : entry.tokens) {
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            m_table->setItem(row, 0, new QTableWidgetItem(tr("%1 (%n post(s))", nullptr, entry.posts).arg(entry.className)));
            m_table->item(row, 0)->setData(Qt::UserRole, entry.className);
            auto *tokenItem = new QTableWidgetItem(token.token);
            const QColor fill = TokenChip::colourFor(token.meanWeight, entry.tokens.first().meanWeight);
            tokenItem->setBackground(fill);
            tokenItem->setForeground(fill.lightnessF() < 0.55 ? QColor(Qt::white) : QColor(Qt::black));
            m_table->setItem(row, 1, tokenItem);
            m_table->setItem(row, 2, new QTableWidgetItem(QString::number(token.meanWeight, 'f', 4)));
            m_table->setItem(row, 3, new QTableWidgetItem(QString::number(token.occurrences)));
        }
    }
    m_table->resizeColumnsToContents();
}

QStringList ClassTokenView::topTokens(const QString &className) const
{
    QStringList tokens;
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, 0)->data(Qt::UserRole).toString() == className)
            tokens << m_table->item(row, 1)->text();
    return tokens;
}
