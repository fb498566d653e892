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
    // For signed values (saliency): white at 0, red towards +scale, blue towards -scale.
    static QColor signedColourFor(double value, double scale);

    TokenChip(const QString &token, double weight, double scaleMax, QWidget *parent = nullptr);

    QString token() const { return m_token; }
    double weight() const { return m_weight; }
    QColor colour() const { return m_colour; }
    // Shows another measure on the same token (a layer or head, a saliency method): the value that
    // selections add up, its fill and the tooltip.
    void setValue(double value, const QColor &colour, const QString &toolTip);

private:
    void applyColour();

    QString m_token;
    double m_weight;
    QColor m_colour;
};
