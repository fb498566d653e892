// The bad inputs of docs/reliability.md, each imported into a project that already holds posts:
// every one gets an answer that names what is wrong and where, the posts stored before are all
// still there, and the project file stays sound (PRAGMA integrity_check). Configs with wrong
// types, negative sizes and absurd values are refused with the field named.
#include "core/import/importjob.h"
#include "core/store/project.h"
#include "core/training/runconfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace chorus;

namespace {

struct Outcome {
    bool failed = false;        // the job refused the file as a whole
    std::string message;        // its error, or the first rejected row's "line N: reason"
    std::int64_t imported = 0;
    std::int64_t rejected = 0;
};

} // namespace

class BadInputsTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

    std::int64_t postCount()
    {
        auto count = m_project->db().prepare("SELECT COUNT(*) FROM posts");
        return count && count->step() ? count->int64(0) : -1;
    }

    Outcome import(const QString &path, const std::string &format, const std::string &dataset)
    {
        ImportOptions options;
        options.format = format;
        options.dataset = dataset;
        ImportJob job(*m_project, options);
        auto report = job.run({path.toStdString()});
        Outcome outcome;
        if (!report) {
            outcome.failed = true;
            outcome.message = report.message();
            return outcome;
        }
        outcome.imported = report->imported;
        outcome.rejected = report->rejected;
        if (!report->errors.empty())
            outcome.message = "line " + std::to_string(report->errors.front().line) + ": " + report->errors.front().reason;
        return outcome;
    }

    // Nothing stored before is lost and the file is sound.
    void verifyNothingLost(std::int64_t before, std::int64_t added)
    {
        QCOMPARE(postCount(), before + added);
        auto check = m_project->db().prepare("PRAGMA integrity_check");
        QVERIFY(check.ok() && check->step());
        QCOMPARE(check->text(0), std::string("ok"));
    }

private slots:
    void initTestCase()
    {
        auto project = Project::open(m_dir.filePath("bad.chorus").toStdString());
        QVERIFY(project.ok());
        m_project = std::move(*project);
        const QString good = write("good.csv", "id,text,likes\n1,first post,3\n2,second post,5\n3,third post,0\n");
        const Outcome outcome = import(good, "csv", "kept");
        QCOMPARE(outcome.imported, std::int64_t(3));
    }

    void inputs_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("refused");         // the whole file refused
        QTest::addColumn<int>("imported");         // rows stored anyway (the good ones)
        QTest::addColumn<QString>("mentions");     // what the answer must name

        QTest::newRow("truncated JSON") << "truncated.jsonl" << "jsonl"
                                        << QByteArray("{\"id\": \"a\", \"text\": \"fine\"}\n{\"id\": \"b\", \"text\": \"cut of") << false
                                        << 1 << "line 2";
        const QByteArray deep = "{\"id\": \"d\", \"text\": \"deep\", \"x\": " + QByteArray(200000, '[') + QByteArray(200000, ']') + "}\n"
                                "{\"id\": \"e\", \"text\": \"after the deep one\"}\n";
        // Valid, only deep: stored (the nesting is kept in the post's extras), no stack exhausted.
        QTest::newRow("deeply nested JSON") << "deep.jsonl" << "jsonl" << deep << false << 2 << "";
        const QByteArray huge = "id,text\nh1," + QByteArray(8 * 1024 * 1024, 'a') + "\nh2,short one\n";
        QTest::newRow("huge line") << "huge.csv" << "csv" << huge << false << 2 << "";
        QTest::newRow("invalid UTF-8") << "latin1.csv" << "csv" << QByteArray("id,text\nu1,caf\xe9 cr\xe8me\nu2,plain\n")
                                       << false << 1 << "UTF-8";
        QTest::newRow("NUL bytes") << "nul.csv" << "csv" << QByteArray("id,text\nn1,before\0after\nn2,clean\n", 33) << false
                                   << 1 << "line 2";
        QTest::newRow("unbalanced quotes") << "quotes.csv" << "csv"
                                           << QByteArray("id,text\nq1,fine\nq2,\"never closed\nq3,lost in the quote\n")
                                           << false << 1 << "line 3";
        QTest::newRow("empty file") << "empty.csv" << "csv" << QByteArray() << true << 0 << "empty.csv";
        QTest::newRow("binary as JSON Lines") << "binary.jsonl" << "jsonl" << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << false
                                              << 0 << "line 1";
        QTest::newRow("missing file") << "" << "csv" << QByteArray() << true << 0 << "no-such-file.csv";
    }

    void inputs()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        QFETCH(QByteArray, bytes);
        QFETCH(bool, refused);
        QFETCH(int, imported);
        QFETCH(QString, mentions);
        const QString path = file.isEmpty() ? m_dir.filePath("no-such-file.csv") : write(file, bytes);
        QVERIFY(!path.isEmpty());
        const std::int64_t before = postCount();
        QVERIFY(before >= 3);
        const Outcome outcome = import(path, format.toStdString(), QTest::currentDataTag());
        qInfo("%s -> %s", QTest::currentDataTag(), outcome.message.c_str());
        QCOMPARE(outcome.failed, refused);
        QCOMPARE(outcome.imported, std::int64_t(imported));
        if (!refused && mentions.isEmpty())
            QCOMPARE(outcome.rejected, std::int64_t(0));
        else
            QVERIFY2(!outcome.message.empty(), "a bad input is answered with a message");
        QVERIFY2(QString::fromStdString(outcome.message).contains(mentions), outcome.message.c_str());
        verifyNothingLost(before, imported);
    }

    void configs_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("field");
        QTest::newRow("wrong type") << QByteArray(R"({"model": "textcnn", "dataset": "d", "task": "t", "seed": 1, "epochs": "ten"})")
                                    << "epochs";
        QTest::newRow("negative size") << QByteArray(R"({"model": "textcnn", "dataset": "d", "task": "t", "seed": 1, "epochs": 2, "batch_size": -32})")
                                       << "batch_size";
        QTest::newRow("absurd value") << QByteArray(R"({"model": "textcnn", "dataset": "d", "task": "t", "seed": 1, "epochs": 1000000000000})")
                                      << "epochs";
        QTest::newRow("absurd rate") << QByteArray(R"({"model": "textcnn", "dataset": "d", "task": "t", "seed": 1, "epochs": 2, "optimizer": {"lr": 1e9}})")
                                     << "optimizer.lr";
        QTest::newRow("not an object") << QByteArray(R"([1, 2, 3])") << "config";
        QTest::newRow("unknown key") << QByteArray(R"({"model": "textcnn", "dataset": "d", "task": "t", "seed": 1, "epoch": 3})")
                                     << "epoch";
    }

    void configs()
    {
        QFETCH(QByteArray, config);
        QFETCH(QString, field);
        const nlohmann::json json = nlohmann::json::parse(config.toStdString());
        auto parsed = RunConfig::parse(json, nullptr, true);
        QVERIFY(!parsed.ok());
        qInfo("%s -> %s", QTest::currentDataTag(), parsed.message().c_str());
        QVERIFY2(QString::fromStdString(parsed.message()).contains(field), parsed.message().c_str());
    }
};

QTEST_GUILESS_MAIN(BadInputsTest)
#include "tst_badinputs.moc"
