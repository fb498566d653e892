// SocialTokenizer on the things social-media text is made of: emoji sequences, emoticons, URLs,
// mentions, hashtags, HTML entities, CJK, elongations and broken bytes. Plus the Unicode helpers
// it stands on, checked against Qt's own Unicode tables.
#include "core/text/tokenizer.h"
#include "core/text/unicode.h"

#include <QChar>
#include <QRandomGenerator>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using namespace chorus;

namespace {

// "nolower nofold" etc. switch options away from their defaults.
TokenizerOptions optionsFrom(const QString &flags)
{
    TokenizerOptions options;
    for (const QString &flag : flags.split(' ', Qt::SkipEmptyParts)) {
        if (flag == "nolower")
            options.lowercase = false;
        else if (flag == "nofold")
            options.foldElongations = false;
        else if (flag == "nocjk")
            options.cjkPerCharacter = false;
        else if (flag == "nourls")
            options.keepUrls = false;
        else if (flag == "nomentions")
            options.keepMentions = false;
        else if (flag == "nohashtags")
            options.keepHashtags = false;
        else if (flag == "normurls")
            options.normalizeUrls = true;
        else if (flag == "normmentions")
            options.normalizeMentions = true;
        else if (flag == "nopunct")
            options.keepPunctuation = false;
        else if (flag == "noentities")
            options.unescapeHtml = false;
        else
            qFatal("unknown flag %s", qPrintable(flag));
    }
    return options;
}

QStringList toQt(const std::vector<std::string> &tokens)
{
    QStringList out;
    for (const std::string &t : tokens)
        out << QString::fromStdString(t);
    return out;
}

// Separates expected tokens with '|' so cases stay one line each.
QStringList split(const char *tokens)
{
    const QString all = QString::fromUtf8(tokens);
    return all.isEmpty() ? QStringList() : all.split('|');
}

bool isValidUtf8(const std::string &text)
{
    for (std::size_t at = 0; at < text.size();) {
        const unicode::Decoded d = unicode::decode(text, at);
        if (!d.valid)
            return false;
        at += d.length;
    }
    return true;
}

} // namespace

class TokenizerTest : public QObject {
    Q_OBJECT

private slots:
    void tokenize_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("flags");
        QTest::addColumn<QStringList>("expected");
        const auto row = [](const char *name, const QByteArray &input, const char *flags, const char *expected) {
            QTest::newRow(name) << input << QString::fromUtf8(flags) << split(expected);
        };

        // Emoji sequences stay whole.
        row("zwj family", "family 👨‍👩‍👧‍👦 time", "", "family|👨‍👩‍👧‍👦|time");
        row("zwj with skin tone", "🧑🏽‍💻 at work", "", "🧑🏽‍💻|at|work");
        row("skin tones", "👍🏽👍🏿👍", "", "👍🏽|👍🏿|👍");
        row("lone skin tone", "x 🏽 y", "", "x|🏽|y");
        row("flags", "🇫🇷🇩🇪 vs 🇺🇸", "", "🇫🇷|🇩🇪|vs|🇺🇸");
        row("odd regional indicator", "🇫🇷🇩", "", "🇫🇷|🇩");
        row("subdivision flag", "go 🏴󠁧󠁢󠁥󠁮󠁧󠁿!", "", "go|🏴󠁧󠁢󠁥󠁮󠁧󠁿|!");
        row("rainbow flag", "🏳️‍🌈pride", "", "🏳️‍🌈|pride");
        row("keycaps", "1️⃣ first #️⃣ *️⃣ 2⃣", "", "1️⃣|first|#️⃣|*️⃣|2⃣");
        row("heart with selector", "I ❤️ it", "", "i|❤️|it");
        row("heart on fire", "❤️‍🔥!", "", "❤️‍🔥|!");
        row("text-style emoji", "☺︎ ok ©", "", "☺︎|ok|©");
        row("emoji glued to words", "lol😂😂great", "", "lol|😂|😂|great");
        row("stray joiner and selector", "\u200D\uFE0Fhi", "", "hi");

