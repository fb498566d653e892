#include "ui/attention/tokenchip.h"

#include <algorithm>
#include <cmath>

namespace {

const QColor kStrong(200, 30, 45);
const QColor kStrongNegative(30, 90, 200);

} // namespace

QColor TokenChip::colourFor(double weight, double scaleMax)
{
    const double t = scaleMax > 0 && std::isfinite(weight) ? std::clamp(weight / scaleMax, 0.0, 1.0) : 0.0;
    auto mix = [t](int strong) { return int(std::lround(255 + (strong - 255) * t)); };
    return QColor(mix(kStrong.red()), mix(kStrong.green()), mix(kStrong.blue()));
}

QColor TokenChip::signedColourFor(double value, double scale)
{
    if (value < 0) {
        const double t = scale > 0 && std::isfinite(value) ? std::clamp(-value / scale, 0.0, 1.0) : 0.0;
        auto mix = [t](int strong) { return int(std::lround(255 + (strong - 255) * t)); };
        return QColor(mix(kStrongNegative.red()), mix(kStrongNegative.green()), mix(kStrongNegative.blue()));
    }
    return colourFor(value, scale);
}

void TokenChip::setValue(double value, const QColor &colour, const QString &toolTip)
{
    m_weight = value;
    m_colour = colour;
    setToolTip(toolTip);
    applyColour();
}

TokenChip::TokenChip(const QString &token, double weight, double scaleMax, QWidget *parent)
    : QToolButton(parent), m_token(token), m_weight(weight), m_colour(colourFor(weight, scaleMax))
{
    setText(token);
    setCheckable(true);
    setAutoRaise(false);
    setToolTip(tr("%1\nattention weight %2").arg(token).arg(weight, 0, 'f', 4));
    applyColour();
}

void TokenChip::applyColour()
{
    // Dark text stays readable on the pale half of the scale, white on the saturated half.
    const QColor text = m_colour.lightnessF() < 0.55 ? QColor(Qt::white) : QColor(Qt::black);
    setStyleSheet(QStringLiteral("QToolButton { background: %1; color: %2; border: 1px solid #c8c8c8; border-radius: 4px;"
                                 " padding: 1px 4px; }"
                                 " QToolButton:checked { border: 2px solid #1f4e9a; }")
                      .arg(m_colour.name(), text.name()));
}
