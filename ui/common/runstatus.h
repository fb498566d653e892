#pragma once

#include <QCoreApplication>
#include <QString>

// A run's stored status ("running", "paused", "finished", "stopped", "failed") in the user's
// language; the stored value itself stays English, since the worker and the CLI compare it.
class RunStatus {
    Q_DECLARE_TR_FUNCTIONS(RunStatus)

public:
    static QString label(const QString &status); // an unknown status is shown as stored
};
