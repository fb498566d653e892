// The import wizard driven as a user would: files, detected format and preview, one mapping
// changed, the import on its worker thread, the rejected rows; cancel on a large file; the main
// window's dataset list after an import.
#include "core/store/project.h"
#include "ui/import/importfilespage.h"
#include "ui/import/importmappingpage.h"
#include "ui/import/importoptionspage.h"
#include "ui/import/importresultpage.h"
#include "ui/import/importrunpage.h"
#include "ui/import/importwizard.h"
#include "ui/import/importworker.h"
#include "ui/main/mainwindow.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextStream>
#include <QStandardPaths>
#include <QtTest>

#include <memory>

using namespace chorus;

namespace {

std::int64_t scalar(Project &project, const std::string &sql)
{
    auto value = project.db().queryInt(sql, -1);
    return value ? *value : -1;
}

} // namespace

class ImportWizardTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    // Large enough that an import is still running when Cancel is clicked (thousands of rows per
    // progress report), small enough for the CI budget.
    static constexpr int kRows = 150000;

    QString newProject(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        auto project = Project::open(path.toStdString(), Project::OpenMode::CreateNew);
        return project ? path : QString();
    }

    QString writeSmallCsv()
    {
        const QString path = m_dir.filePath("posts.csv");
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        // Line 4 has no text; line 7 opens a quote that is never closed.
        file.write("id,body,user,date,stance,score\n"
                   "1,\"good morning, world\",alice,2024-01-01T10:00:00Z,pro,3\n"
                   "2,second post,bob,2024-01-02T10:00:00Z,con,5\n"
                   "3,,carol,2024-01-03T10:00:00Z,pro,1\n"
                   "4,fourth post,dave,2024-01-04T10:00:00Z,con,2\n"
                   "5,fifth post,erin,2024-01-05T10:00:00Z,pro,7\n"
                   "6,\"unterminated post,frank,2024-01-06T10:00:00Z,con,1\n");
        return path;
    }

    // Files page -> mapping page (with stance mapped to a label) -> options -> run.
    static bool driveToRun(ImportWizard &wizard, const QString &file)
    {
        wizard.filesPage()->setFiles({file});
        wizard.next();
        if (wizard.currentId() != ImportWizard::MappingPageId)
            return false;
        wizard.next();
        wizard.next();
        return wizard.currentId() == ImportWizard::RunPageId;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the main window keeps recent projects and layout in settings
    }

    void importsWithRemappedFieldAndListsRejectedRows()
    {
        const QString projectPath = newProject("small.chorus");
        const QString csv = writeSmallCsv();
        QVERIFY(!projectPath.isEmpty() && !csv.isEmpty());

        ImportWizard wizard(projectPath);
        QSignalSpy imported(&wizard, &ImportWizard::datasetImported);
        wizard.show();
        QVERIFY(!wizard.filesPage()->isComplete());
        wizard.filesPage()->setFiles({csv});
        QCOMPARE(wizard.datasetName(), QString("posts"));
        QVERIFY(wizard.filesPage()->isComplete());
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPageId));

        ImportMappingPage *mapping = wizard.mappingPage();
        QCOMPARE(mapping->detectedFormat(), QString("csv"));
        QCOMPARE(mapping->format(), QString("csv"));
        // Five readable rows: the unterminated quote swallows the last line, which the import rejects.
        QCOMPARE(mapping->previewRowCount(), 5);
        QCOMPARE(mapping->previewTable()->columnCount(), 6);
        QCOMPARE(mapping->previewTable()->item(0, 1)->text(), QString("good morning, world"));
        // Pre-filled from core's guess.
        QCOMPARE(mapping->columnTarget("body"), QString("text"));
        QCOMPARE(mapping->columnTarget("user"), QString("author"));
        QCOMPARE(mapping->columnTarget("score"), QString("likes"));
        QCOMPARE(mapping->columnTarget("stance"), QString());
        QVERIFY(mapping->isComplete());
        // Two columns on one field is refused; so is no text at all.
        QVERIFY(mapping->setColumnTarget("id", "text"));
        QVERIFY(!mapping->isComplete());
        QVERIFY(mapping->mappingProblem().contains("text"));
        QVERIFY(mapping->setColumnTarget("id", "id"));
        QVERIFY(mapping->setColumnTarget("body", ""));
        QVERIFY(!mapping->isComplete());
        QVERIFY(mapping->setColumnTarget("body", "text"));
        // The remapping under test: stance becomes a label task.
        QVERIFY(mapping->setColumnTarget("stance", "label:stance"));
        QVERIFY(mapping->isComplete());
        const FieldMapping fields = mapping->mapping();
        QCOMPARE(fields.labels.size(), std::size_t(1));
        QCOMPARE(fields.labels[0].field, std::string("stance"));

        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::OptionsPageId));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::RunPageId));
        QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(ImportWizard::ResultPageId), 10000);
        QCOMPARE(wizard.runPage()->state(), ImportRunPage::State::Succeeded);
        QCOMPARE(imported.count(), 1);
        QCOMPARE(imported.at(0).at(0).toString(), QString("posts"));

        QTableWidget *rejected = wizard.resultPage()->rejectedTable();
        QCOMPARE(rejected->rowCount(), 2);
        QCOMPARE(rejected->item(0, 0)->text(), csv);
        QCOMPARE(rejected->item(0, 1)->text(), QString("4"));
        QVERIFY2(rejected->item(0, 2)->text().contains("text"), qPrintable(rejected->item(0, 2)->text()));
        QCOMPARE(rejected->item(1, 1)->text(), QString("7"));
        QVERIFY2(rejected->item(1, 2)->text().contains("unterminated"), qPrintable(rejected->item(1, 2)->text()));
        QVERIFY(wizard.resultPage()->summaryLabel()->text().contains("4 posts imported"));

        auto project = Project::open(projectPath.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(project.ok());
        Project &p = **project;
        QCOMPARE(scalar(p, "SELECT count(*) FROM posts p JOIN datasets d ON d.id = p.dataset_id WHERE d.name = 'posts'"),
                 std::int64_t(4));
        QCOMPARE(scalar(p, "SELECT count(*) FROM labels WHERE task = 'stance'"), std::int64_t(4));
        QCOMPARE(scalar(p, "SELECT count(*) FROM labels WHERE task = 'stance' AND value = 'con'"), std::int64_t(2));
        QCOMPARE(scalar(p, "SELECT likes FROM posts WHERE source_id = '5'"), std::int64_t(7));
        QCOMPARE(scalar(p, "SELECT count(*) FROM import_log"), std::int64_t(2));
    }

    void optionsPseudonymiseMaskAndSkipRepeatedText()
    {
        const QString projectPath = newProject("options.chorus");
        const QString csv = m_dir.filePath("repeats.csv");
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("id,body,user\n"
                   "1,Vote today! mail me at ann@example.org,alice\n"
                   "2,vote   TODAY! mail me at ann@example.org,bob\n"
                   "3,a different post,carol\n");
        file.close();
        ImportWizard wizard(projectPath);
        wizard.show();
        wizard.filesPage()->setFiles({csv});
        wizard.next();
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::OptionsPageId));
        ImportOptionsPage *options = wizard.optionsPage();
        QVERIFY(!options->skipDuplicateTextBox()->isChecked()); // off unless asked
        options->pseudonymizeBox()->setChecked(true);
        options->maskContactsBox()->setChecked(true);
        options->skipDuplicateTextBox()->setChecked(true);
        wizard.next();
        QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(ImportWizard::ResultPageId), 10000);
        QCOMPARE(wizard.runPage()->report()->imported, std::int64_t(2));
        QCOMPARE(wizard.runPage()->report()->duplicates, std::int64_t(1));

        auto project = Project::open(projectPath.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(project.ok());
        Project &p = **project;
        QCOMPARE(scalar(p, "SELECT count(*) FROM posts WHERE source_id = '2'"), std::int64_t(0));
        QCOMPARE(scalar(p, "SELECT count(*) FROM posts WHERE text LIKE '%ann@example.org%'"), std::int64_t(0));
        QCOMPARE(scalar(p, "SELECT count(*) FROM users WHERE source_id IN ('alice', 'carol') OR name IS NOT NULL"),
                 std::int64_t(0));
        QCOMPARE(scalar(p, "SELECT count(*) FROM users"), std::int64_t(2));
    }

    void cancelStopsALargeImportAndImportAgainCompletesIt()
    {
        const QString projectPath = newProject("large.chorus");
        QVERIFY(!projectPath.isEmpty());
        const QString csv = m_dir.filePath("large.csv");
        {
            QFile file(csv);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QTextStream out(&file);
            out << "id,text,author\n";
            for (int i = 0; i < kRows; ++i)
                out << i << ",post number " << i << " about nothing in particular,user" << (i % 97) << '\n';
        }

        ImportWizard wizard(projectPath);
        wizard.show();
        QSignalSpy progressed(wizard.runPage()->worker(), &ImportWorker::progressed);
        QVERIFY(driveToRun(wizard, csv));
        QVERIFY(wizard.runPage()->isRunning());
        QVERIFY(wizard.runPage()->cancelButton()->isEnabled());
        QVERIFY(!wizard.button(QWizard::BackButton)->isEnabled());
        // The window stays responsive: progress arrives while the import runs.
        QTRY_VERIFY_WITH_TIMEOUT(progressed.count() > 0, 10000);
        QVERIFY(wizard.runPage()->rateLabel()->text().contains("rows/s"));
        // A file's size is known, so the time left is estimated from the bytes read so far.
        const QString eta = wizard.runPage()->etaLabel()->text();
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d+ (s|min \\d+ s|h \\d+ min)$")).match(eta).hasMatch(), qPrintable(eta));
        QTest::mouseClick(wizard.runPage()->cancelButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(wizard.runPage()->state(), ImportRunPage::State::Cancelled, 10000);

        // Back to idle: no cancel, import-again offered, Back usable, still on the run page.
        QCOMPARE(wizard.currentId(), int(ImportWizard::RunPageId));
        QVERIFY(!wizard.runPage()->cancelButton()->isEnabled());
        QVERIFY(wizard.runPage()->startButton()->isVisibleTo(&wizard));
        QVERIFY(wizard.button(QWizard::BackButton)->isEnabled());
        const auto &report = wizard.runPage()->report();
        QVERIFY(report && report->cancelled);
        QVERIFY2(report->imported < kRows, qPrintable(QString::number(report->imported)));
        qInfo("cancelled after %lld of %d rows", static_cast<long long>(report->imported), kRows);
        const std::int64_t storedAtCancel = report->imported;
        {
            // What the report says was stored is exactly what is in the project.
            auto project = Project::open(projectPath.toStdString(), Project::OpenMode::OpenExisting);
            QVERIFY(project.ok());
            QCOMPARE(scalar(**project, "SELECT count(*) FROM posts"), storedAtCancel);
        }

        // Importing again skips what is stored and completes the dataset.
        QTest::mouseClick(wizard.runPage()->startButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(ImportWizard::ResultPageId), 15000);
        QCOMPARE(wizard.runPage()->report()->duplicates, storedAtCancel);
        QCOMPARE(wizard.runPage()->report()->imported, kRows - storedAtCancel);
        auto project = Project::open(projectPath.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(project.ok());
        QCOMPARE(scalar(**project, "SELECT count(*) FROM posts"), std::int64_t(kRows));
    }

    void closingDuringAnImportCancelsIt()
    {
        const QString projectPath = newProject("closing.chorus");
        const QString csv = m_dir.filePath("large.csv"); // written by the previous test
        QVERIFY(QFile::exists(csv));
        auto wizard = std::make_unique<ImportWizard>(projectPath);
        wizard->show();
        QVERIFY(driveToRun(*wizard, csv));
        wizard->reject(); // cancels, and waits for the worker to stop
        QVERIFY(!wizard->isVisible());
        wizard.reset();
        auto project = Project::open(projectPath.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(project.ok());
        QVERIFY(scalar(**project, "SELECT count(*) FROM posts") < kRows);
    }

    void mainWindowListsTheImportedDataset()
    {
        const QString projectPath = newProject("window.chorus");
        const QString csv = writeSmallCsv();
        MainWindow window;
        QCOMPARE(window.openProject(projectPath), QString());
        QCOMPARE(window.datasetList()->count(), 0);
        ImportWizard *wizard = window.openImportWizard();
        QVERIFY(wizard);
        QVERIFY(driveToRun(*wizard, csv));
        QTRY_COMPARE_WITH_TIMEOUT(window.datasetList()->count(), 1, 10000);
        QVERIFY(window.datasetList()->item(0)->text().contains("4 posts"));
        wizard->close();
    }
};

QTEST_MAIN(ImportWizardTest)
#include "tst_importwizard.moc"
