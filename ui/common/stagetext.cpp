#include "ui/common/stagetext.h"

namespace {

// Every stage name passed to a progress callback by core/analytics and ui/analytics.
const char *const kStages[] = {
    QT_TRANSLATE_NOOP("StageText", "clustering"),
    QT_TRANSLATE_NOOP("StageText", "counting"),
    QT_TRANSLATE_NOOP("StageText", "counting opinion"),
    QT_TRANSLATE_NOOP("StageText", "counting terms"),
    QT_TRANSLATE_NOOP("StageText", "describing topics"),
    QT_TRANSLATE_NOOP("StageText", "embedding posts"),
    QT_TRANSLATE_NOOP("StageText", "encoding posts"),
    QT_TRANSLATE_NOOP("StageText", "estimating k"),
    QT_TRANSLATE_NOOP("StageText", "finding bursts"),
    QT_TRANSLATE_NOOP("StageText", "forecasting"),
    QT_TRANSLATE_NOOP("StageText", "loading the stored topics"),
    QT_TRANSLATE_NOOP("StageText", "lsa"),
    QT_TRANSLATE_NOOP("StageText", "profile"),
    QT_TRANSLATE_NOOP("StageText", "sampling topics"),
    QT_TRANSLATE_NOOP("StageText", "similar users"),
    QT_TRANSLATE_NOOP("StageText", "storing"),
    QT_TRANSLATE_NOOP("StageText", "user vectors"),
};

} // namespace

QString StageText::label(const QString &stage)
{
    const QByteArray key = stage.toUtf8();
    for (const char *known : kStages)
        if (key == known)
            return tr(known);
    return stage;
}
