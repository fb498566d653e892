#pragma once

#include <QSettings>

#include <memory>

// Where the workbench keeps what it remembers between sessions (recent projects, window layout,
// theme): QSettings of organisation "Chorus", application "Chorus". Tests enable
// QStandardPaths::setTestModeEnabled(true), which moves this file away from the user's own.
class WorkbenchSettings {
public:
    static std::unique_ptr<QSettings> open();
};
