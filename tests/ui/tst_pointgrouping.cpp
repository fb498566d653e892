// The projector's colourings: by a column's most frequent values, by frequency rank, and by time,
// where a column of dates becomes eight spans in time order so a drift shows as a gradient.
#include "ui/embeddings/pointgrouping.h"

#include <QtTest>

#include <string>
#include <vector>

class PointGroupingTest : public QObject {
    Q_OBJECT

private slots:
    void valuesGetColoursMostFrequentFirst()
    {
        std::vector<std::string> values;
        for (int i = 0; i < 12; ++i)
            for (int copies = 0; copies <= i; ++copies)
                values.push_back("v" + std::to_string(i));
        const PointGroups groups = PointGrouping::byValue(values);
        QCOMPARE(groups.groups.size(), 10); // nine colours and "other"
        QCOMPARE(groups.groups.first().name, QString("v11"));
        QCOMPARE(groups.groups.last().name, QString("other"));
        QCOMPARE(groups.groupOf.first(), 9); // v0, the rarest, is "other"
    }

    void ranksFallInTenfoldBands()
    {
        const PointGroups groups = PointGrouping::byRank(150);
        QCOMPARE(groups.groups.size(), 3);
        QCOMPARE(groups.groupOf[9], 0);
        QCOMPARE(groups.groupOf[10], 1);
        QCOMPARE(groups.groupOf[149], 2);
    }

    void daysBecomeEightSpansInTimeOrder()
    {
        // Forty consecutive days, five points each: eight spans of five days.
        std::vector<std::string> values;
        const QDate first(2024, 3, 1);
        for (int d = 0; d < 40; ++d)
            for (int copies = 0; copies < 5; ++copies)
                values.push_back(first.addDays(d).toString(Qt::ISODate).toStdString());
        const auto groups = PointGrouping::byTime(values);
        QVERIFY(groups);
        QCOMPARE(groups->groups.size(), 8);
        QCOMPARE(groups->groups.first().name, QString("2024-03-01 to 2024-03-05"));
        QCOMPARE(groups->groups.last().name, QString("2024-04-05 to 2024-04-09"));
        for (int i = 0; i < int(values.size()); ++i)
            QCOMPARE(groups->groupOf[i], i / 25);
        // Dark to light: the spans' colours grow lighter with time.
        QVERIFY(groups->groups.first().colour.lightness() < groups->groups.last().colour.lightness());
        // byColumn picks the spans for a column of many days.
        QCOMPARE(PointGrouping::byColumn(values).groups.size(), 8);
    }

    void timesWithHoursAndMissingValues()
    {
        std::vector<std::string> values{"2024-01-01T00:00:00Z", "2024-01-01T08:00:00Z", "not a time", "2024-01-02T00:00:00Z"};
        for (int i = 0; i < 40; ++i)
            values.push_back("2024-01-01T12:00:00Z");
        const auto groups = PointGrouping::byTime(values);
        QVERIFY(groups);
        QCOMPARE(groups->groups.last().name, QString("(no time)"));
        QCOMPARE(groups->groupOf[2], groups->groups.size() - 1);
        QCOMPARE(groups->groupOf[0], 0);
        QVERIFY(groups->groupOf[1] < groups->groupOf[4]);            // 08:00 before noon
        QCOMPARE(groups->groupOf[3], groups->groups.size() - 2);     // the latest, in the last span
        QVERIFY(groups->groups.first().name.startsWith("2024-01-01 00:00"));
    }

    void columnsThatAreNotTimesKeepTheirValues()
    {
        std::vector<std::string> words;
        for (int i = 0; i < 30; ++i)
            words.push_back("word" + std::to_string(i));
        QVERIFY(!PointGrouping::byTime(words));
        QCOMPARE(PointGrouping::byColumn(words).groups.last().name, QString("other"));
        // A few days (fewer than the palette holds) keep a colour each, as values.
        const std::vector<std::string> days{"2024-01-01", "2024-01-02", "2024-01-02"};
        QCOMPARE(PointGrouping::byColumn(days).groups.size(), 2);
        QCOMPARE(PointGrouping::byColumn(days).groups.first().name, QString("2024-01-02"));
    }
};

QTEST_MAIN(PointGroupingTest)
#include "tst_pointgrouping.moc"
