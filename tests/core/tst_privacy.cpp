// Pseudonyms and contact masking, alone and as applied by the import writer.
#include "core/import/importwriter.h"
#include "core/import/privacy.h"
#include "core/store/project.h"
#include "core/util/sha256.h"

#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <string>

using namespace chorus;

class PrivacyTest : public QObject {
    Q_OBJECT

private slots:
    void pseudonymIsKeyedAndStable()
    {
        const std::string a = Privacy::pseudonym("secret-1", "12345");
        QCOMPARE(Privacy::pseudonym("secret-1", "12345"), a);
        QVERIFY(Privacy::pseudonym("secret-2", "12345") != a);
        QVERIFY(Privacy::pseudonym("secret-1", "12346") != a);
        QCOMPARE(a.size(), std::size_t(34));
        QCOMPARE(a.substr(0, 2), std::string("u_"));
        QCOMPARE(a.substr(2), Sha256::hmacHex("secret-1", "12345").substr(0, 32));
        for (char c : a.substr(2))
            QVERIFY((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    void pseudonymNeverContainsTheId()
    {
        for (const char *id : {"alice", "12345", "bob_the_builder", "u_alice"}) {
            const std::string p = Privacy::pseudonym("project secret", id);
            QVERIFY2(p.find(id) == std::string::npos, p.c_str());
        }
        // An empty secret still yields a hash, not the id.
        QVERIFY(Privacy::pseudonym("", "alice").find("alice") == std::string::npos);
    }

    void masks_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        // E-mail addresses.
        QTest::newRow("email") << "write to jane.doe+news@example.co.uk today"
                               << "write to <email> today";
        QTest::newRow("email end of sentence") << "Mail: bob@mail.example.com." << "Mail: <email>.";
        QTest::newRow("email in brackets") << "<alice_1@uni-bonn.de>" << "<<email>>";
        QTest::newRow("mailto") << "mailto:x.y@z.org" << "mailto:<email>";
        QTest::newRow("digits local part") << "5551234567@txt.att.net" << "<email>";
        QTest::newRow("two emails") << "a@b.io,c@d.io" << "<email>,<email>";
        // Phone numbers.
        QTest::newRow("us dashes") << "call 555-123-4567 now" << "call <phone> now";
        QTest::newRow("us dots") << "call 555.123.4567." << "call <phone>.";
        QTest::newRow("us parens") << "(555) 123-4567" << "<phone>";
        QTest::newRow("us spaces") << "555 123 4567" << "<phone>";
        QTest::newRow("us local") << "ring 555-1234" << "ring <phone>";
        QTest::newRow("us with country") << "1-555-123-4567" << "<phone>";
        QTest::newRow("intl plus") << "+1 (555) 123-4567" << "<phone>";
        QTest::newRow("intl uk") << "Tel: +44 20 7946 0958!" << "Tel: <phone>!";
        QTest::newRow("intl de") << "+49 30 1234567" << "<phone>";
        QTest::newRow("intl trunk in parens") << "+44 (0)20 7946 0958" << "<phone>";
        QTest::newRow("intl compact") << "+4915112345678" << "<phone>";
        QTest::newRow("intl fr") << "+33 1 23 45 67 89" << "<phone>";
        QTest::newRow("german trunk") << "Handy 0171 1234567 abends" << "Handy <phone> abends";
        QTest::newRow("german trunk dash") << "030-12345678" << "<phone>";
        QTest::newRow("trunk bare") << "01711234567" << "<phone>";
        QTest::newRow("french dots") << "01.23.45.67.89" << "<phone>";
        QTest::newRow("tel colon") << "Tel:555-123-4567" << "Tel:<phone>";
        QTest::newRow("nanp bare") << "text 5551234567 me" << "text <phone> me";
        QTest::newRow("phone and email") << "jo@x.org / 555-123-4567" << "<email> / <phone>";
        QTest::newRow("utf8 around") << "Ruf an: 0171 1234567 – danke" << "Ruf an: <phone> – danke";
        // Left alone: dates, times, prices, short numbers, identifiers, URLs.
        QTest::newRow("iso date") << "on 2024-01-05 at 12:30" << "on 2024-01-05 at 12:30";
        QTest::newRow("date time") << "2024-01-05 12:30:45" << "2024-01-05 12:30:45";
        QTest::newRow("european date") << "am 05.01.2024 um 14:00" << "am 05.01.2024 um 14:00";
        QTest::newRow("slash date") << "1/5/2024" << "1/5/2024";
        QTest::newRow("year range") << "from 1990-2000" << "from 1990-2000";
        QTest::newRow("time") << "at 10:30:00" << "at 10:30:00";
        QTest::newRow("price dollars") << "only $1,234,567.89!" << "only $1,234,567.89!";
        QTest::newRow("price dollars bare") << "costs $5551234567" << "costs $5551234567";
        QTest::newRow("price euro") << "1.234.567 €" << "1.234.567 €";
        QTest::newRow("price euro before") << "€5551234567" << "€5551234567";
        QTest::newRow("price code after") << "5551234567 EUR" << "5551234567 EUR";
        QTest::newRow("decimal") << "pi is 3.14159265" << "pi is 3.14159265";
        QTest::newRow("big decimal") << "1234567.89" << "1234567.89";
        QTest::newRow("percent") << "5551234567%" << "5551234567%";
        QTest::newRow("short") << "I have 3 cats and 42 dogs, 123456" << "I have 3 cats and 42 dogs, 123456";
        QTest::newRow("counts with spaces") << "in 2023 1234 people came" << "in 2023 1234 people came";
        QTest::newRow("unix time") << "ts 1704412800" << "ts 1704412800";
        QTest::newRow("tweet id") << "id 1234567890123456789" << "id 1234567890123456789";
        QTest::newRow("isbn") << "ISBN 978-3-16-148410-0" << "ISBN 978-3-16-148410-0";
        QTest::newRow("hashtag") << "#5551234567" << "#5551234567";
        QTest::newRow("word with digits") << "abc5551234567 5551234567xyz" << "abc5551234567 5551234567xyz";
        QTest::newRow("url digits") << "see https://example.com/status/5551234567?ref=555-123-4567 ok"
                                    << "see https://example.com/status/5551234567?ref=555-123-4567 ok";
        QTest::newRow("url with at") << "https://medium.com/@user/post-123" << "https://medium.com/@user/post-123";
        QTest::newRow("www") << "(www.example.com/0171-1234567)" << "(www.example.com/0171-1234567)";
        QTest::newRow("path digits") << "example.org/5551234567" << "example.org/5551234567";
        QTest::newRow("handle not email") << "@someone and foo@bar" << "@someone and foo@bar";
        QTest::newRow("no tld") << "user@localhost" << "user@localhost";
        QTest::newRow("empty") << "" << "";
        QTest::newRow("plain text") << "nothing to see here" << "nothing to see here";
    }

    void masks()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(Privacy::maskContacts(input.toStdString())), expected);
    }

