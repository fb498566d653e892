// No SQL assembled from strings: every SQL text that reaches SQLite in core/, models/, ui/, app/ and
// plugins/ is made of string literals. The scanner finds each call that takes SQL (SqliteDatabase's
// prepare / exec / queryInt / queryText, sqlite3_exec / sqlite3_prepare*) and reads its SQL argument:
// literals, `cond ? "a" : "b"`, and names whose every assignment in the same file is itself made of
// such parts pass; anything else (a + of a variable, std::to_string, QString::arg, a format call, a
// parameter) fails, unless the short reviewed allow-list below names it with its reason. User values
// travel as bound parameters.
#include "sqlscanner.h"

#include <QDirIterator>
#include <QFile>
#include <QtTest>

class SqlAssemblyTest : public QObject {
    Q_OBJECT

private:
    static QVector<SqlScanner::Violation> scanSnippet(const QString &file, const QString &code)
    {
        SqlScanner scanner;
        scanner.setFile(file, code);
        return scanner.scan();
    }

private slots:
    // The scanner itself: what it must catch and what it must let through.
    void catchesAssembledSql()
    {
        const char *bad[] = {
            "auto s = db.prepare(\"SELECT * FROM posts WHERE text = '\" + text + \"'\");",
            "auto s = m_project.db().queryInt(\"SELECT count(*) FROM posts WHERE id = \" + std::to_string(id));",
            "db.exec(QString(\"DELETE FROM runs WHERE name = '%1'\").arg(name).toStdString());",
            "std::string sql = \"SELECT * FROM t WHERE a = '\" + user + \"'\"; auto s = db.prepare(sql);",
            "auto s = project.db().prepare(fmt::format(\"SELECT {} FROM posts\", column));",
            "sqlite3_exec(handle, query.c_str(), nullptr, nullptr, &error);",
            "auto s = m_db.prepare(std::string(\"SELECT \") + columns + \" FROM posts\");",
            "void f(const std::string &sql) { auto s = db.prepare(sql); }",
        };
        for (const char *code : bad)
            QVERIFY2(!scanSnippet("core/example.cpp", QString::fromUtf8(code)).isEmpty(), code);
    }

    void acceptsConstantSql()
    {
        const char *good[] = {
            "auto s = db.prepare(\"SELECT * FROM posts WHERE text = ?\"); s->bind(1, text);",
            "auto s = m_project.db().prepare(\"SELECT id FROM posts\"\n"
            "                                \" WHERE dataset_id = ?1\");",
            "const char *kColumns = \"id, text\"; auto s = db.prepare(std::string(\"SELECT \") + kColumns + \" FROM posts\");",
            "auto s = db.prepare(paging ? \"SELECT 1\" : \"SELECT 2\");",
            "for (const char *sql : {\"DELETE FROM a\", \"DELETE FROM b\"}) { auto s = db.prepare(sql); }",
            "db.exec(R\"sql(CREATE TABLE t (x \"quoted\" INTEGER);)sql\");",
            "menu.exec(event->globalPos()); dialog.exec(); statement.exec();",
            "// db.prepare(\"SELECT \" + commented);",
        };
        for (const char *code : good) {
            const auto violations = scanSnippet("core/example.cpp", QString::fromUtf8(code));
            QVERIFY2(violations.isEmpty(), qPrintable(QString::fromUtf8(code) + " -> " +
                                                     (violations.isEmpty() ? QString() : violations[0].offending)));
        }
    }

    void sourcesAssembleNoSql()
    {
        const QString root = QDir(QStringLiteral(CHORUS_RESOURCES "/..")).canonicalPath();
        QVERIFY(QFileInfo::exists(root + "/core/store/project.cpp"));
        QStringList failures;
        int files = 0, clean = 0;
        for (const char *folder : {"core", "models", "ui", "app", "plugins"}) {
            QDirIterator it(root + "/" + folder, {"*.cpp", "*.h"}, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile file(path);
                QVERIFY(file.open(QIODevice::ReadOnly));
                const QString relative = QDir(root).relativeFilePath(path);
                SqlScanner scanner;
                scanner.setFile(relative, QString::fromUtf8(file.readAll()));
                const auto violations = scanner.scan();
                ++files;
                clean += violations.isEmpty();
                for (const auto &v : violations)
                    failures << QStringLiteral("%1:%2: SQL built from '%3' in: %4").arg(v.file).arg(v.line).arg(v.offending, v.expression);
            }
        }
        QVERIFY2(files > 100, "the source folders were not found");
        QVERIFY2(failures.isEmpty(), qPrintable("\n" + failures.join('\n')));
        // Every reviewed entry is still needed: a stale allow-list hides nothing, but it should shrink.
        for (const Reviewed &r : kReviewed) {
            QFile file(root + "/" + r.file);
            QVERIFY2(file.open(QIODevice::ReadOnly), r.file);
            QVERIFY2(collapsed(withoutComments(QString::fromUtf8(file.readAll()))).contains(collapsed(QLatin1String(r.expression))),
                     qPrintable(QStringLiteral("allow-list entry '%1' in %2 no longer occurs").arg(r.expression, r.file)));
        }
    }
};

QTEST_GUILESS_MAIN(SqlAssemblyTest)
#include "tst_sqlassembly.moc"
