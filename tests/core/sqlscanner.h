#pragma once

// The scanner behind tst_sqlassembly: finds the calls that hand SQL to SQLite in a C++ source and
// decides whether the SQL text is constant (made of literals). Kept apart from the test because
// moc cannot read raw string literals that contain quotes, and the patterns here need them.
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

#include <functional>
#include <map>
#include <set>

namespace {

// Reviewed exceptions: SQL that is not a literal at the call but is constant by construction.
struct Reviewed {
    const char *file;       // relative to the source root
    const char *expression; // the SQL argument (or + operand) as written, whitespace collapsed
    const char *reason;
};
const Reviewed kReviewed[] = {
    {"core/store/sqlitedatabase.cpp", "sql.c_str()", "the wrapper itself: its callers are scanned"},
    {"core/store/sqlitedatabase.cpp", "sql", "the wrapper itself: its callers are scanned"},
    {"core/store/project.cpp", "c.sql", "a table of literal count queries (summary)"},
    {"core/store/schema.cpp", "migrations()[static_cast<std::size_t>(v - 1)]", "the literal migration scripts"},
    {"core/store/schema.cpp", "std::to_string(v)", "PRAGMA user_version takes no parameter; v is the migration number"},
    {"core/import/importwriter.cpp", "e.sql", "a table of literal statements prepared once"},
    {"core/analytics/userprofile.cpp", "column", "one of the literal column names listed just above the loop"},
};

// Parameters that carry SQL into a helper: every call of the helper in the same file must pass a
// constant in that position (checked, not trusted).
struct ForwardedParameter {
    const char *file;
    const char *parameter;
    const char *function;
    int position; // 0-based argument index of the SQL
};
const ForwardedParameter kForwarded[] = {
    {"core/analytics/analysisstore.cpp", "sql", "changeOne", 1},
    {"core/analytics/trendquery.cpp", "from", "postsPerBucket", 2},
    {"core/analytics/trendquery.cpp", "where", "postsPerBucket", 3},
    {"core/import/importwriter.cpp", "sql", "Statements::rows", 2},
};

// Functions that return SQL text built from their first argument and values that are not text
// (numbers, enums): constant when that argument is.
struct SqlFunction {
    const char *name;
    const char *reason;
};
const SqlFunction kSqlFunctions[] = {
    {"TimeBucket::sqlExpression", "the column given, and integers derived from the TimeResolution enum"},
    {"withRows", "the literal statement given, its one VALUES row repeated a number of times"},
};

// Builders of SQL fragments with bound values: the fragments handed to the builder's method are
// checked like SQL, so its text (and the builder itself) counts as constant.
struct Builder {
    const char *file;
    const char *method;                  // e.g. ".add("
    std::vector<const char *> outputs;   // expressions that are the builder's text
};
const Builder kBuilders[] = {
    {"core/store/postbrowser.cpp", ".add(", {"sql.text", "where->text", "*where"}},
};

QString collapsed(const QString &text) { return text.simplified().replace(QStringLiteral(" ("), QStringLiteral("(")); }

// Comments blanked (newlines kept, so offsets keep their line numbers); string literals untouched.
QString withoutComments(const QString &source)
{
    QString out = source;
    const int n = source.size();
    for (int i = 0; i < n;) {
        const QChar c = source[i];
        if (c == '/' && i + 1 < n && source[i + 1] == '/') {
            while (i < n && source[i] != '\n')
                out[i++] = ' ';
        } else if (c == '/' && i + 1 < n && source[i + 1] == '*') {
            const int end = source.indexOf(QStringLiteral("*/"), i + 2);
            const int stop = end < 0 ? n : end + 2;
            for (; i < stop; ++i)
                if (source[i] != '\n')
                    out[i] = ' ';
        } else if (c == 'R' && i + 1 < n && source[i + 1] == '"' && (i == 0 || !source[i - 1].isLetterOrNumber())) {
            const int open = source.indexOf('(', i + 2);
            const QString delimiter = ")" + source.mid(i + 2, open - i - 2) + "\"";
            const int end = source.indexOf(delimiter, open);
            i = end < 0 ? n : end + delimiter.size();
        } else if (c == '"' || c == '\'') {
            ++i;
            while (i < n && source[i] != c) {
                if (source[i] == '\\')
                    ++i;
                ++i;
            }
            ++i;
        } else {
            ++i;
        }
    }
    return out;
}

// The same text with the inside of every string and character literal replaced by 'x' (same
// length), for searching code without finding words inside SQL text.
QString withoutLiteralText(const QString &code)
{
    QString out = code;
    const int n = code.size();
    for (int i = 0; i < n;) {
        const QChar c = code[i];
        if (c == 'R' && i + 1 < n && code[i + 1] == '"' && (i == 0 || !code[i - 1].isLetterOrNumber())) {
            const int open = code.indexOf('(', i + 2);
            const QString delimiter = ")" + code.mid(i + 2, open - i - 2) + "\"";
            const int end = code.indexOf(delimiter, open);
            const int stop = end < 0 ? n : end;
            for (int k = open + 1; k < stop; ++k)
                if (code[k] != '\n')
                    out[k] = 'x';
            i = end < 0 ? n : end + delimiter.size();
        } else if (c == '"' || c == '\'') {
            int k = i + 1;
            while (k < n && code[k] != c) {
                if (code[k] == '\\') {
                    out[k] = 'x';
                    ++k;
                }
                if (k < n && code[k] != '\n')
                    out[k] = 'x';
                ++k;
            }
            i = k + 1;
        } else {
            ++i;
        }
    }
    return out;
}

// Index just past the literal starting at i (plain or raw), or -1 when none starts there.
int literalEnd(const QString &code, int i)
{
    int j = i;
    for (const char *prefix : {"u8", "u", "U", "L"})
        if (code.mid(i, int(strlen(prefix))) == QLatin1String(prefix) && code.mid(i + int(strlen(prefix)), 1) != QString())
            if (code[i + int(strlen(prefix))] == '"' || code[i + int(strlen(prefix))] == 'R') {
                j = i + int(strlen(prefix));
                break;
            }
    if (code.mid(j, 2) == QLatin1String("R\"")) {
        const int open = code.indexOf('(', j + 2);
        const QString delimiter = ")" + code.mid(j + 2, open - j - 2) + "\"";
        const int end = code.indexOf(delimiter, open);
        return end < 0 ? -1 : end + delimiter.size();
    }
    if (j < code.size() && code[j] == '"') {
        int k = j + 1;
        while (k < code.size() && code[k] != '"') {
            if (code[k] == '\\')
                ++k;
            ++k;
        }
        return k + 1;
    }
    return -1;
}

// Splits at top-level occurrences of a separator character, outside brackets and literals.
QStringList splitTopLevel(const QString &expression, QChar separator)
{
    QStringList parts;
    int depth = 0, start = 0;
    for (int i = 0; i < expression.size(); ++i) {
        if (const int end = literalEnd(expression, i); end > 0 && (i == 0 || !expression[i - 1].isLetterOrNumber())) {
            i = end - 1;
            continue;
        }
        const QChar c = expression[i];
        if (c == '(' || c == '[' || c == '{')
            ++depth;
        else if (c == ')' || c == ']' || c == '}')
            --depth;
        else if (depth == 0 && c == separator) {
            // "::" is scope, "->" is member access, "++"/"+=" are not concatenation.
            if (separator == ':' && ((i + 1 < expression.size() && expression[i + 1] == ':') || (i > 0 && expression[i - 1] == ':')))
                continue;
            parts << expression.mid(start, i - start);
            start = i + 1;
        }
    }
    parts << expression.mid(start);
    return parts;
}

// The arguments of the call whose '(' is at `open`, and the index just past its ')'.
QStringList callArguments(const QString &code, int open, int *close = nullptr)
{
    int depth = 0;
    int i = open;
    for (; i < code.size(); ++i) {
        if (const int end = literalEnd(code, i); end > 0 && (i == 0 || !code[i - 1].isLetterOrNumber())) {
            i = end - 1;
            continue;
        }
        if (code[i] == '(' || code[i] == '[' || code[i] == '{')
            ++depth;
        else if (code[i] == ')' || code[i] == ']' || code[i] == '}') {
            if (--depth == 0)
                break;
        }
    }
    if (close)
        *close = i + 1;
    const QString inside = code.mid(open + 1, i - open - 1);
    if (inside.trimmed().isEmpty())
        return {};
    QStringList arguments;
    for (const QString &a : splitTopLevel(inside, ','))
        arguments << a.trimmed();
    return arguments;
}

bool isOnlyLiterals(const QString &operand)
{
    QString rest = operand.trimmed();
    if (rest.isEmpty())
        return false;
    while (!rest.isEmpty()) {
        const int end = literalEnd(rest, 0);
        if (end < 0)
            return false;
        rest = rest.mid(end).trimmed();
    }
    return true;
}

} // namespace

