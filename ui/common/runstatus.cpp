#include "ui/common/runstatus.h"

QString RunStatus::label(const QString &status)
{
    if (status == QLatin1String("running"))
        return tr("running");
    if (status == QLatin1String("paused"))
        return tr("paused");
    if (status == QLatin1String("finished"))
        return tr("finished");
    if (status == QLatin1String("stopped"))
        return tr("stopped");
    if (status == QLatin1String("failed"))
        return tr("failed");
    return status;
}
