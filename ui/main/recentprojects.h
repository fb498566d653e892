#pragma once

#include <QStringList>

// The most recently opened project files, newest first, kept in the workbench settings.
class RecentProjects {
public:
    static constexpr int kMaximum = 10;

    // The list without files that no longer exist (those are removed from the settings too).
    static QStringList list();
    // Moves (or adds) a file to the top; older entries beyond kMaximum drop off.
    static void add(const QString &path);
    static void clear();
};
