// chorus-cli as a user and a script see it: exit codes, --help, --json output of every subcommand.
#include "clirun.h"
#include "core/store/project.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class CliTest : public QObject {
    Q_OBJECT

private:
    using Run = CliRun;

    static Run cli(const QStringList &args) { return runCli(args, 120000); }

    static void write(const QString &path, const QByteArray &content)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }

    QTemporaryDir m_dir;
    QString m_project;
    QString m_input;

private slots:
    void initTestCase()
    {
        m_project = m_dir.filePath("cli.chorus");
        m_input = m_dir.filePath("posts.jsonl");
        write(m_input, "{\"id\": \"1\", \"author\": \"ann\", \"text\": \"the election was close\", \"label\": \"politics\","
                       " \"created_at\": \"2024-03-01T10:00:00Z\"}\n"
                       "{\"id\": \"2\", \"author\": \"bob\", \"text\": \"great match tonight\", \"label\": \"sports\","
                       " \"created_at\": \"2024-03-02T10:00:00Z\"}\n"
                       "\n"
                       "{\"id\": \"3\", \"author\": \"ann\", \"text\": \"another election debate\", \"label\": \"politics\","
                       " \"created_at\": \"2024-03-03T10:00:00Z\"}\n"
                       "{\"id\": \"4\", \"text\": \"cut off\n"
                       "{\"id\": \"5\", \"author\": \"cy\", \"text\": \"penalty in the last minute\", \"label\": \"sports\","
                       " \"created_at\": \"2024-03-04T10:00:00Z\"}\n");
    }

    void modelsListsFamiliesWithSchemas()
    {
        // What the GUI builds its model form from: it cannot link the models library.
        const Run run = cli({"models", "--json"});
        QCOMPARE(run.code, 0);
        const QJsonArray models = run.json()["models"].toArray();
        QVERIFY(models.size() >= 4);
        QJsonObject textcnn;
        for (const QJsonValue &m : models)
            if (m.toObject()["name"].toString() == "textcnn")
                textcnn = m.toObject();
        QVERIFY(!textcnn.isEmpty());
        QVERIFY(!textcnn["description"].toString().isEmpty());
        QCOMPARE(textcnn["supervised"].toBool(), true);
        bool kernels = false;
        for (const QJsonValue &p : textcnn["params"].toArray())
            if (p.toObject()["name"].toString() == "kernel_sizes") {
                kernels = true;
                QCOMPARE(p.toObject()["type"].toString(), QString("int_list"));
                QVERIFY(p.toObject().contains("min") && !p.toObject()["help"].toString().isEmpty());
            }
        QVERIFY(kernels);
        const Run text = cli({"models"});
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains("kernel_sizes"), text.out.constData());
    }

    void helpOnEverySubcommand_data()
    {
        QTest::addColumn<QString>("command");
        for (const char *c : {"new", "demo", "import", "info", "split", "export", "search", "train", "runs", "eval", "predict", "explain", "devices", "models"})
            QTest::newRow(c) << QString(c);
    }

    void helpOnEverySubcommand()
    {
        QFETCH(QString, command);
        const Run run = cli({command, "--help"});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.startsWith("Usage: chorus-cli " + command.toUtf8()), run.out.constData());
    }

    void badUsage()
    {
        QCOMPARE(cli({}).code, 2);
        QCOMPARE(cli({"frobnicate"}).code, 2);
        const Run unknownOption = cli({"info", m_project, "--verbose"});
        QCOMPARE(unknownOption.code, 2);
        QVERIFY(unknownOption.err.contains("unknown option --verbose"));
        const Run general = cli({"--help"});
        QCOMPARE(general.code, 0);
        QVERIFY(general.out.contains("import"));
    }

    void newProject()
    {
        const Run created = cli({"new", m_project, "--json"});
        QCOMPARE(created.code, 0);
        QVERIFY(created.json().value("schema_version").toInt() >= 4);
        const Run again = cli({"new", m_project});
        QCOMPARE(again.code, 1);
        QVERIFY(again.err.contains("already exists"));
        QCOMPARE(again.err.count('\n'), 1); // one line
    }

    void importReportsAsJson()
    {
        const Run run = cli({"import", m_project, "--format", "jsonl", "--dataset", "posts", "--label", "topic=label",
                             "--json", m_input});
        QCOMPARE(run.code, 0);
        const QJsonObject report = run.json();
        QCOMPARE(report.value("dataset").toString(), QString("posts"));
        QCOMPARE(report.value("imported").toInt(), 4);
        QCOMPARE(report.value("duplicates").toInt(), 0);
        QCOMPARE(report.value("rejected").toInt(), 1);
        const QJsonObject error = report.value("errors").toArray().at(0).toObject();
        QCOMPARE(error.value("file").toString(), m_input);
        QCOMPARE(error.value("line").toInt(), 5);
        QVERIFY2(error.value("reason").toString().startsWith("invalid JSON"), qPrintable(error.value("reason").toString()));

        const Run again = cli({"import", m_project, "--format", "jsonl", "--dataset", "posts", "--json", m_input});
        QCOMPARE(again.code, 0);
        QCOMPARE(again.json().value("imported").toInt(), 0);
        QCOMPARE(again.json().value("duplicates").toInt(), 4);

        // The same texts under new ids: stored again, unless repeated text is skipped.
        const QString renamed = m_dir.filePath("renamed.jsonl");
        QFile in(m_input), out(renamed);
        QVERIFY(in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly));
        out.write(in.readAll().replace("\"id\": \"", "\"id\": \"copy-"));
        out.close();
        const Run copies = cli({"import", m_project, "--format", "jsonl", "--dataset", "posts", "--skip-duplicate-text",
                                "--json", renamed});
        QCOMPARE(copies.code, 0);
        QCOMPARE(copies.json().value("imported").toInt(), 0);
        QCOMPARE(copies.json().value("duplicates").toInt(), 4);
    }

    void importFailures()
    {
        const Run missing = cli({"import", m_project, "--format", "jsonl", m_dir.filePath("nope.jsonl")});
        QCOMPARE(missing.code, 1);
        QVERIFY(missing.err.contains("nope.jsonl"));
        const Run format = cli({"import", m_project, "--format", "xml", m_input});
        QCOMPARE(format.code, 2);
        QVERIFY(format.err.contains("unknown format 'xml'"));
        const Run label = cli({"import", m_project, "--label", "oops", m_input});
        QCOMPARE(label.code, 2);
        QVERIFY(label.err.contains("TASK=FIELD"));
        const QString badMapping = m_dir.filePath("mapping.json");
        write(badMapping, "{\"fields\": {\"txt\": \"body\"}}");
        const Run mapping = cli({"import", m_project, "--mapping", badMapping, m_input});
        QCOMPARE(mapping.code, 1);
        QVERIFY2(mapping.err.contains("mapping.fields.txt"), mapping.err.constData());
    }

    void twitterClientLabel()
    {
        const QString tweets = QString(CHORUS_TEST_DATA) + "/twitter/tweets_v1.jsonl";
        const Run run = cli({"import", m_project, "--format", "twitter", "--dataset", "tweets", "--label",
                             "client=client_app", "--json", tweets});
        QCOMPARE(run.code, 0);
        QVERIFY(run.json().value("imported").toInt() > 0);
        const Run info = cli({"info", m_project, "--json"});
        bool found = false;
        for (const QJsonValue &d : info.json().value("dataset_list").toArray()) {
            if (d.toObject().value("name").toString() != "tweets")
                continue;
            for (const QJsonValue &t : d.toObject().value("tasks").toArray())
                found = found || t.toObject().value("task").toString() == "client";
        }
        QVERIFY(found);
    }

    void infoSplitExportSearch()
    {
        const Run info = cli({"info", m_project, "--json"});
        QCOMPARE(info.code, 0);
        QVERIFY(info.json().value("posts").toInt() >= 4);

        const Run badRatios = cli({"split", m_project, "--dataset", "posts", "--ratios", "0.8,0.3,0.1"});
        QCOMPARE(badRatios.code, 2);
        QVERIFY2(badRatios.err.contains("ratio"), badRatios.err.constData());
        const Run split = cli({"split", m_project, "--dataset", "posts", "--by", "time", "--ratios", "0.5,0.25,0.25",
                               "--seed", "3", "--json"});
        QCOMPARE(split.code, 0);
        const QJsonObject parts = split.json();
        QCOMPARE(parts.value("train").toInt() + parts.value("valid").toInt() + parts.value("test").toInt(), 4);
        QCOMPARE(parts.value("train").toInt(), 2);

        const QString csv = m_dir.filePath("out.csv");
        const Run exported = cli({"export", m_project, "--dataset", "posts", "--format", "csv", csv, "--json"});
        QCOMPARE(exported.code, 0);
        QCOMPARE(exported.json().value("posts").toInt(), 4);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QVERIFY(lines.at(0).contains("label:topic"));
        QVERIFY(lines.at(0).contains("split"));
        QVERIFY(lines.at(1).contains("train")); // oldest post, time split
        QVERIFY(!QFile::exists(csv + ".partial"));

        const QString jsonl = m_dir.filePath("out.jsonl");
        QCOMPARE(cli({"export", m_project, "--dataset", "posts", "--format", "jsonl", jsonl}).code, 0);
        QFile lines2(jsonl);
        QVERIFY(lines2.open(QIODevice::ReadOnly));
        const QJsonObject first = QJsonDocument::fromJson(lines2.readLine()).object();
        QCOMPARE(first.value("labels").toObject().value("topic").toString(), QString("politics"));

        QCOMPARE(cli({"export", m_project, "--dataset", "nope", csv}).code, 1);

        const Run search = cli({"search", m_project, "election", "--json"});
        QCOMPARE(search.code, 0);
        QCOMPARE(search.json().value("hits").toArray().size(), 2);
    }

    void demoProject()
    {
        const QString demo = m_dir.filePath("demo.chorus");
        const Run run = cli({"demo", demo, "--posts", "300", "--users", "30", "--no-media", "--json"});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.json().value("posts_added").toInt(), 300);
        const QJsonObject split = run.json().value("splits").toObject().value("demo").toObject();
        QCOMPARE(split.value("train").toInt() + split.value("valid").toInt() + split.value("test").toInt(), 300);
        const Run again = cli({"demo", demo, "--posts", "300", "--users", "30", "--no-media", "--json"});
        QCOMPARE(again.json().value("posts_added").toInt(), 0);
        QCOMPARE(cli({"demo", demo, "--posts", "0"}).code, 2);
    }

    void trainWorkerProtocol()
    {
        // The GUI's view of a training worker: JSON events on stdout, commands on stdin.
        const QString demo = m_dir.filePath("train.chorus");
        QCOMPARE(cli({"demo", demo, "--posts", "400", "--users", "20", "--no-media"}).code, 0);
        const QString config = m_dir.filePath("run.json");
        write(config, R"({"model": "textcnn", "dataset": "demo", "task": "sentiment", "seed": 1, "epochs": 50,
                          "batch_size": 8, "params": {"embedding_dim": 16, "filters": 8}})");
        QProcess worker;
        worker.start(CHORUS_CLI_PATH, {"train", demo, "--config", config, "--events", "-"});
        QVERIFY(worker.waitForStarted());
        QStringList kinds;
        QJsonObject last;
        bool stopSent = false;
        while (worker.state() != QProcess::NotRunning || worker.canReadLine()) {
            if (!worker.canReadLine() && !worker.waitForReadyRead(60000))
                break;
            while (worker.canReadLine()) {
                last = QJsonDocument::fromJson(worker.readLine()).object();
                kinds << last.value("event").toString();
                if (kinds.last() == "step" && !stopSent) {
                    worker.write("pause\n");
                    worker.write("{\"command\": \"resume\"}\n");
                    worker.write("stop\n");
                    stopSent = true;
                }
            }
        }
        if (worker.state() != QProcess::NotRunning)
            QVERIFY(worker.waitForFinished(60000));
        QCOMPARE(worker.exitStatus(), QProcess::NormalExit);
        QCOMPARE(worker.exitCode(), 0);
        QCOMPARE(kinds.first(), QString("started"));
        QVERIFY2(kinds.contains("finished"), qPrintable(kinds.join(',')));
        QCOMPARE(last.value("status").toString(), QString("stopped")); // the final result line
        QVERIFY(last.value("steps").toInt() < 50 * 40);

        const Run runs = cli({"runs", demo, "--json"});
        QCOMPARE(runs.code, 0);
        QCOMPARE(runs.json().value("runs").toArray().at(0).toObject().value("status").toString(), QString("stopped"));

        // A stopped run before its first checkpoint cannot predict, and says why.
        const Run early = cli({"eval", demo, "--run", "1"});
        QCOMPARE(early.code, 1);
        QVERIFY2(early.err.contains("no checkpoint"), early.err.constData());

        // A short complete run, then eval, predict and explain on it.
        write(config, R"({"model": "rnn_attention", "dataset": "demo", "task": "sentiment", "seed": 1, "epochs": 2,
                          "batch_size": 16, "params": {"embedding_dim": 16, "hidden": 16, "attention_dim": 16}})");
        const Run trained = cli({"train", demo, "--config", config, "--json"});
        QCOMPARE(trained.code, 0);
        const QString runId = QString::number(trained.json().value("run_id").toInt());
        const Run eval = cli({"eval", demo, "--run", runId, "--split", "test", "--json"});
        QCOMPARE(eval.code, 0);
        QCOMPARE(eval.json().value("accuracy").toDouble(),
                 trained.json().value("test").toObject().value("accuracy").toDouble());
        const QString out = m_dir.filePath("pred.csv");
        const Run predict = cli({"predict", demo, "--run", runId, "--text", "so happy today 😀", "--text", "awful service", out,
                                 "--json"});
        QCOMPARE(predict.code, 0);
        QCOMPARE(predict.json().value("predictions").toArray().size(), 2);
        QFile csv(out);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readLine().startsWith("post_id,text,predicted,p:negative,p:neutral,p:positive"));
        // Predictions of a whole dataset kept as a label task; hand labels are not overwritten.
        const Run stored = cli({"predict", demo, "--run", runId, "--dataset", "demo", "--store-as", "predicted_sentiment", out,
                                "--json"});
        QCOMPARE(stored.code, 0);
        QCOMPARE(stored.json().value("stored_as").toString(), QString("predicted_sentiment"));
        {
            auto project = chorus::Project::open(demo.toStdString(), chorus::Project::OpenMode::OpenExisting);
            QVERIFY(project.ok());
            auto counted = (*project)->db().prepare("SELECT count(*) FROM labels WHERE task = 'predicted_sentiment'");
            QVERIFY(counted.ok() && counted->step());
            QCOMPARE(counted->int64(0), std::int64_t(stored.json().value("posts").toInt()));
        }
        const Run refused = cli({"predict", demo, "--run", runId, "--dataset", "demo", "--store-as", "sentiment", out});
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains("no prediction wrote"), refused.err.constData());
        const Run explain = cli({"explain", demo, "--run", runId, "--post", "1", "--json"});
        QCOMPARE(explain.code, 0);
        QCOMPARE(explain.json().value("kind").toString(), QString("token_attention"));
        QCOMPARE(explain.json().value("tokens").toArray().size(), explain.json().value("weights").toArray().size());

        // Each post as the model sees it (its attention context, 2 x 16), with text, split, label and
        // prediction; the prediction is the one `predict --dataset` gives.
        const QString postsOut = m_dir.filePath("posts-of-run");
        const Run postsExport = cli({"export", demo, "--run", runId, "--what", "posts", "--limit", "40", postsOut, "--json"});
        QCOMPARE(postsExport.code, 0);
        QCOMPARE(postsExport.json().value("posts").toInt(), 40);
        QCOMPARE(postsExport.json().value("dimensions").toInt(), 32);
        QFile postVectors(postsOut + "/vectors.tsv"), postMetadata(postsOut + "/metadata.tsv");
        QVERIFY(postVectors.open(QIODevice::ReadOnly) && postMetadata.open(QIODevice::ReadOnly));
        const QList<QByteArray> postRows = postVectors.readAll().trimmed().split('\n');
        QCOMPARE(postRows.size(), 40);
        QCOMPARE(postRows.first().split('\t').size(), 32);
        const QList<QByteArray> metaRows = postMetadata.readAll().trimmed().split('\n');
        QCOMPARE(metaRows.size(), 41);
        QCOMPARE(metaRows.first(), QByteArray("text\tpost_id\tsplit\tsentiment\tpredicted"));
        const QList<QByteArray> firstPost = metaRows[1].split('\t');
        QCOMPARE(firstPost.size(), 5);
        QVERIFY(QList<QByteArray>({"train", "valid", "test"}).contains(firstPost[2]));
        QVERIFY(QList<QByteArray>({"negative", "neutral", "positive"}).contains(firstPost[4]));
        const QString allOut = m_dir.filePath("all-pred.csv");
        QCOMPARE(cli({"predict", demo, "--run", runId, "--dataset", "demo", allOut}).code, 0);
        QFile allCsv(allOut);
        QVERIFY(allCsv.open(QIODevice::ReadOnly));
        allCsv.readLine();
        const QByteArray firstPredicted = allCsv.readLine();
        QVERIFY2(firstPredicted.startsWith(firstPost[1] + ","), firstPredicted.constData());
        QVERIFY2(firstPredicted.contains("," + firstPost[4] + ","), firstPredicted.constData());
        QCOMPARE(cli({"export", demo, "--run", runId, "--what", "weights", "--limit", "5", postsOut}).code, 2);
        // The validation posts as the model saw them at the end of epoch 2, from the project alone.
        const QString postsEpochOut = m_dir.filePath("posts-epoch-2");
        const Run postsEpoch = cli({"export", demo, "--run", runId, "--what", "posts", "--epoch", "2", postsEpochOut, "--json"});
        QCOMPARE(postsEpoch.code, 0);
        QCOMPARE(postsEpoch.json().value("what").toString(), QString("posts"));
        const int epochPosts = postsEpoch.json().value("rows").toInt();
        {
            auto project = chorus::Project::open(demo.toStdString(), chorus::Project::OpenMode::OpenExisting);
            QVERIFY(project.ok());
            auto valid = (*project)->db().prepare(
                "SELECT count(*) FROM split_assignments a JOIN labels l ON l.post_id = a.post_id AND l.task = 'sentiment'"
                " WHERE a.part = 'valid' AND a.split_id = (SELECT max(s.id) FROM splits s JOIN datasets d"
                " ON d.id = s.dataset_id WHERE d.name = 'demo')");
            QVERIFY(valid.ok() && valid->step());
            QCOMPARE(std::int64_t(epochPosts), std::min<std::int64_t>(valid->int64(0), 2000));
        }
        QCOMPARE(postsEpoch.json().value("dimensions").toInt(), 32);
        QFile epochPostMetadata(postsEpochOut + "/metadata.tsv");
        QVERIFY(epochPostMetadata.open(QIODevice::ReadOnly));
        const QList<QByteArray> epochMetaRows = epochPostMetadata.readAll().trimmed().split('\n');
        QCOMPARE(epochMetaRows.size(), epochPosts + 1);
        QCOMPARE(epochMetaRows.first(), QByteArray("text\tpost_id\tsplit\tsentiment\tpredicted"));
        for (int i = 1; i < epochMetaRows.size(); ++i)
            QCOMPARE(epochMetaRows[i].split('\t').value(2), QByteArray("valid"));
        const Run noPostEpoch = cli({"export", demo, "--run", runId, "--what", "posts", "--epoch", "3", postsEpochOut});
        QCOMPARE(noPostEpoch.code, 1);
        QVERIFY2(noPostEpoch.err.contains("no posts embedding snapshot for epoch 3 (it has epochs 1 to 2)"),
                 noPostEpoch.err.constData());

        // Word embeddings as a run, exported in word2vec text format.
        write(config, R"({"model": "word2vec", "dataset": "demo", "seed": 1, "epochs": 2, "params": {"dimensions": 8}})");
        const Run vectorsRun = cli({"train", demo, "--config", config, "--json"});
        QCOMPARE(vectorsRun.code, 0);
        const QString vectorsOut = m_dir.filePath("vectors.txt");
        const Run exportVectors = cli({"export", demo, "--run", QString::number(vectorsRun.json().value("run_id").toInt()),
                                       "--what", "vectors", vectorsOut, "--json"});
        QCOMPARE(exportVectors.code, 0);
        QFile vectorsFile(vectorsOut);
        QVERIFY(vectorsFile.open(QIODevice::ReadOnly));
        QCOMPARE(vectorsFile.readLine().trimmed().split(' ').value(1), QByteArray("8"));
        QCOMPARE(cli({"export", demo, "--run", runId, "--what", "vectors", vectorsOut}).code, 1); // not a word2vec run
        // The vectors as they were after epoch 1, from the project alone.
        const QString vectorsRunId = QString::number(vectorsRun.json().value("run_id").toInt());
        const QString epochOut = m_dir.filePath("epoch-1");
        const Run exportEpoch = cli({"export", demo, "--run", vectorsRunId, "--what", "embeddings", "--epoch", "1", epochOut, "--json"});
        QCOMPARE(exportEpoch.code, 0);
        QCOMPARE(exportEpoch.json().value("epoch").toInt(), 1);
        QCOMPARE(exportEpoch.json().value("dimensions").toInt(), 8);
        const int epochTokens = exportEpoch.json().value("tokens").toInt();
        QVERIFY(epochTokens > 10);
        QFile epochVectors(epochOut + "/vectors.tsv"), epochMetadata(epochOut + "/metadata.tsv");
        QVERIFY(epochVectors.open(QIODevice::ReadOnly) && epochMetadata.open(QIODevice::ReadOnly));
        const QList<QByteArray> vectorLines = epochVectors.readAll().trimmed().split('\n');
        QCOMPARE(vectorLines.size(), epochTokens);
        QCOMPARE(vectorLines.first().split('\t').size(), 8);
        QCOMPARE(epochMetadata.readAll().trimmed().split('\n').size(), epochTokens);
        const Run noEpoch = cli({"export", demo, "--run", vectorsRunId, "--what", "embeddings", "--epoch", "3", epochOut});
        QCOMPARE(noEpoch.code, 1);
        QVERIFY2(noEpoch.err.contains("no embedding snapshot for epoch 3 (it has epochs 1 to 2)"), noEpoch.err.constData());
        QCOMPARE(cli({"export", demo, "--run", vectorsRunId, "--what", "vectors", "--epoch", "1", epochOut}).code, 2);
        const Run wordPosts = cli({"export", demo, "--run", vectorsRunId, "--what", "posts", postsOut});
        QCOMPARE(wordPosts.code, 1); // word2vec classifies nothing

        write(config, R"({"model": "textcnn", "dataset": "demo", "task": "sentiment", "seed": 1, "epoch": 2})");
        const Run typo = cli({"train", demo, "--config", config});
        QCOMPARE(typo.code, 1);
        QVERIFY2(typo.err.contains("epoch: unknown key (did you mean 'epochs'?)"), typo.err.constData());
        write(config, R"({"model": "gpt", "dataset": "demo", "task": "sentiment", "seed": 1, "epochs": 2})");
        const Run unknown = cli({"train", demo, "--config", config});
        QCOMPARE(unknown.code, 1);
        QVERIFY2(unknown.err.contains("unknown model 'gpt' (known: textcnn"), unknown.err.constData());
    }

    void notAProject()
    {
        const QString path = m_dir.filePath("text.chorus");
        write(path, QByteArray(5000, 'a'));
        const Run run = cli({"info", path, "--json"});
        QCOMPARE(run.code, 1);
        QVERIFY(run.json().contains("error"));
        QCOMPARE(cli({"info", m_dir.filePath("missing.chorus")}).code, 1);
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
