// The split dialog: ratios that do not sum to 1 are refused with the field named; a stratified
// split runs in the background and is stored with the expected part sizes and label balance.
#include "core/split/datasetsplitter.h"
#include "core/store/project.h"
#include "ui/data/splitdialog.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace chorus;

class SplitDialogTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;

    std::int64_t scalar(const std::string &sql)
    {
        auto value = m_project->db().queryInt(sql, -1);
        return value ? *value : -1;
    }

private slots:
    void initTestCase()
    {
        auto project = Project::open(m_dir.filePath("split.chorus").toStdString());
        QVERIFY(project.ok());
        m_project = std::move(*project);
        SqliteDatabase &db = m_project->db();
        QVERIFY(db.exec("INSERT INTO datasets(name) VALUES ('tweets')").ok());
        auto insert = db.prepare("INSERT INTO posts(dataset_id, source_id, created_at, text) VALUES (1, ?, ?, ?)");
        auto label = db.prepare("INSERT INTO labels(post_id, task, value) VALUES (?, 'stance', ?)");
        QVERIFY(insert.ok() && label.ok());
        QVERIFY(db.exec("BEGIN").ok());
        // 20 posts: 10 pro, 10 con.
        for (int i = 0; i < 20; ++i) {
            insert->bind(1, "p" + std::to_string(i)).bind(2, 1600000000 + i).bind(3, "post " + std::to_string(i));
            QVERIFY(insert->exec());
            label->bind(1, db.lastInsertRowId()).bind(2, i % 2 == 0 ? "pro" : "con");
            QVERIFY(label->exec());
        }
        QVERIFY(db.exec("COMMIT").ok());
    }

    void refusesRatiosNotSummingToOne()
    {
        SplitDialog dialog(*m_project);
        QCOMPARE(dialog.datasetCombo()->count(), 1);
        dialog.trainRatio()->setValue(0.8);
        dialog.validRatio()->setValue(0.1);
        dialog.testRatio()->setValue(0.2);
        QTest::mouseClick(dialog.splitButton(), Qt::LeftButton);
        QVERIFY(!dialog.isRunning());
        QVERIFY2(dialog.messageLabel()->text().startsWith("Test ratio"), qPrintable(dialog.messageLabel()->text()));
        QVERIFY(dialog.messageLabel()->text().contains("0.100"));
        // When the test part cannot absorb the difference, the train ratio is the one to fix.
        dialog.trainRatio()->setValue(0.9);
        dialog.validRatio()->setValue(0.5);
        dialog.testRatio()->setValue(0.0);
        QTest::mouseClick(dialog.splitButton(), Qt::LeftButton);
        QVERIFY2(dialog.messageLabel()->text().startsWith("Train ratio"), qPrintable(dialog.messageLabel()->text()));
        QVERIFY(!dialog.result());
        QCOMPARE(scalar("SELECT count(*) FROM splits"), std::int64_t(0));
    }

    void storesAStratifiedSplit()
    {
        SplitDialog dialog(*m_project);
        QSignalSpy created(&dialog, &SplitDialog::splitCreated);
        QVERIFY(!dialog.taskCombo()->isEnabled());
        QVERIFY(dialog.setStrategy("stratified"));
        QVERIFY(dialog.taskCombo()->isEnabled());
        QCOMPARE(dialog.taskCombo()->currentText(), QString("stance"));
        dialog.trainRatio()->setValue(0.6);
        dialog.validRatio()->setValue(0.2);
        dialog.testRatio()->setValue(0.2);
        dialog.seedBox()->setValue(7);
        dialog.nameEdit()->setText("balanced");
        QTest::mouseClick(dialog.splitButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.result().has_value(), 10000);
        QVERIFY(!dialog.isRunning());
        QCOMPARE(created.count(), 1);

        const SplitInfo info = *dialog.result();
        QCOMPARE(info.train, std::int64_t(12));
        QCOMPARE(info.valid, std::int64_t(4));
        QCOMPARE(info.test, std::int64_t(4));
        QVERIFY2(dialog.messageLabel()->text().contains("train 12"), qPrintable(dialog.messageLabel()->text()));
        // Stored as core reads it back, with its name, and stratified: each part is half pro.
        auto stored = DatasetSplitter::counts(*m_project, info.splitId);
        QVERIFY(stored.ok());
        QCOMPARE(stored->train, std::int64_t(12));
        QCOMPARE(stored->test, std::int64_t(4));
        QCOMPARE(*DatasetSplitter::latest(*m_project, "tweets"), info.splitId);
        QCOMPARE(*m_project->meta(SplitDialog::nameKey(info.splitId).toStdString()), std::string("balanced"));
        const std::string id = std::to_string(info.splitId);
        QCOMPARE(scalar("SELECT params LIKE '%\"stratify\":\"stance\"%' FROM splits WHERE id = " + id), std::int64_t(1));
        for (const char *part : {"train", "valid", "test"}) {
            const std::string where = " FROM split_assignments a JOIN labels l ON l.post_id = a.post_id"
                                      " WHERE a.split_id = " + id + " AND a.part = '" + part + "'";
            QCOMPARE(scalar("SELECT count(*)" + where + " AND l.value = 'pro'") * 2, scalar("SELECT count(*)" + where));
        }
    }

    void timeSplitNeedsNoTask()
    {
        SplitDialog dialog(*m_project);
        QVERIFY(dialog.setStrategy("time"));
        QVERIFY(!dialog.taskCombo()->isEnabled());
        QString problem;
        const auto options = dialog.splitOptions(&problem);
        QVERIFY2(options.has_value(), qPrintable(problem));
        QVERIFY(options->method == SplitMethod::Time);
        QVERIFY(options->stratifyTask.empty());
        QTest::mouseClick(dialog.splitButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.result().has_value(), 10000);
        // The newest two posts are the test part.
        const std::string id = std::to_string(dialog.result()->splitId);
        QCOMPARE(scalar("SELECT min(p.created_at) FROM split_assignments a JOIN posts p ON p.id = a.post_id"
                        " WHERE a.part = 'test' AND a.split_id = " + id),
                 std::int64_t(1600000018));
    }
};

QTEST_MAIN(SplitDialogTest)
#include "tst_splitdialog.moc"
