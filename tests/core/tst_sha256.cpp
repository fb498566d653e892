// SHA-256 against the NIST examples, HMAC-SHA256 against RFC 4231, and streaming equivalences.
#include "core/util/sha256.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <string>

using namespace chorus;

class Sha256Test : public QObject {
    Q_OBJECT

private slots:
    void nistVectors_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QString>("digest");
        QTest::newRow("empty") << QByteArray() << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        QTest::newRow("abc") << QByteArray("abc")
                             << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        QTest::newRow("448 bits") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                  << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
        QTest::newRow("million a") << QByteArray(1000000, 'a')
                                   << "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    }

    void nistVectors()
    {
        QFETCH(QByteArray, message);
        QFETCH(QString, digest);
        const std::string expected = digest.toStdString();
        QCOMPARE(Sha256::hex(std::string_view(message.constData(), std::size_t(message.size()))), expected);

        // The same digest whatever the chunking: odd sizes cross block boundaries everywhere.
        for (std::size_t chunk : {std::size_t(1), std::size_t(7), std::size_t(63), std::size_t(64),
                                  std::size_t(65), std::size_t(1000)}) {
            Sha256 hash;
            const std::size_t total = std::size_t(message.size());
            for (std::size_t at = 0; at < total; at += chunk)
                hash.update(message.constData() + at, std::min(chunk, total - at));
            QCOMPARE(Sha256::toHex(hash.finish()), expected);
        }
    }

    void finishResetsForTheNextMessage()
    {
        Sha256 hash;
        hash.update("abc");
        QCOMPARE(Sha256::toHex(hash.finish()),
                 std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(Sha256::toHex(hash.finish()),
                 std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    void paddingBoundaries()
    {
        // Messages of 55, 56 and 64 bytes need one or two padding blocks: digests must all differ
        // and match the chunked computation.
        QSet<QString> seen;
        for (int size : {55, 56, 57, 63, 64, 119, 120}) {
            const std::string message(std::size_t(size), 'x');
            const std::string oneShot = Sha256::hex(message);
            QCOMPARE(oneShot.size(), std::size_t(64));
            QVERIFY(!seen.contains(QString::fromStdString(oneShot)));
            seen.insert(QString::fromStdString(oneShot));
            Sha256 hash;
            for (char c : message)
                hash.update(&c, 1);
            QCOMPARE(Sha256::toHex(hash.finish()), oneShot);
        }
    }

    void rfc4231_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("mac");
        QTest::newRow("case 1") << QByteArray(20, '\x0b') << QByteArray("Hi There")
                                << "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7";
        QTest::newRow("case 2") << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
                                << "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        QTest::newRow("case 6 (key longer than a block)")
            << QByteArray(131, '\xaa') << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
            << "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54";
    }

    void rfc4231()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, data);
        QFETCH(QString, mac);
        QCOMPARE(Sha256::hmacHex(std::string_view(key.constData(), std::size_t(key.size())),
                                 std::string_view(data.constData(), std::size_t(data.size()))),
                 mac.toStdString());
    }

    void hmacDependsOnKeyAndMessage()
    {
        const std::string a = Sha256::hmacHex("secret", "user-1");
        QCOMPARE(Sha256::hmacHex("secret", "user-1"), a);
        QVERIFY(Sha256::hmacHex("secret2", "user-1") != a);
        QVERIFY(Sha256::hmacHex("secret", "user-2") != a);
        // A key of exactly one block is used as is, not hashed (python3 hmac agrees).
        QCOMPARE(Sha256::hmacHex(std::string(64, '\xaa'), "x"),
                 std::string("ce3c639dcb9d8baae5d44c3b8b5e233faab4d1860e07489af5c84f213998bd79"));
    }

    void fileDigestStreamsTheFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("big.bin");
        // Larger than the read chunk so several reads are needed, with a partial last chunk.
        std::string content;
        content.reserve(200000);
        for (int i = 0; i < 200000; ++i)
            content.push_back(char((i * 131 + 7) & 0xff));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content.data(), qint64(content.size()));
        file.close();
        QCOMPARE(Sha256::fileHex(path.toStdString()), Sha256::hex(content));

        const QString empty = dir.filePath("empty.bin");
        QFile emptyFile(empty);
        QVERIFY(emptyFile.open(QIODevice::WriteOnly));
        emptyFile.close();
        QCOMPARE(Sha256::fileHex(empty.toStdString()),
                 std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    void fileDigestOfUnreadablePathIsEmpty()
    {
        QTemporaryDir dir;
        QVERIFY(Sha256::fileHex(dir.filePath("missing.bin").toStdString()).empty());
        QVERIFY(Sha256::fileHex(dir.path().toStdString()).empty()); // a folder is not a file
    }
};

QTEST_APPLESS_MAIN(Sha256Test)
#include "tst_sha256.moc"
