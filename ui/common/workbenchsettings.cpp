#include "ui/common/workbenchsettings.h"

std::unique_ptr<QSettings> WorkbenchSettings::open()
{
    // Named explicitly rather than taken from QCoreApplication, whose organisation name also
    // decides where the demo project lives.
    return std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("Chorus"),
                                       QStringLiteral("Chorus"));
}