// Decides whether an SQL expression in one file is constant. A violation is what made it fail.
class SqlScanner {
public:
    struct Violation {
        QString file;
        int line = 0;
        QString expression;
        QString offending;
    };

    void setFile(const QString &relative, const QString &source)
    {
        m_file = relative;
        m_code = withoutComments(source);
        m_masked = withoutLiteralText(m_code);
        m_known.clear();
        m_decided.clear();
    }

    // Every SQL call site of the current file that is not constant.
    QVector<Violation> scan()
    {
        QVector<Violation> violations;
        static const QRegularExpression member(QStringLiteral(R"((\.|->)\s*(prepare|exec|queryInt|queryText)\s*\()"));
        static const QRegularExpression capi(QStringLiteral(R"(\bsqlite3_(exec|prepare|prepare_v2|prepare_v3|prepare16\w*)\s*\()"));
        static const QRegularExpression receiver(QStringLiteral(R"((\bdb\(\)|\bdb|\bm_db|\bdatabase|\bm_database)\s*$)"));
        auto check = [&](int at, const QString &expression) {
            QString offending;
            if (!isConstant(expression, &offending))
                violations.push_back({m_file, lineOf(at), collapsed(expression), collapsed(offending)});
        };
        for (auto it = member.globalMatch(m_masked); it.hasNext();) {
            const auto match = it.next();
            const QStringList arguments = callArguments(m_code, match.capturedEnd() - 1);
            if (arguments.isEmpty())
                continue; // a statement's exec()
            const QString before = m_masked.mid(std::max(0, int(match.capturedStart()) - 60), std::min(60, int(match.capturedStart())));
            const bool sqlReceiver = receiver.match(before).hasMatch();
            const bool looksLikeSql = QRegularExpression(QStringLiteral(R"("\s*(SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE|DROP|ALTER|BEGIN|COMMIT|WITH|REPLACE)\b)"),
                                                         QRegularExpression::CaseInsensitiveOption)
                                          .match(arguments[0])
                                          .hasMatch();
            if (sqlReceiver || looksLikeSql)
                check(match.capturedStart(), arguments[0]);
        }
        for (auto it = capi.globalMatch(m_masked); it.hasNext();) {
            const auto match = it.next();
            const QStringList arguments = callArguments(m_code, match.capturedEnd() - 1);
            if (arguments.size() >= 2)
                check(match.capturedStart(), arguments[1]);
        }
        for (const Builder &builder : kBuilders) {
            if (m_file != QLatin1String(builder.file))
                continue;
            for (int at = m_masked.indexOf(QLatin1String(builder.method)); at >= 0;
                 at = m_masked.indexOf(QLatin1String(builder.method), at + 1)) {
                const QStringList arguments = callArguments(m_code, at + int(strlen(builder.method)) - 1);
                if (!arguments.isEmpty())
                    check(at, arguments[0]);
            }
        }
        return violations;
    }

