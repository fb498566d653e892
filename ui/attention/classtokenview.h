#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QTableWidget;
struct AttentionSnapshot;

// The attention explorer's class view: per predicted class, the tokens with the highest mean
// attention over the probe posts of a run's latest snapshot (ClassTokenRanking), coloured as the
// token chips are, with a heading that says what the table covers, or why it is empty.
class ClassTokenView : public QWidget {
    Q_OBJECT

public:
    static constexpr int kTopTokens = 10;

    explicit ClassTokenView(QWidget *parent = nullptr);

    // `latest`: the run's latest snapshot, nullptr when it recorded none; `runChosen` says whether
    // a run is loaded at all (the heading differs).
    void show(const AttentionSnapshot *latest, bool runChosen);

    QTableWidget *table() const { return m_table; }
    QLabel *heading() const { return m_heading; }
    // The ranking for one class, best first.
    QStringList topTokens(const QString &className) const;

private:
    QTableWidget *m_table;
    QLabel *m_heading;
};
