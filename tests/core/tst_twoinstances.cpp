// One project, two Chorus processes at once. The first trains (chorus-cli train: a metric row, an
// evaluation or a checkpoint every few milliseconds); meanwhile a second chorus-cli lists the
// runs, summarises the project, searches posts and imports more posts (a writer too), over and
// over, while the test reads the run's metrics from a third connection. No command of the second
// instance fails, none says "locked", every metric row once seen stays with its value, the
// training finishes, both imports are complete and the file passes integrity_check.
#include "clirun.h"
#include "killtrial.h"

#include "core/demo/demogenerator.h"
#include "core/split/datasetsplitter.h"
#include "core/store/project.h"
#include "core/training/runstore.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace chorus;

class TwoInstancesTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;
    QString m_config;

private slots:
    void initTestCase()
    {
        m_project = m_dir.filePath("shared.chorus");
        auto project = Project::open(m_project.toStdString());
        QVERIFY(project.ok());
        DemoOptions demo;
        demo.posts = 600;
        demo.users = 40;
        demo.items = 10;
        demo.withMedia = false;
        QVERIFY(DemoGenerator(demo).generate(**project).ok());
        SplitOptions split;
        split.seed = 5;
        split.stratifyTask = "sentiment";
        QVERIFY(DatasetSplitter::create(**project, "demo", split).ok());
        m_config = m_dir.filePath("config.json");
        QFile file(m_config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // Long enough for the second instance to do its round several times; writes all along.
        file.write(R"({"model": "bag_of_ngrams", "dataset": "demo", "task": "sentiment", "seed": 4, "epochs": 40,
                       "batch_size": 16, "checkpoint_every": 5, "eval_every": 10, "device": "cpu",
                       "params": {"embedding_dim": 16, "buckets": 1024}})");
    }

    void secondInstanceReadsAndWritesWhileTheFirstTrains()
    {
        killtrial::Victim trainer; // not killed here: it is simply the first instance
        QVERIFY(trainer.start({"train", m_project, "--config", m_config, "--events", "-"}));
        qint64 runId = 0;
        while (runId == 0 && trainer.running()) {
            for (const nlohmann::json &event : trainer.events())
                if (event.value("event", "") == "started")
                    runId = event.value("run_id", 0);
            trainer.poll(2000);
        }
        QVERIFY2(runId > 0, trainer.readStandardError().constData());

        SqliteDatabase reader;
        QVERIFY(reader.open(m_project.toStdString(), SqliteDatabase::Mode::ReadOnly).ok());
        killtrial::Committed seen;
        int rounds = 0, imports = 0, readsWhileTraining = 0;
        QStringList failures;
        auto watch = [&] {
            auto select = reader.prepare("SELECT count(*), coalesce(max(rowid), 0), total(value) FROM metrics WHERE run_id = ?1");
            QVERIFY(select.ok());
            select->bind(1, std::int64_t(runId));
            QVERIFY(select->step());
            const killtrial::Committed now{select->int64(0), select->int64(1), select->real(2)};
            // What was seen before is still there, unchanged (the rows up to the rowid seen then).
            auto kept = reader.prepare("SELECT count(*), total(value) FROM metrics WHERE run_id = ?1 AND rowid <= ?2");
            kept->bind(1, std::int64_t(runId)).bind(2, seen.maxRowid);
            QVERIFY(kept->step());
            QVERIFY2(kept->int64(0) == seen.rows && kept->real(1) == seen.sum, "metric rows seen earlier changed");
            QVERIFY(now.rows >= seen.rows);
            seen = now;
        };
        auto second = [&](const QStringList &arguments) {
            const CliRun run = runCli(arguments, 60000);
            // Post text is printed too: only the error channels are searched for "locked".
            const QByteArray said = run.err + run.json()["error"].toString().toUtf8();
            if (run.code != 0 || said.contains("locked"))
                failures << arguments.join(' ') + " -> " + QString::number(run.code) + ": " + QString::fromUtf8(said.left(300));
            return run;
        };
        while (trainer.running()) {
            const QString input = m_dir.filePath(QStringLiteral("more-%1.jsonl").arg(rounds));
            {
                std::ofstream out(input.toStdString());
                for (int i = 0; i < 400; ++i)
                    out << "{\"id\": \"r" << rounds << "-" << i << "\", \"text\": \"second instance post " << i
                        << " about the election\", \"label\": \"x\"}\n";
            }
            const CliRun runs = second({"runs", m_project, "--json"});
            bool listed = false;
            for (const QJsonValue &r : runs.json()["runs"].toArray())
                listed = listed || r.toObject()["id"].toInteger() == runId;
            if (!listed)
                failures << "the training run was not listed";
            second({"info", m_project, "--json"});
            second({"search", m_project, "election", "--json"});
            const CliRun imported = second({"import", m_project, "--format", "jsonl", "--dataset",
                                            QStringLiteral("second-%1").arg(rounds), "--json", "--quiet", input});
            imports += imported.json()["imported"].toInt() == 400;
            watch();
            if (QTest::currentTestFailed())
                return;
            readsWhileTraining += trainer.running();
            ++rounds;
            trainer.poll(0);
        }
        trainer.waitForFinished(60000);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join('\n')));
        QVERIFY2(trainer.exitCode() == 0, trainer.readStandardError().constData());
        QVERIFY2(readsWhileTraining >= 2, qPrintable(QStringLiteral("only %1 rounds overlapped the training").arg(readsWhileTraining)));
        QCOMPARE(imports, rounds);
        watch();
        reader.close();

        auto project = Project::open(m_project.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(project.ok());
        QCOMPARE(*(*project)->db().queryText("PRAGMA integrity_check"), std::string("ok"));
        QCOMPARE(RunStore(**project).get(runId)->status, std::string("finished"));
        QCOMPARE(*(*project)->db().queryInt("SELECT count(*) FROM posts p JOIN datasets d ON d.id = p.dataset_id"
                                            " WHERE d.name GLOB 'second-*'"),
                 std::int64_t(400) * rounds);
        qInfo("%d rounds of the second instance, %d while the first trained", rounds, readsWhileTraining);
    }
};

QTEST_GUILESS_MAIN(TwoInstancesTest)
#include "tst_twoinstances.moc"
