// The Sequences tab on real seq2seq runs trained by chorus-cli (a replies run and a behaviour run,
// tiny budgets): only seq2seq runs are offered, with their kind; typed text, a post by id and typed
// actions are decoded by the worker in the background; the candidates table holds exactly the
// beam the command line reports (text and scores), and a selected candidate's cross-attention
// heatmap has its decoded tokens as rows and the source tokens as columns with the JSON's values.
// Bad input ends in a message, never a blocked window; a project without seq2seq runs gets a hint.
#include "../core/clirun.h"

#include "core/store/project.h"
#include "core/training/runstore.h"
#include "ui/main/mainwindow.h"
#include "ui/recommenders/recommenderpanel.h"
#include "ui/sequences/crossattentionmap.h"
#include "ui/sequences/seq2seqrunner.h"
#include "ui/sequences/seq2seqview.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <qcustomplot.h>

#include <climits>
#include <cmath>

using namespace chorus;

namespace {

constexpr int kWorkerTimeoutMs = 120000;

QStringList strings(const QJsonArray &array)
{
    QStringList out;
    for (const QJsonValue &v : array)
        out << v.toString();
    return out;
}

// The labels an axis of the heatmap shows, left to right or top to bottom.
QStringList tickLabels(QCPAxis *axis)
{
    auto ticker = axis->ticker().dynamicCast<QCPAxisTickerText>();
    return ticker ? QStringList(ticker->ticks().values()) : QStringList();
}

} // namespace