    bool isConstant(const QString &expression, QString *offending)
    {
        QString e = expression.trimmed();
        while (e.startsWith('(') && matchingClose(e, 0) == e.size() - 1)
            e = e.mid(1, e.size() - 2).trimmed();
        if (e.isEmpty()) {
            *offending = expression;
            return false;
        }
        // cond ? a : b: the condition picks, the branches are the text.
        const QStringList ternary = splitTopLevel(e, '?');
        if (ternary.size() == 2) {
            const QStringList branches = splitTopLevel(ternary[1], ':');
            if (branches.size() != 2) {
                *offending = e;
                return false;
            }
            return isConstant(branches[0], offending) && isConstant(branches[1], offending);
        }
        const QStringList operands = splitTopLevel(e, '+');
        if (operands.size() > 1) {
            for (const QString &operand : operands)
                if (operand.trimmed().isEmpty() || !isConstant(operand, offending))
                    return false;
            return true;
        }
        if (isOnlyLiterals(e))
            return true;
        for (const Reviewed &r : kReviewed)
            if (m_file == QLatin1String(r.file) && collapsed(e) == collapsed(QLatin1String(r.expression)))
                return true;
        for (const Builder &b : kBuilders)
            if (m_file == QLatin1String(b.file))
                for (const char *output : b.outputs)
                    if (collapsed(e) == QLatin1String(output))
                        return true;
        static const QRegularExpression wrapped(QStringLiteral(R"(^(std::string|std::string_view)\s*\((.*)\)$)"),
                                                QRegularExpression::DotMatchesEverythingOption);
        if (const auto m = wrapped.match(e); m.hasMatch())
            return isConstant(m.captured(2), offending);
        for (const SqlFunction &f : kSqlFunctions) {
            const QString prefix = QLatin1String(f.name);
            if (e.startsWith(prefix) && e.mid(prefix.size()).trimmed().startsWith('(')) {
                const int open = e.indexOf('(', prefix.size());
                int close = 0;
                const QStringList arguments = callArguments(e, open, &close);
                if (close == e.size() && !arguments.isEmpty())
                    return isConstant(arguments[0], offending);
            }
        }
        static const QRegularExpression name(QStringLiteral(R"(^\*?[A-Za-z_]\w*$)"));
        if (name.match(e).hasMatch() && isConstantName(QString(e).remove('*')))
            return true;
        // A member (filter.sql, where->text): constant when every assignment of that member name
        // in the file is.
        static const QRegularExpression member(QStringLiteral(R"(^\*?[A-Za-z_]\w*(\.|->)([A-Za-z_]\w*)$)"));
        if (const auto m = member.match(e); m.hasMatch() && isConstantName(m.captured(2)))
            return true;
        *offending = e;
        return false;
    }

private:
    int lineOf(int offset) const { return int(m_code.left(offset).count('\n')) + 1; }

