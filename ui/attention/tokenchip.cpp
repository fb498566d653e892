#include "ui/attention/tokenchip.h"

#include <algorithm>
#include <cmath>

namespace {

const QColor kStrong(200, 30, 45);

} // namespace

QColor TokenChip::colourFor(double weight, double scaleMax)
{
    const double t = scaleMax > 0 && std::isfinite(weight) ? std::clamp(weight / scaleMax, 0.0, 1.0) : 0.0;
    auto mix = [t](int strong) { return int(std::lround(255 + (strong - 255) * t)); };
    return QColor(mix(kStrong.red()), mix(kStrong.green()), mix(kStrong.blue()));
}

TokenChip::TokenChip(const QString &token, double weight, double scaleMax, QWidget *parent)
    : QToolButton(parent), m_token(token), m_weight(weight), m_colour(colourFor(weight, scaleMax))
{
    setText(token);
    setCheckable(true);
    setAutoRaise(false);
    setToolTip(tr("%1\nattention weight %2").arg(token).arg(weight, 0, 'f', 4));
    // Dark text stays readable on the pale half of the scale, white on the saturated half.
    const QColor text = m_colour.lightnessF() < 0.55 ? QColor(Qt::white) : QColor(Qt::black);
    setStyleSheet(QStringLiteral("QToolButton { background: %1; color: %2; border: 1px solid #c8c8c8; border-radius: 4px;"
                                 " padding: 1px 4px; }"
                                 " QToolButton:checked { border: 2px solid #1f4e9a; }")
                      .arg(m_colour.name(), text.name()));
}