        // Emoticons are single tokens and are not lowercased.
        row("emoticons", "hi :) bye :-( ;) :D <3 :P xD ^_^", "", "hi|:)|bye|:-(|;)|:D|<3|:P|xD|^_^");
        row("more emoticons", "-_- :'( </3 >:( o_O (: =) 8-) :/ T_T", "", "-_-|:'(|</3|>:(|o_O|(:|=)|8-)|:/|T_T");
        row("emoticon after word", "nice:) ok", "", "nice|:)|ok");
        row("emoticon mouth repeated", ":)))) <333", "", ":))|<333");
        row("emoticon mouth repeated no fold", ":))))", "nofold", ":))))");
        row("shrug", "meh ¯\\_(ツ)_/¯", "", "meh|¯\\_(ツ)_/¯");
        row("not emoticon: colon before word", "Note:Doctor", "", "note|:|doctor");
        row("not emoticon: letter eyes in word", "boxD XD", "", "boxd|XD");
        row("not emoticon: windows path", "C:/Users", "", "c|:|/|users");
        row("not emoticon: time", "at 10:30 or 9:3", "", "at|10:30|or|9:3");
        row("not emoticon: list item", "(see 8)", "", "(|see|8|)");

        // CJK is cut per character, Korean by spaces.
        row("chinese with english", "我爱Python编程!", "", "我|爱|python|编|程|!");
        row("chinese runs", "我爱Python编程", "nocjk", "我爱|python|编程");
        row("japanese kana and kanji", "ひらがなとカタカナ、漢字。", "", "ひ|ら|が|な|と|カ|タ|カ|ナ|、|漢|字|。");
        row("katakana long vowel", "ラーメン", "", "ラ|ー|メ|ン");
        row("halfwidth katakana", "ｶﾀｶﾅ", "", "ｶ|ﾀ|ｶ|ﾅ");
        row("japanese runs", "東京タワーへ行く", "nocjk", "東京タワーへ行く");
        row("korean words", "안녕하세요 세계!", "", "안녕하세요|세계|!");
        row("cjk ext b", "𠀋x", "", "𠀋|x");

        // URLs keep their case and lose trailing punctuation.
        row("url with query", "see https://example.com/path?q=1&x=2.", "", "see|https://example.com/path?q=1&x=2|.");
        row("url in parentheses", "(www.test.org/a)", "", "(|www.test.org/a|)");
        row("url with own parentheses", "https://en.wikipedia.org/wiki/Foo_(bar), yes", "",
            "https://en.wikipedia.org/wiki/Foo_(bar)|,|yes");
        row("url case kept", "HTTPS://T.co/AbC!!", "", "HTTPS://T.co/AbC|!!");
        row("url stops at cjk", "看https://t.co/x这个", "", "看|https://t.co/x|这|个");
        row("mention and hashtag after cjk", "你好@小明看#选举", "", "你|好|@小明看|#选举");
        row("url stops at ellipsis", "https://t.co/abc… more", "", "https://t.co/abc|…|more");
        row("url stops at emoji", "http://a.io/b😂", "", "http://a.io/b|😂");
        row("url quoted", "\"http://a.io/b?c=d\"", "", "\"|http://a.io/b?c=d|\"");
        row("url with fragment and port", "http://a.io:8080/x#frag;", "", "http://a.io:8080/x#frag|;");
        row("not url: scheme only", "http:// and www. alone", "", "http|:|//|and|ww|.|alone");
        row("urls dropped", "go https://a.io/x now", "nourls", "go|now");
        row("urls normalised", "go https://a.io/x now www.b.org", "normurls", "go|<url>|now|<url>");

        // Mentions.
        row("mentions", "@Alice_B: hi @bob.smith.", "", "@alice_b|:|hi|@bob.smith|.");
        row("fediverse mention", "cc @user@mastodon.social!", "", "cc|@user@mastodon.social|!");
        row("email is not a mention", "mail a@b.com", "", "mail|a|@|b|.|com");
        row("lone at", "@ home", "", "@|home");
        row("mentions dropped", "@a hi @b", "nomentions", "hi");
        row("mentions normalised", "@a hi @B", "normmentions", "<user>|hi|<user>");
        row("mentions keep case", "@BoB", "nolower", "@BoB");

        // Hashtags, with letters from any script.
        row("hashtags", "#Election2024 #选举 #1 #日本語 #café", "", "#election2024|#选举|#|1|#日本語|#café");
        row("hashtag inside word", "a#b", "", "a|#|b");
        row("hashtags as text", "#选举 #Vote", "nohashtags", "选|举|vote");
        row("hashtag not folded", "#sooooo", "", "#sooooo");

