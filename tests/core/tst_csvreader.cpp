// The streaming RFC 4180 reader on its own: quoting, line breaks, BOM, delimiter detection and
// the bounded record size, each over several read chunk sizes so that every buffer boundary case
// (a CRLF or a doubled quote split between two reads) is crossed.
#include "core/import/csvreader.h"
#include "core/util/inputstream.h"

#include <QtTest>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

using namespace chorus;

namespace {

// Serves a string in chunks of a fixed size, as a file read in small pieces would arrive.
class ChunkedInputStream : public InputStream {
public:
    ChunkedInputStream(std::string data, std::size_t chunk) : m_data(std::move(data)), m_chunk(chunk) {}
    std::size_t read(char *buffer, std::size_t size) override
    {
        const std::size_t n = std::min({size, m_chunk, m_data.size() - m_position});
        std::memcpy(buffer, m_data.data() + m_position, n);
        m_position += n;
        return n;
    }
    std::uint64_t position() const override { return m_position; }
    std::uint64_t size() const override { return m_data.size(); }
    const std::string &error() const override { return m_error; }

private:
    std::string m_data;
    std::size_t m_chunk;
    std::size_t m_position = 0;
    std::string m_error;
};

// Every outcome of a whole input as text: "LINE: field|field" for records, "LINE! problem" for
// malformed ones.
std::string readAll(const std::string &data, std::size_t chunk, char delimiter = '\0',
                    std::size_t maxRecordBytes = CsvReader::kDefaultMaxRecordBytes)
{
    ChunkedInputStream input(data, chunk);
    CsvReader reader(input, delimiter, maxRecordBytes);
    std::vector<std::string> fields;
    std::string out;
    for (int guard = 0; guard < 1000; ++guard) {
        const CsvReader::Outcome outcome = reader.next(fields);
        if (outcome == CsvReader::Outcome::End)
            return out;
        out += std::to_string(reader.line());
        if (outcome == CsvReader::Outcome::Malformed) {
            out += "! " + reader.problem() + "\n";
            continue;
        }
        out += ":";
        for (std::size_t i = 0; i < fields.size(); ++i)
            out += (i ? "|" : " ") + fields[i];
        out += "\n";
    }
    return out + "(reader did not end)";
}

} // namespace