    static int matchingClose(const QString &text, int open)
    {
        int depth = 0;
        for (int i = open; i < text.size(); ++i) {
            if (const int end = literalEnd(text, i); end > 0 && (i == 0 || !text[i - 1].isLetterOrNumber())) {
                i = end - 1;
                continue;
            }
            if (text[i] == '(')
                ++depth;
            else if (text[i] == ')' && --depth == 0)
                return i;
        }
        return -1;
    }

    // A name is constant when it is assigned somewhere in the file and every assignment (or the
    // list of a range-for over it) is constant, or when it is a checked forwarded parameter.
    bool isConstantName(const QString &name)
    {
        if (auto known = m_known.find(name); known != m_known.end())
            return known->second;
        const std::size_t decidedBefore = m_decided.size();
        const bool constant = decideName(name);
        m_decided.push_back(name);
        if (!constant) {
            // Names decided meanwhile may have leant on this one's provisional "constant".
            for (std::size_t i = decidedBefore; i + 1 < m_decided.size(); ++i)
                m_known.erase(m_decided[i]);
            m_decided.resize(decidedBefore);
            m_known[name] = false;
            m_decided.push_back(name);
        }
        return constant;
    }

    bool decideName(const QString &name)
    {
        // While a name is being decided it counts as constant: a cycle (sql = sql + "...") adds
        // no text of its own; every other part of each assignment is still checked.
        m_known[name] = true;
        const ForwardedParameter *forwarded = nullptr;
        for (const ForwardedParameter &f : kForwarded)
            if (m_file == QLatin1String(f.file) && name == QLatin1String(f.parameter))
                forwarded = &f;
        if (forwarded && !forwardedCallsAreConstant(*forwarded))
            return m_known[name] = false;
        const QString escaped = QRegularExpression::escape(name);
        // A parameter can hold anything its callers pass; text grown in place can hold anything.
        const QRegularExpression parameter(
            QStringLiteral(R"([(,]\s*(const\s+)?(std::string|std::string_view|char\s*\*|QString|QByteArray|auto)\s*[&*]?\s*%1\s*[,)=])")
                .arg(escaped));
        const QRegularExpression grown(QStringLiteral(R"((?<![\w.>])%1\s*(\.\s*(append|insert|replace|push_back)\s*\(|<<))").arg(escaped));
        if ((!forwarded && parameter.match(m_masked).hasMatch()) || grown.match(m_masked).hasMatch())
            return m_known[name] = false;
        bool assigned = false;
        bool constant = true;
        const QRegularExpression assignment(QStringLiteral(R"((?<![\w.>])%1\s*(\[\s*\])?\s*\+?=(?!=))").arg(escaped));
        for (auto it = assignment.globalMatch(m_masked); it.hasNext() && constant;) {
            const auto match = it.next();
            const int semicolon = statementEnd(match.capturedEnd());
            QString rhs = m_code.mid(match.capturedEnd(), semicolon - match.capturedEnd()).trimmed();
            assigned = true;
            QString ignored;
            if (rhs.startsWith('{')) {
                for (const QString &element : callArguments(rhs, 0))
                    constant = constant && isConstant(element, &ignored);
            } else {
                constant = isConstant(rhs, &ignored);
            }
        }
        const QRegularExpression rangeFor(QStringLiteral(R"(for\s*\(\s*(const\s+)?(char\s*\*|auto\s*&?|std::string\s*&?)\s*%1\s*:\s*\{)")
                                              .arg(QRegularExpression::escape(name)));
        for (auto it = rangeFor.globalMatch(m_masked); it.hasNext() && constant;) {
            const auto match = it.next();
            assigned = true;
            QString ignored;
            for (const QString &element : callArguments(m_code, match.capturedEnd() - 1))
                constant = constant && isConstant(element, &ignored);
        }
        return m_known[name] = (assigned || forwarded) && constant;
    }