    void maskingIsLinearOnHostileInput()
    {
        // Long runs that almost match must not make the scanner quadratic.
        std::string text;
        for (int i = 0; i < 200000; ++i)
            text += "1 ";
        for (int i = 0; i < 100000; ++i)
            text += "a@";
        text += std::string(300000, '5');
        const auto start = std::chrono::steady_clock::now();
        const std::string masked = Privacy::maskContacts(text);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        QCOMPARE(masked, text);
        QVERIFY2(seconds < 2.0, qPrintable(QString::number(seconds)));
    }

    void importWriterAppliesPrivacy()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto opened = Project::open(dir.filePath("p.chorus").toStdString());
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.message().c_str());
        Project &project = **opened;
        auto dataset = project.ensureDataset("tweets");
        QVERIFY(dataset.ok());
        auto secret = project.secret();
        QVERIFY(secret.ok());

        ImportOptions options;
        options.dataset = "tweets";
        options.privacy.pseudonymizeUsers = true;
        options.privacy.maskContacts = true;
        options.batchSize = 2; // several batches through the writer thread
        {
            ImportWriter writer(project.db(), *dataset, options, *secret);
            const char *texts[] = {"mail me at carol.smith@example.com", "call 555-123-4567 after 2024-01-05",
                                   "nothing private, 42 likes"};
            for (int i = 0; i < 3; ++i) {
                PostRecord post;
                post.sourceId = "post-" + std::to_string(i);
                post.author.sourceId = i < 2 ? "user-8841" : "user-9000";
                post.author.name = i < 2 ? "Carol Smith" : "Dan Jones";
                post.author.extras = {{"followers", 12}};
                post.text = texts[i];
                QVERIFY(writer.post(std::move(post)));
            }
            const Status finished = writer.finish();
            QVERIFY2(finished.ok(), finished.message().c_str());
            QCOMPARE(writer.imported(), std::int64_t(3));
        }

        SqliteDatabase &db = project.db();
        QCOMPARE(*db.queryInt("SELECT count(*) FROM users"), std::int64_t(2));
        QCOMPARE(*db.queryInt("SELECT count(*) FROM users WHERE source_id LIKE '%user-%'"
                              " OR pseudonym LIKE '%user-%' OR name IS NOT NULL OR extras IS NOT NULL"),
                 std::int64_t(0));
        QCOMPARE(*db.queryText("SELECT source_id FROM users ORDER BY id LIMIT 1"),
                 Privacy::pseudonym(*secret, "user-8841"));
        // The same author's two posts point at one pseudonymous user.
        QCOMPARE(*db.queryInt("SELECT count(DISTINCT author_id) FROM posts WHERE source_id IN ('post-0', 'post-1')"),
                 std::int64_t(1));
        QCOMPARE(*db.queryText("SELECT text FROM posts WHERE source_id = 'post-0'"), std::string("mail me at <email>"));
        QCOMPARE(*db.queryText("SELECT text FROM posts WHERE source_id = 'post-1'"),
                 std::string("call <phone> after 2024-01-05"));
        QCOMPARE(*db.queryText("SELECT text FROM posts WHERE source_id = 'post-2'"),
                 std::string("nothing private, 42 likes"));
        QCOMPARE(*db.queryInt("SELECT count(*) FROM posts WHERE text LIKE '%carol%' OR text LIKE '%4567%'"),
                 std::int64_t(0));
        // Search (FTS) sees the masked text only.
        auto hits = project.search("carol");
        QVERIFY(hits.ok());
        QVERIFY(hits->empty());
    }
};

QTEST_GUILESS_MAIN(PrivacyTest)
#include "tst_privacy.moc"