class CsvReaderTest : public QObject {
    Q_OBJECT

private slots:
    void records_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain LF") << QByteArray("a,b,c\n1,2,3\n") << QByteArray("1: a|b|c\n2: 1|2|3\n");
        QTest::newRow("CRLF") << QByteArray("a,b\r\n1,2\r\n") << QByteArray("1: a|b\n2: 1|2\n");
        QTest::newRow("no final newline") << QByteArray("a,b\n1,2") << QByteArray("1: a|b\n2: 1|2\n");
        QTest::newRow("empty fields") << QByteArray("a,b,c\n,,\n") << QByteArray("1: a|b|c\n2: ||\n");
        QTest::newRow("embedded delimiter") << QByteArray("a,b\n\"x,y\",z\n") << QByteArray("1: a|b\n2: x,y|z\n");
        QTest::newRow("doubled quotes") << QByteArray("a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n")
                                        << QByteArray("1: a|b\n2: say \"hi\"|\"\n");
        QTest::newRow("quoted newline keeps the starting line")
            << QByteArray("id,text\n1,\"two\nlines\"\n2,next\n")
            << QByteArray("1: id|text\n2: 1|two\nlines\n4: 2|next\n");
        QTest::newRow("quoted CRLF kept verbatim")
            << QByteArray("id,text\r\n1,\"a\r\nb\"\r\n2,c\r\n") << QByteArray("1: id|text\n2: 1|a\r\nb\n4: 2|c\n");
        QTest::newRow("empty lines skipped, counted")
            << QByteArray("a,b\n\n\r\n1,2\n\n") << QByteArray("1: a|b\n4: 1|2\n");
        QTest::newRow("BOM skipped") << QByteArray("\xEF\xBB\xBFid,text\n1,x\n") << QByteArray("1: id|text\n2: 1|x\n");
        QTest::newRow("lenient stray quote") << QByteArray("a,b\n5\" screen,x\n") << QByteArray("1: a|b\n2: 5\" screen|x\n");
        QTest::newRow("text after closing quote") << QByteArray("a,b\n\"ab\"cd,x\n") << QByteArray("1: a|b\n2: abcd|x\n");
        QTest::newRow("lone CR is data") << QByteArray("a,b\nx\ry,z\n") << QByteArray("1: a|b\n2: x\ry|z\n");
        QTest::newRow("unterminated quote at the end")
            << QByteArray("id,text\n1,ok\n2,\"never closed\n3,more\n")
            << QByteArray("1: id|text\n2: 1|ok\n3! unterminated quoted field starting at line 3\n");
        QTest::newRow("semicolon detected")
            << QByteArray("id;text;score\n1;Hallo, Welt;1,5\n2;\"a;b\";2\n")
            << QByteArray("1: id|text|score\n2: 1|Hallo, Welt|1,5\n3: 2|a;b|2\n");
        QTest::newRow("tab detected")
            << QByteArray("id\ttext\n1\tone, two, three\n") << QByteArray("1: id|text\n2: 1|one, two, three\n");
        QTest::newRow("pipe detected") << QByteArray("a|b|c\n1|2,5|3\n") << QByteArray("1: a|b|c\n2: 1|2,5|3\n");
    }

    void records()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        for (std::size_t chunk : {std::size_t(1), std::size_t(2), std::size_t(3), std::size_t(7), std::size_t(1) << 16}) {
            const std::string actual = readAll(input.toStdString(), chunk);
            QVERIFY2(actual == expected.toStdString(),
                     ("chunk " + std::to_string(chunk) + ":\n" + actual).c_str());
        }
    }

    void explicitDelimiterWins()
    {
        // Told it is TSV, commas stay data even where they would be consistent.
        QCOMPARE(readAll("a,b\tc\n1,2\t3\n", 4, '\t'), std::string("1: a,b|c\n2: 1,2|3\n"));
        QCOMPARE(readAll("a,b\tc\n1,2\t3\n", 4, ','), std::string("1: a|b\tc\n2: 1|2\t3\n"));
    }

    void detectsDelimiter_data()
    {
        QTest::addColumn<QByteArray>("sample");
        QTest::addColumn<char>("expected");
        QTest::newRow("comma") << QByteArray("a,b,c\n1,2,3\n") << ',';
        QTest::newRow("semicolon with decimal commas") << QByteArray("a;b\n1,5;2,5\n3;4\n") << ';';
        QTest::newRow("tab with commas in text") << QByteArray("id\ttext\n1\ta, b, c\n2\td\n") << '\t';
        QTest::newRow("pipe") << QByteArray("a|b\n1|2\n") << '|';
        QTest::newRow("quoted delimiters do not count")
            << QByteArray("a;b\n\"x,y,z\";2\n\"p,q\";3\n") << ';';
        QTest::newRow("quoted newline does not end the line")
            << QByteArray("a\tb\n\"x\ny,z\"\t2\n") << '\t';
        QTest::newRow("single column falls back to comma") << QByteArray("text\nhello\nworld\n") << ',';
        QTest::newRow("header only") << QByteArray("a;b;c") << ';';
        QTest::newRow("inconsistent: most frequent in the header")
            << QByteArray("a,b,c\n1,2\n3,4,5,6\n") << ',';
    }

    void detectsDelimiter()
    {
        QFETCH(QByteArray, sample);
        QFETCH(char, expected);
        QCOMPARE(CsvReader::detectDelimiter(sample.toStdString()), expected);
    }

    void runawayQuoteIsBoundedAndReadingResumes()
    {
        // A quote opened on line 2 and never closed must not swallow the file: the record is
        // rejected once it passes the limit, and reading picks up again at the next line.
        std::string input = "id,text\n1,\"runaway";
        for (int i = 0; i < 10; ++i)
            input += "\nfiller line " + std::to_string(i);
        for (std::size_t chunk : {std::size_t(1), std::size_t(5), std::size_t(4096)}) {
            const std::string actual = readAll(input, chunk, '\0', 40);
            const std::string expected = "1: id|text\n"
                                         "2! unterminated quoted field starting at line 2 (no closing quote within 40 bytes)\n"
                                         "6: filler line 3\n7: filler line 4\n8: filler line 5\n9: filler line 6\n"
                                         "10: filler line 7\n11: filler line 8\n12: filler line 9\n";
            QVERIFY2(actual == expected, ("chunk " + std::to_string(chunk) + ":\n" + actual).c_str());
        }
    }

    void overlongUnquotedRecordIsRejected()
    {
        const std::string input = "a,b\n" + std::string(100, 'x') + ",y\n1,2\n";
        QCOMPARE(readAll(input, 3, '\0', 50),
                 std::string("1: a|b\n2! record starting at line 2 is longer than 50 bytes\n3: 1|2\n"));
    }

    void reportsDelimiterAndBytes()
    {
        ChunkedInputStream input("x;y\n1;2\n", 2);
        CsvReader reader(input);
        QCOMPARE(reader.delimiter(), ';');
        std::vector<std::string> fields;
        while (reader.next(fields) != CsvReader::Outcome::End) {
        }
        QCOMPARE(reader.bytesRead(), std::uint64_t(8));
        QVERIFY(reader.error().empty());
    }

    void emptyInputEndsAtOnce()
    {
        QCOMPARE(readAll("", 4), std::string());
        QCOMPARE(readAll("\xEF\xBB\xBF", 1), std::string());
        QCOMPARE(readAll("\n\n\r\n", 1), std::string());
    }
};

QTEST_APPLESS_MAIN(CsvReaderTest)
#include "tst_csvreader.moc"