        // HTML entities are decoded first.
        row("named entities", "Tom &amp; Jerry &quot;hi&quot; &lt;3", "", "tom|&|jerry|\"|hi|\"|<3");
        row("numeric entities", "it&#39;s &#x1F600;&#128512; a&nbsp;b", "", "it's|😀|😀|a|b");
        row("unknown entity kept", "&foo; &amp", "", "&|foo|;|&|amp");
        row("bad numeric entity", "x&#0;y &#xD800;z", "", "x|y|z");
        row("entities left alone", "a &amp; b", "noentities", "a|&|amp|;|b");

        // Words and numbers.
        row("apostrophes", "don't rock'n'roll don’t students' 'quote'", "",
            "don't|rock'n'roll|don't|students|'|'|quote|'");
        row("numbers", "3.14 1,000 1,000,000.50 pi.", "", "3.14|1,000|1,000,000.50|pi|.");
        row("hyphens", "covid-19 well-known - x--y", "", "covid-19|well-known|-|x|--|y");
        row("currency and percent", "$5 50% €3", "", "$|5|50|%|€|3");
        row("digits never folded", "1000000 zzzz", "", "1000000|zz");
        row("underscores", "snake_case __init__", "", "snake_case|__init__");
        row("combining accents stay in word", "cafe\u0301 ok", "", "cafe\u0301|ok");
        row("math bold letters", "𝐛𝐨𝐥𝐝 text", "", "𝐛𝐨𝐥𝐝|text");
        row("placeholders", "<email> and <URL>", "", "<email>|and|<url>");

        // Elongations.
        row("elongations", "soooo goooood!!!!", "", "soo|good|!!");
        row("elongations kept", "soooo goooood!!!!", "nofold", "soooo|goooood|!!!!");
        row("ellipsis", "Wait... what?!", "", "wait|..|what|?|!");
        row("elongated cyrillic", "дааааа", "", "даа");

        // Punctuation can be dropped; emoticons and emoji stay.
        row("punctuation dropped", "Hi, you! :) 😂 ...", "nopunct", "hi|you|:)|😂");

        // Lowercasing across scripts.
        row("latin-1 and extended", "ÀÉÎÕÜ Ÿ Ǆ ĞİŞ Ạ", "", "àéîõü|ÿ|ǆ|ğiş|ạ");
        row("german", "STRAẞE Straße", "", "straße|straße");
        row("greek", "ΑΘΗΝΑ Ώρα ΣΟΦΙΑ", "", "αθηνα|ώρα|σοφια");
        row("cyrillic", "МОСКВА Ёлка ЇЖАК", "", "москва|ёлка|їжак");
        row("armenian", "ՀԱՅԱՍՏԱՆ", "", "հայաստան");
        row("fullwidth", "ＡＢＣ", "", "ａｂｃ");
        row("no lowercase", "ΑΘΗΝΑ МОСКВА Hello", "nolower", "ΑΘΗΝΑ|МОСКВА|Hello");

