#pragma once

// What the kill -9 loops share: a child chorus-cli process that can be killed at a chosen moment
// while the test watches the project from its own read-only connection, the checks made after
// every kill, and a seeded generator so a failing trial can be replayed.
#include "core/store/sqlitedatabase.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <random>
#include <string>
#include <sys/types.h>
#include <thread>

namespace killtrial {

// The seed of every loop; printed so that a failure names the trial that can be rerun.
constexpr std::uint64_t kSeed = 0xC40705;

// PRAGMA integrity_check through a connection of its own, as the next program to open the file
// would see it ("ok" when the file is sound).
inline std::string integrity(const std::string &path)
{
    chorus::SqliteDatabase db;
    if (!db.open(path, chorus::SqliteDatabase::Mode::ReadOnly).ok())
        return "cannot open";
    auto check = db.queryText("PRAGMA integrity_check");
    return check ? *check : check.message();
}

// A snapshot of rows the test has seen committed: their number, the highest rowid among them and
// the sum of a column, read in one statement (one snapshot).
struct Committed {
    std::int64_t rows = 0;
    std::int64_t maxRowid = 0;
    double sum = 0;
};

// sql: "SELECT count(*), coalesce(max(rowid), 0), total(X) FROM ..." (a literal in each test).
inline bool readCommitted(chorus::SqliteDatabase &db, const std::string &sql, Committed &out)
{
    auto select = db.prepare(sql);
    if (!select || !select->step())
        return false;
    out = {select->int64(0), select->int64(1), select->real(2)};
    return true;
}

// A chorus-cli run that the test drives: started, watched, killed with SIGKILL (no handler runs,
// nothing is flushed, exactly like `kill -9` or the kernel's OOM killer).
class Victim {
public:
    explicit Victim(const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        m_process.setProcessEnvironment(environment);
    }

    bool start(const QStringList &arguments)
    {
        m_process.start(QStringLiteral(CHORUS_CLI_PATH), arguments);
        m_clock.start();
        return m_process.waitForStarted(10000);
    }
    bool running() const { return m_process.state() != QProcess::NotRunning; }
    // Lets QProcess read the pipes and notice an exit without an event loop, then sleeps.
    void poll(int sleepUs)
    {
        m_process.waitForReadyRead(0);
        if (sleepUs > 0)
            std::this_thread::sleep_for(std::chrono::microseconds(sleepUs));
    }
    qint64 elapsedMs() const { return m_clock.elapsed(); }
    qint64 elapsedUs() const { return m_clock.nsecsElapsed() / 1000; }

    void kill()
    {
        if (running())
            ::kill(pid_t(m_process.processId()), SIGKILL);
        m_process.waitForFinished(30000);
    }
    bool waitForFinished(int ms) { return m_process.waitForFinished(ms); }
    int exitCode() const { return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1; }
    QByteArray readStandardError() { return m_process.readAllStandardError(); }
    QByteArray readStandardOutput() { return m_process.readAllStandardOutput(); }

    // Complete JSON event lines written so far (--events -), parsed; partial lines wait.
    std::vector<nlohmann::json> events()
    {
        m_pending += m_process.readAllStandardOutput();
        std::vector<nlohmann::json> out;
        int newline;
        while ((newline = m_pending.indexOf('\n')) >= 0) {
            const QByteArray line = m_pending.left(newline);
            m_pending.remove(0, newline + 1);
            nlohmann::json event = nlohmann::json::parse(line.constData(), line.constData() + line.size(), nullptr, false);
            if (event.is_object())
                out.push_back(std::move(event));
        }
        return out;
    }

private:
    QProcess m_process;
    QElapsedTimer m_clock;
    QByteArray m_pending;
};

} // namespace killtrial
