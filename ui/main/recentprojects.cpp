#include "ui/main/recentprojects.h"

#include "ui/common/workbenchsettings.h"

#include <QFileInfo>

namespace {

const char *const kKey = "recentProjects";

} // namespace

QStringList RecentProjects::list()
{
    auto settings = WorkbenchSettings::open();
    const QStringList stored = settings->value(kKey).toStringList();
    QStringList existing;
    for (const QString &path : stored)
        if (QFileInfo(path).isFile() && !existing.contains(path))
            existing << path;
    if (existing != stored)
        settings->setValue(kKey, existing);
    return existing;
}

void RecentProjects::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList paths = list();
    paths.removeAll(absolute);
    paths.prepend(absolute);
    while (paths.size() > kMaximum)
        paths.removeLast();
    WorkbenchSettings::open()->setValue(kKey, paths);
}

void RecentProjects::clear() { WorkbenchSettings::open()->remove(kKey); }