        // Broken input never breaks the tokenizer.
        row("invalid bytes", QByteArray("ab\xFF\xFE" "cd \xC3"), "", "ab|cd");
        row("truncated sequence", QByteArray("x\xE2\x82 y"), "", "x|y");
        row("overlong slash", QByteArray("a\xC0\xAF" "b"), "", "a|b");
        row("encoded surrogate", QByteArray("a\xED\xA0\x80" "b"), "", "a|b");
        row("replacement character", "a\uFFFDb", "", "a|b");
        row("controls and zero width", "a\x01\x7F" "b\u200Bc au\u00ADto", "", "a|b|c|auto");
        row("empty", "", "", "");
        row("whitespace only", " \t\n\r \u00A0\u3000", "", "");
    }

    void tokenize()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, flags);
        QFETCH(QStringList, expected);
        const SocialTokenizer tokenizer(optionsFrom(flags));
        const std::vector<std::string> tokens = tokenizer.tokenize(std::string_view(input.constData(), std::size_t(input.size())));
        QCOMPARE(toQt(tokens), expected);
    }

    void kinds()
    {
        const SocialTokenizer tokenizer;
        const std::vector<Token> tokens =
            tokenizer.tokenizeWithKinds("Hey @ann #tag https://a.io 😂 :) 3.14 wow ! <url>");
        const std::vector<TokenKind> expected = {TokenKind::Word,    TokenKind::Mention,  TokenKind::Hashtag,
                                                 TokenKind::Url,     TokenKind::Emoji,    TokenKind::Emoticon,
                                                 TokenKind::Number,  TokenKind::Word,     TokenKind::Punctuation,
                                                 TokenKind::Placeholder};
        QCOMPARE(tokens.size(), expected.size());
        for (std::size_t i = 0; i < tokens.size(); ++i)
            QVERIFY2(tokens[i].kind == expected[i], tokens[i].text.c_str());
    }

    void unescapeHtml()
    {
        QCOMPARE(SocialTokenizer::unescapeHtml("&amp;amp; &lt;b&gt; &#65;&#x42;&#X43; &hellip;"),
                 std::string("&amp; <b> ABC \u2026"));
        QCOMPARE(SocialTokenizer::unescapeHtml("AT&T & co; &#xZZ; &#; &;"), std::string("AT&T & co; &#xZZ; &#; &;"));
        QCOMPARE(SocialTokenizer::unescapeHtml("&#99999999;"), std::string("&#99999999;"));
        QCOMPARE(SocialTokenizer::unescapeHtml("&#x110000;"), std::string("\uFFFD"));
        QCOMPARE(SocialTokenizer::unescapeHtml("trailing &"), std::string("trailing &"));
    }

    void randomBytesAreSafe()
    {
        // Arbitrary bytes, biased towards the ones that start emoji, entities and URLs.
        const char alphabet[] = "ab:/#@&;.-'()<>3D_ \xF0\x9F\x98\x82\xE2\x80\x8D\xEF\xB8\x8F\xC3\xA9\xE4\xB8\xAD\xFF\x80";
        QRandomGenerator random(42);
        for (const bool lower : {true, false}) {
            TokenizerOptions options;
            options.lowercase = lower;
            options.cjkPerCharacter = !lower;
            const SocialTokenizer tokenizer(options);
            for (int round = 0; round < 3000; ++round) {
                std::string text;
                const int length = random.bounded(40);
                for (int i = 0; i < length; ++i) {
                    text.push_back(random.bounded(4) == 0 ? char(random.bounded(256))
                                                          : alphabet[random.bounded(int(sizeof(alphabet) - 1))]);
                }
                for (const std::string &token : tokenizer.tokenize(text)) {
                    QVERIFY(!token.empty());
                    QVERIFY2(isValidUtf8(token), token.c_str());
                    for (char32_t c : unicode::decodeAll(token)) {
                        QVERIFY(!unicode::isSpace(c));
                        QVERIFY(c != unicode::kReplacement);
                    }
                }
            }
        }
    }

    void optionsJsonRoundTrip()
    {
        TokenizerOptions options;
        options.lowercase = false;
        options.normalizeUrls = true;
        options.keepPunctuation = false;
        const Result<TokenizerOptions> back = TokenizerOptions::fromJson(options.toJson());
        QVERIFY(back.ok());
        QVERIFY(*back == options);
        QVERIFY(*back != TokenizerOptions());

        const Result<TokenizerOptions> partial = TokenizerOptions::fromJson(nlohmann::json{{"cjkPerCharacter", false}});
        QVERIFY(partial.ok());
        QCOMPARE(partial->cjkPerCharacter, false);
        QCOMPARE(partial->lowercase, true);

        const Result<TokenizerOptions> wrong = TokenizerOptions::fromJson(nlohmann::json{{"lowercase", "yes"}});
        QVERIFY(!wrong.ok());
        QVERIFY(wrong.message().find("lowercase") != std::string::npos);
        QVERIFY(!TokenizerOptions::fromJson(nlohmann::json::array()).ok());
    }

    void decodeEncodeRoundTrip()
    {
        std::u32string all;
        for (char32_t c = 1; c <= 0x10FFFF; c += (c < 0x30000 ? 1 : 97)) {
            if (c >= 0xD800 && c <= 0xDFFF)
                continue;
            all.push_back(c);
        }
        const std::string encoded = unicode::encode(all);
        QCOMPARE(unicode::decodeAll(encoded), all);
        // Qt agrees on the encoding.
        const QString viaQt = QString::fromUtf8(encoded.data(), qsizetype(encoded.size()));
        QCOMPARE(viaQt.toStdU32String(), all);
        // Surrogates and out-of-range values are not encoded as themselves.
        QCOMPARE(unicode::encode(std::u32string(1, char32_t(0xD800))), std::string("\uFFFD"));
        QCOMPARE(unicode::encode(std::u32string(1, char32_t(0x110000))), std::string("\uFFFD"));
        // Every invalid byte becomes exactly one U+FFFD and decoding resynchronises.
        QCOMPARE(unicode::decodeAll("a\xF0\x9F\x98" "b"), std::u32string(U"a\uFFFD\uFFFD\uFFFDb"));
        QCOMPARE(unicode::decodeAll("\xF4\x90\x80\x80"), std::u32string(4, unicode::kReplacement));
    }

    void lowercaseMatchesQt_data()
    {
        QTest::addColumn<uint>("first");
        QTest::addColumn<uint>("last");
        QTest::newRow("basic latin") << 0x0000u << 0x007Fu;
        QTest::newRow("latin-1") << 0x0080u << 0x00FFu;
        QTest::newRow("latin extended-a") << 0x0100u << 0x017Fu;
        QTest::newRow("latin extended-b") << 0x0180u << 0x024Fu;
        QTest::newRow("greek") << 0x0370u << 0x03FFu;
        QTest::newRow("cyrillic") << 0x0400u << 0x052Fu;
        QTest::newRow("armenian") << 0x0530u << 0x058Fu;
        QTest::newRow("georgian") << 0x10A0u << 0x10FFu;
        QTest::newRow("latin extended additional") << 0x1E00u << 0x1EFFu;
        QTest::newRow("greek extended") << 0x1F00u << 0x1FFFu;
        QTest::newRow("letterlike symbols") << 0x2100u << 0x214Fu;
        QTest::newRow("number forms") << 0x2150u << 0x218Fu;
        QTest::newRow("enclosed alphanumerics") << 0x2460u << 0x24FFu;
        QTest::newRow("fullwidth") << 0xFF00u << 0xFFEFu;
    }

    void lowercaseMatchesQt()
    {
        QFETCH(uint, first);
        QFETCH(uint, last);
        for (uint c = first; c <= last; ++c) {
            // Qt keeps İ because its full lowercase is two characters; a token wants plain i.
            if (c == 0x0130)
                continue;
            const char32_t ours = unicode::toLower(char32_t(c));
            const char32_t qts = QChar::toLower(c);
            if (ours != qts)
                QFAIL(qPrintable(QString("U+%1 lowers to U+%2, Qt says U+%3")
                                     .arg(c, 4, 16, QChar('0'))
                                     .arg(uint(ours), 4, 16, QChar('0'))
                                     .arg(uint(qts), 4, 16, QChar('0'))));
        }
    }

    void characterClasses()
    {
        QVERIFY(unicode::isExtendedPictographic(0x1F600));
        QVERIFY(unicode::isExtendedPictographic(0x2764));
        QVERIFY(!unicode::isExtendedPictographic(0x1F3FB)); // skin tones are components
        QVERIFY(!unicode::isExtendedPictographic(0x1F1EB)); // so are regional indicators
        QVERIFY(!unicode::isExtendedPictographic('#'));
        QVERIFY(unicode::isHan(0x4E2D) && unicode::isHan(0x20000) && unicode::isHan(0x3005));
        QVERIFY(unicode::isHiragana(0x3042) && !unicode::isHiragana(0x30A2));
        QVERIFY(unicode::isKatakana(0x30A2) && unicode::isKatakana(0x30FC) && !unicode::isKatakana(0x30FB));
        QVERIFY(unicode::isHangul(0xD55C) && !unicode::isCjk(0xD55C));
        QVERIFY(unicode::classify(0x00A0) == unicode::CharClass::Space);
        QVERIFY(unicode::classify(0x3000) == unicode::CharClass::Space);
        QVERIFY(unicode::classify(0xFFFD) == unicode::CharClass::Ignored);
        QVERIFY(unicode::classify(0x3002) == unicode::CharClass::Punctuation);
        QVERIFY(unicode::classify(0x00E9) == unicode::CharClass::Letter);
        QVERIFY(unicode::classify(0x0663) == unicode::CharClass::Digit);
        // Letters and digits Qt knows in common scripts are word characters here too.
        for (uint c = 0x20; c < 0x3000; ++c) {
            if (c >= 0xD800 && c <= 0xDFFF)
                continue;
            if (QChar::isLetter(c) || QChar::isDigit(c))
                QVERIFY2(unicode::isWordCharacter(char32_t(c)), qPrintable(QString::number(c, 16)));
            if (QChar::isSpace(c))
                QVERIFY2(unicode::isSpace(char32_t(c)), qPrintable(QString::number(c, 16)));
        }
    }
};

QTEST_APPLESS_MAIN(TokenizerTest)
#include "tst_tokenizer.moc"