class Seq2seqViewTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Project> m_project;
    qint64 m_repliesRun = 0;
    qint64 m_behaviourRun = 0;
    qint64 m_classifierRun = 0;

    qint64 train(const QByteArray &config)
    {
        const QString path = m_dir.filePath("config.json");
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(config);
        file.close();
        const CliRun run = runCli({"train", m_path, "--config", path, "--json"}, 300000);
        if (run.code != 0)
            qWarning("%s", run.err.constData());
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        return QJsonDocument::fromJson(lines.last()).object()["run_id"].toInteger();
    }

    // The view after a request: waits for its answer, true when it showed a beam.
    static bool waitForBeam(Seq2seqView &view)
    {
        QSignalSpy shown(&view, &Seq2seqView::explanationShown);
        QSignalSpy failed(&view, &Seq2seqView::failed);
        view.generate();
        if (shown.isEmpty() && failed.isEmpty())
            shown.wait(kWorkerTimeoutMs);
        if (!failed.isEmpty())
            qWarning("%s", qPrintable(failed.first().first().toString()));
        return !shown.isEmpty();
    }

    // The table and the heatmap against what `chorus-cli explain --json` says for the same input.
    static void compareWithCli(Seq2seqView &view, const QJsonObject &cli)
    {
        const QJsonArray candidates = cli["candidates"].toArray();
        QTableWidget *table = view.candidatesTable();
        QCOMPARE(table->rowCount(), candidates.size());
        QVERIFY(table->rowCount() > 0);
        for (int row = 0; row < table->rowCount(); ++row) {
            const QJsonObject c = candidates[row].toObject();
            QCOMPARE(table->item(row, 1)->text(), c["text"].toString());
            QCOMPARE(table->item(row, 2)->data(Qt::UserRole).toDouble(), c["score"].toDouble());
            QCOMPARE(table->item(row, 2)->text(), QString::number(c["score"].toDouble(), 'f', 4));
            QCOMPARE(table->item(row, 3)->data(Qt::UserRole).toDouble(), c["log_probability"].toDouble());
        }
        const QStringList source = strings(cli["source_tokens"].toArray());
        // Every candidate's heatmap, the last first so that selecting is a change.
        for (int row = table->rowCount() - 1; row >= 0; --row) {
            QVERIFY(view.selectCandidate(row));
            QCOMPARE(table->currentRow(), row);
            const QJsonObject c = candidates[row].toObject();
            const QStringList decoded = strings(c["decoded_tokens"].toArray());
            CrossAttentionMap *map = view.attentionMap();
            QVERIFY(!map->isEmpty());
            QCOMPARE(map->decodedTokens(), decoded);
            QCOMPARE(map->sourceTokens(), source);
            QCOMPARE(tickLabels(map->plot()->yAxis), decoded);
            QCOMPARE(tickLabels(map->plot()->xAxis), source);
            const QJsonArray rows = c["attention"].toArray();
            QCOMPARE(rows.size(), decoded.size());
            for (int r = 0; r < rows.size(); ++r) {
                const QJsonArray values = rows[r].toArray();
                QCOMPARE(values.size(), source.size());
                for (int s = 0; s < values.size(); ++s)
                    QCOMPARE(map->cell(r, s), values[s].toDouble());
            }
        }
        // The best candidate's attention is the one explain has always reported at the top level.
        QCOMPARE(candidates[0].toObject()["attention"], cli["attention"]);
        QCOMPARE(candidates[0].toObject()["decoded_tokens"], cli["decoded_tokens"]);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the main window keeps recent projects in settings
        m_path = m_dir.filePath("p.chorus");
        QCOMPARE(runCli({"demo", m_path, "--posts", "300", "--users", "30", "--no-media", "--json"}).code, 0);
        m_repliesRun = train(R"({"model": "seq2seq", "dataset": "demo", "seed": 5, "epochs": 1, "batch_size": 32,
            "device": "cpu", "params": {"source": "replies", "embedding_dim": 8, "hidden": 12, "beam_width": 3,
            "max_target_length": 8, "max_source_length": 12, "min_count": 2}})");
        QVERIFY(m_repliesRun > 0);
        m_behaviourRun = train(R"({"model": "seq2seq", "dataset": "interactions", "seed": 5, "epochs": 1,
            "batch_size": 64, "device": "cpu", "params": {"source": "behaviour", "embedding_dim": 8, "hidden": 12,
            "context": 4, "horizon": 2, "beam_width": 2}})");
        QVERIFY(m_behaviourRun > 0);
        auto project = Project::open(m_path.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(project.ok());
        m_project = std::move(*project);
        // A finished run of another family, which the view must not offer.
        auto other = RunStore(*m_project).create("rnn_attention", "demo", {{"model", "rnn_attention"}}, "cpu");
        QVERIFY(other.ok());
        m_classifierRun = *other;
        QVERIFY(RunStore(*m_project).setStatus(m_classifierRun, "finished").ok());
    }

    void listsOnlySeq2seqRunsWithTheirKind()
    {
        Seq2seqView view;
        view.runner()->setProgram(QStringLiteral(CHORUS_CLI_PATH));
        view.setProject(m_project.get());
        QCOMPARE(view.runChooser()->count(), 2);
        QVERIFY(view.runChooser()->findData(QVariant::fromValue<qlonglong>(m_classifierRun)) < 0);
        QVERIFY(view.hintLabel()->isHidden());
        QVERIFY(!view.setRun(m_classifierRun));

        QVERIFY(view.setRun(m_repliesRun));
        QCOMPARE(view.currentSource(), QStringLiteral("replies"));
        QVERIFY(view.runChooser()->currentText().contains(QStringLiteral("replies")));
        QVERIFY(view.inputModeChooser()->isEnabled());
        QVERIFY(view.beamWidthField()->specialValueText().contains(QStringLiteral("3")));

        QVERIFY(view.setRun(m_behaviourRun));
        QCOMPARE(view.currentSource(), QStringLiteral("behaviour"));
        QVERIFY(view.runChooser()->currentText().contains(QStringLiteral("behaviour")));
        QVERIFY(!view.inputModeChooser()->isEnabled()); // actions are typed, never a post
        QCOMPARE(view.inputModeChooser()->currentIndex(), int(Seq2seqView::TypedInput));
    }

    void typedTextMatchesTheCommandLine()
    {
        Seq2seqView view;
        view.runner()->setProgram(QStringLiteral(CHORUS_CLI_PATH));
        view.setProject(m_project.get());
        QVERIFY(view.setRun(m_repliesRun));
        view.inputModeChooser()->setCurrentIndex(Seq2seqView::TypedInput);
        view.inputField()->setText(QStringLiteral("what a great match today"));
        view.beamWidthField()->setValue(4); // not the run's 3: the override reaches the worker
        view.lengthPenaltyField()->setValue(1.0);
        QVERIFY(waitForBeam(view));
        QCOMPARE(view.shown()->beamWidth, 4);
        QCOMPARE(view.shown()->lengthPenalty, 1.0);

        const CliRun cli = runCli({"explain", m_path, "--run", QString::number(m_repliesRun), "--text",
                                   "what a great match today", "--beam-width", "4", "--length-penalty", "1", "--json"});
        QVERIFY2(cli.code == 0, cli.err.constData());
        QCOMPARE(cli.json()["candidates"].toArray().size(), 4);
        compareWithCli(view, cli.json());
        QCOMPARE(view.sourceLabel()->text().contains(QStringLiteral("great")), true);
    }

    void postByIdMatchesTheCommandLineAndIsCached()
    {
        auto select = m_project->db().prepare(
            "SELECT p.id FROM posts p WHERE EXISTS (SELECT 1 FROM posts r WHERE r.reply_to = p.source_id) LIMIT 1");
        QVERIFY(select.ok());
        QVERIFY(select->step());
        const qint64 postId = select->int64(0);

        Seq2seqView view;
        view.runner()->setProgram(QStringLiteral(CHORUS_CLI_PATH));
        view.setProject(m_project.get());
        QVERIFY(view.setRun(m_repliesRun));
        view.inputModeChooser()->setCurrentIndex(Seq2seqView::PostById);
        QVERIFY(!view.postField()->isHidden());
        QVERIFY(view.inputField()->isHidden());
        view.postField()->setValue(int(postId));
        QVERIFY(waitForBeam(view));
        QCOMPARE(view.shown()->beamWidth, 3); // the run's own

        const CliRun cli = runCli({"explain", m_path, "--run", QString::number(m_repliesRun), "--post",
                                   QString::number(postId), "--json"});
        QVERIFY2(cli.code == 0, cli.err.constData());
        compareWithCli(view, cli.json());

        // The same request again is answered from the cache, at once and without a worker.
        QSignalSpy shown(&view, &Seq2seqView::explanationShown);
        view.generate();
        QCOMPARE(shown.size(), 1);
        QVERIFY(!view.runner()->isRunning());
        compareWithCli(view, cli.json());
    }

    void behaviourActionsMatchTheCommandLine()
    {
        auto select = m_project->db().prepare("SELECT kind, item FROM interactions ORDER BY id LIMIT 3");
        QVERIFY(select.ok());
        QStringList actions;
        while (select->step())
            actions << QString::fromStdString(select->text(0) + ":" + select->text(1));
        QCOMPARE(actions.size(), 3);

        Seq2seqView view;
        view.runner()->setProgram(QStringLiteral(CHORUS_CLI_PATH));
        view.setProject(m_project.get());
        QVERIFY(view.setRun(m_behaviourRun));
        view.inputField()->setText(actions.join(QLatin1Char(' ')));
        QVERIFY(waitForBeam(view));
        QCOMPARE(view.shown()->sequenceSource, QStringLiteral("behaviour"));

        const CliRun cli = runCli({"explain", m_path, "--run", QString::number(m_behaviourRun), "--text",
                                   actions.join(QLatin1Char(' ')), "--json"});
        QVERIFY2(cli.code == 0, cli.err.constData());
        QCOMPARE(cli.json()["candidates"].toArray().size(), 2); // the run's beam width
        compareWithCli(view, cli.json());
        QCOMPARE(view.attentionMap()->sourceTokens(), actions);
    }

    void badInputShowsAMessageWithoutBlocking()
    {
        Seq2seqView view;
        view.runner()->setProgram(QStringLiteral(CHORUS_CLI_PATH));
        view.setProject(m_project.get());
        QVERIFY(view.setRun(m_repliesRun));
        QSignalSpy failed(&view, &Seq2seqView::failed);
        QSignalSpy shown(&view, &Seq2seqView::explanationShown);

        // Nothing typed: said at once, no worker started.
        view.inputField()->clear();
        view.generate();
        QCOMPARE(failed.size(), 1);
        QVERIFY(!view.runner()->isRunning());

        // A post that does not exist: the worker says so; generate() returned while it ran.
        view.inputModeChooser()->setCurrentIndex(Seq2seqView::PostById);
        view.postField()->setValue(INT_MAX);
        view.generate();
        QVERIFY(view.runner()->isRunning());
        QVERIFY(view.cancelButton()->isEnabled());
        QVERIFY(failed.wait(kWorkerTimeoutMs));
        QCOMPARE(failed.size(), 2);
        QVERIFY2(failed.last().first().toString().contains(QStringLiteral("no post with id")),
                 qPrintable(failed.last().first().toString()));
        QVERIFY(view.statusLabel()->text().contains(QStringLiteral("no post with id")));
        QCOMPARE(view.candidatesTable()->rowCount(), 0);
        QVERIFY(view.attentionMap()->isEmpty());

        // Words that are no actions, for a behaviour run.
        QVERIFY(view.setRun(m_behaviourRun));
        view.inputField()->setText(QStringLiteral("hello there"));
        view.generate();
        QVERIFY(view.runner()->isRunning());
        QVERIFY(failed.wait(kWorkerTimeoutMs));
        QVERIFY2(failed.last().first().toString().contains(QStringLiteral("not an action")),
                 qPrintable(failed.last().first().toString()));
        QVERIFY(shown.isEmpty());
    }

    void cancelStopsTheWorker()
    {
        Seq2seqView view;
        view.runner()->setProgram(QStringLiteral(CHORUS_CLI_PATH));
        view.setProject(m_project.get());
        QVERIFY(view.setRun(m_repliesRun));
        view.inputField()->setText(QStringLiteral("a text nobody asked about before"));
        QSignalSpy shown(&view, &Seq2seqView::explanationShown);
        QSignalSpy failed(&view, &Seq2seqView::failed);
        view.generate();
        QVERIFY(view.runner()->isRunning());
        view.cancel();
        QVERIFY(!view.runner()->isRunning());
        QVERIFY(!view.cancelButton()->isEnabled());
        QTest::qWait(300);
        QVERIFY(shown.isEmpty() && failed.isEmpty());
        // A failing worker program is a message too.
        view.runner()->setProgram(m_dir.filePath("no-such-program"));
        view.generate();
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.last().first().toString().contains(QStringLiteral("no-such-program")));
    }

    void projectWithoutSeq2seqRunsShowsAHint()
    {
        auto empty = Project::open(m_dir.filePath("empty.chorus").toStdString());
        QVERIFY(empty.ok());
        Seq2seqView view;
        view.setProject(empty->get());
        QCOMPARE(view.runChooser()->count(), 0);
        QVERIFY(!view.hintLabel()->isHidden());
        QVERIFY(view.hintLabel()->text().contains(QStringLiteral("seq2seq")));
        QVERIFY(!view.generateButton()->isEnabled());
        view.setProject(nullptr);
    }

    // A source or an output of one token is one cell wide, not a line of no width.
    void singleTokenAxesAreDrawn()
    {
        CrossAttentionMap map;
        map.resize(400, 300);
        map.setMatrix({QStringLiteral("great"), QStringLiteral("<eos>")}, {QStringLiteral("hi")}, {{1.0}, {0.5}},
                      QStringLiteral("one source token"));
        QCOMPARE(map.cell(0, 0), 1.0);
        QCOMPARE(map.cell(1, 0), 0.5);
        QCOMPARE(map.cell(2, 0), 0.0);
        map.plot()->replot();
        const QImage image = map.plot()->toPixmap(400, 300).toImage();
        const auto pixel = [&](double key, double value) {
            return image.pixelColor(int(map.plot()->xAxis->coordToPixel(key)), int(map.plot()->yAxis->coordToPixel(value)));
        };
        // The full-weight cell in the gradient's top colour, a quarter cell off its centre too.
        QVERIFY2(pixel(0, 0).blue() > pixel(0, 0).red() + 80, qPrintable(pixel(0, 0).name()));
        QVERIFY2(pixel(0.25, 0).blue() > pixel(0.25, 0).red() + 80, qPrintable(pixel(0.25, 0).name()));
        map.setMatrix({QStringLiteral("a")}, {QStringLiteral("b"), QStringLiteral("c")}, {{0.5}}, QString());
        QVERIFY(map.isEmpty()); // a row that does not cover the source
    }

    void mainWindowHasTheTab()
    {
        MainWindow window;
        QVERIFY(window.openProject(m_path).isEmpty());
        QTabWidget *tabs = window.tabs();
        const int index = tabs->indexOf(window.sequencesView());
        QVERIFY(index >= 0);
        QCOMPARE(tabs->tabText(index), QStringLiteral("Sequences"));
        QCOMPARE(tabs->indexOf(window.recommenderPanel()) + 1, index); // beside the recommenders
        QCOMPARE(window.sequencesView()->runChooser()->count(), 2);
    }
};

QTEST_MAIN(Seq2seqViewTest)
#include "tst_seq2seqview.moc"
