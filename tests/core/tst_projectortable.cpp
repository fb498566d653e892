// Projector TSV pairs: one unnamed metadata column or several under a header, row numbers when
// there is no metadata, and errors that name the file and line for ragged or mismatched input.
#include "core/embeddings/projectortable.h"
#include "core/embeddings/wordvectors.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

class ProjectorTableTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::string write(const QString &name, const QByteArray &content)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return file.fileName().toStdString();
    }

private slots:
    void singleColumnHasNoHeader()
    {
        auto table = ProjectorTable::loadTsv(write("v1.tsv", "1\t2\n3.5\t-4e-1\r\n"), write("m1.tsv", "good\nbad\n"));
        QVERIFY2(table.ok(), table.ok() ? "" : table.message().c_str());
        QCOMPARE(table->rows, std::size_t(2));
        QCOMPARE(table->dimensions, std::size_t(2));
        QCOMPARE(table->matrix, (std::vector<float>{1, 2, 3.5f, -0.4f}));
        QCOMPARE(table->columns, std::vector<std::string>{"label"});
        QCOMPARE(table->label(1), std::string("bad"));
        QVERIFY(!table->frequencyOrdered);
    }

    void severalColumnsHaveAHeader()
    {
        auto table = ProjectorTable::loadTsv(write("v2.tsv", "1\n2\n3\n"), write("m2.tsv", "word\tlabel\na\tx\nb\ty\nc\tx\n"));
        QVERIFY(table.ok());
        QCOMPARE(table->columns, (std::vector<std::string>{"word", "label"}));
        QCOMPARE(table->values[1], (std::vector<std::string>{"x", "y", "x"}));
        QCOMPARE(table->label(2), std::string("c"));
    }

    void withoutMetadataLabelsAreRowNumbers()
    {
        auto table = ProjectorTable::loadTsv(write("v3.tsv", "1 2\n3 4\n"), "");
        QVERIFY(table.ok());
        QCOMPARE(table->label(1), std::string("1"));
    }

    void badInputNamesFileAndLine()
    {
        auto ragged = ProjectorTable::loadTsv(write("v4.tsv", "1\t2\n3\n"), "");
        QVERIFY(!ragged.ok());
        QVERIFY(QString::fromStdString(ragged.message()).endsWith(QLatin1String("v4.tsv:2: 1 values where the first row has 2")));
        auto text = ProjectorTable::loadTsv(write("v5.tsv", "1\tx\n"), "");
        QVERIFY(!text.ok());
        QVERIFY(QString::fromStdString(text.message()).contains(QLatin1String("v5.tsv:1")));
        auto count = ProjectorTable::loadTsv(write("v6.tsv", "1\n2\n"), write("m6.tsv", "a\n"));
        QVERIFY(!count.ok());
        QVERIFY(QString::fromStdString(count.message()).contains(QLatin1String("1 metadata rows for 2 vectors")));
        QVERIFY(!ProjectorTable::loadTsv(m_dir.filePath("absent.tsv").toStdString(), "").ok());
        QVERIFY(!ProjectorTable::loadTsv(write("v7.tsv", ""), "").ok());
    }

    void fromWordVectorsKeepsOrder()
    {
        auto vectors = WordVectors::create({"the", "cat"}, 2, {1, 0, 0, 1});
        QVERIFY(vectors.ok());
        const ProjectorTable table = ProjectorTable::fromWordVectors(*vectors, true);
        QCOMPARE(table.rows, std::size_t(2));
        QCOMPARE(table.label(1), std::string("cat"));
        QCOMPARE(table.matrix, vectors->matrix());
        QVERIFY(table.frequencyOrdered);
    }
};

QTEST_GUILESS_MAIN(ProjectorTableTest)
#include "tst_projectortable.moc"
