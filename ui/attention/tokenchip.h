#pragma once

#include <QColor>
#include <QToolButton>

// One token of a post, filled with a colour from white (no attention) to a strong red (the most
// attention this post received at any recorded epoch). Clicking selects it, so the weights of
// several tokens can be summed.
class TokenChip : public QToolButton {
    Q_OBJECT

public:
    // The fill for a weight relative to the scale's maximum (clamped to [0, 1]).
    static QColor colourFor(double weight, double scaleMax);

    TokenChip(const QString &token, double weight, double scaleMax, QWidget *parent = nullptr);

    QString token() const { return m_token; }
    double weight() const { return m_weight; }
    QColor colour() const { return m_colour; }

private:
    QString m_token;
    double m_weight;
    QColor m_colour;
};
