#pragma once

// Runs the chorus-cli under test (CHORUS_CLI_PATH, defined per test target) the way a script
// would and keeps what it said: every test that drives the command line uses this one runner.
#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

struct CliRun {
    int code = -1; // -1: it crashed or did not finish in time
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

inline CliRun runCli(const QStringList &args, int timeoutMs = 120000,
                     const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CHORUS_CLI_PATH), args);
    CliRun run;
    if (!process.waitForFinished(timeoutMs))
        return run;
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}