    bool forwardedCallsAreConstant(const ForwardedParameter &f)
    {
        const QRegularExpression call(QStringLiteral(R"(\b%1\s*\()").arg(QLatin1String(f.function)));
        bool any = false;
        for (auto it = call.globalMatch(m_masked); it.hasNext();) {
            const auto match = it.next();
            const QStringList arguments = callArguments(m_code, match.capturedEnd() - 1);
            if (arguments.size() <= f.position || arguments[0].startsWith(QLatin1String("Project")))
                continue; // the definition
            any = true;
            QString ignored;
            if (!isConstant(arguments[f.position], &ignored))
                return false;
        }
        return any;
    }

    int statementEnd(int from) const
    {
        int depth = 0;
        for (int i = from; i < m_code.size(); ++i) {
            if (const int end = literalEnd(m_code, i); end > 0 && !m_code[i - 1].isLetterOrNumber()) {
                i = end - 1;
                continue;
            }
            const QChar c = m_code[i];
            if (c == '(' || c == '[' || c == '{')
                ++depth;
            else if (c == ')' || c == ']' || c == '}')
                --depth;
            else if (depth <= 0 && (c == ';' || c == ','))
                return i;
        }
        return int(m_code.size());
    }

    QString m_file;
    QString m_code;   // comments blanked
    QString m_masked; // also the text of literals blanked: where code is searched
    std::map<QString, bool> m_known;
    std::vector<QString> m_decided;
};

