// The sparse user x item matrix: index maps, CSR/CSC agreement, weight aggregation, loading from
// a project, and the leave-last-out split built on it.
#include "core/import/importoptions.h"
#include "core/import/importwriter.h"
#include "core/recommend/interactionmatrix.h"
#include "core/recommend/leavelastout.h"
#include "core/store/project.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace chorus;

namespace {

std::vector<InteractionTriplet> sample()
{
    // user 30 viewed b twice and liked it; user 10 has a and c; user 20 only c.
    return {
        {30, "b", 1.0, 100}, {10, "c", 2.0, 50}, {30, "b", 1.0, 300}, {20, "c", 1.0, 70},
        {10, "a", 1.0, 60},  {30, "b", 3.0, 200}, {30, "a", 0.5, 10},
    };
}

} // namespace

class InteractionMatrixTest : public QObject {
    Q_OBJECT

private slots:
    void indexMapsAreSorted()
    {
        const InteractionMatrix m = InteractionMatrix::fromTriplets(sample());
        QCOMPARE(m.users(), 3);
        QCOMPARE(m.items(), 3);
        QCOMPARE(m.nonZeros(), std::size_t(5));
        QCOMPARE(m.userIds(), (std::vector<std::int64_t>{10, 20, 30}));
        QCOMPARE(m.itemKeys(), (std::vector<std::string>{"a", "b", "c"}));
        QCOMPARE(*m.rowOf(30), 2);
        QCOMPARE(*m.colOf("c"), 2);
        QVERIFY(!m.rowOf(99));
        QVERIFY(!m.colOf("zz"));
        QCOMPARE(m.userId(1), std::int64_t(20));
        QCOMPARE(m.itemKey(1), std::string("b"));
    }

    void sumAndMaxAggregation()
    {
        const InteractionMatrix sum = InteractionMatrix::fromTriplets(sample(), WeightAggregation::Sum);
        const InteractionMatrix max = InteractionMatrix::fromTriplets(sample(), WeightAggregation::Max);
        QCOMPARE(sum.weight(2, 1), 5.0);
        QCOMPARE(max.weight(2, 1), 3.0);
        QCOMPARE(sum.weight(0, 2), 2.0);
        QCOMPARE(sum.weight(1, 0), 0.0); // user 20 never saw "a"
        QVERIFY(!sum.contains(1, 0));
        QVERIFY(sum.contains(1, 2));
        // The latest time of the cell survives aggregation.
        const auto cells = sum.cells();
        const auto b30 = std::find_if(cells.begin(), cells.end(), [](const InteractionCell &c) {
            return c.row == 2 && c.col == 1;
        });
        QVERIFY(b30 != cells.end());
        QCOMPARE(b30->lastAt, std::int64_t(300));
    }

    void csrAndCscAgree()
    {
        const InteractionMatrix m = InteractionMatrix::fromTriplets(sample());
        std::size_t seen = 0;
        for (int c = 0; c < m.items(); ++c) {
            int previous = -1;
            for (std::size_t e = m.colBegin(c); e < m.colEnd(c); ++e) {
                const int r = m.colUsers()[e];
                QVERIFY(r > previous); // sorted by row
                previous = r;
                QCOMPARE(m.colWeights()[e], m.weight(r, c));
                ++seen;
            }
        }
        QCOMPARE(seen, m.nonZeros());
        for (int r = 0; r < m.users(); ++r)
            for (std::size_t e = m.rowBegin(r) + 1; e < m.rowEnd(r); ++e)
                QVERIFY(m.rowItems()[e - 1] < m.rowItems()[e]);
        QCOMPARE(m.rowSize(2), std::size_t(2));
        QCOMPARE(m.colSize(2), std::size_t(2));
    }

    void inputOrderDoesNotMatter()
    {
        std::vector<InteractionTriplet> reversed = sample();
        std::reverse(reversed.begin(), reversed.end());
        const InteractionMatrix a = InteractionMatrix::fromTriplets(sample());
        const InteractionMatrix b = InteractionMatrix::fromTriplets(reversed);
        QCOMPARE(a.rowItems(), b.rowItems());
        QCOMPARE(a.rowWeights(), b.rowWeights());
        QCOMPARE(a.rowTimes(), b.rowTimes());
        QCOMPARE(a.colUsers(), b.colUsers());
    }

    void nonFiniteWeightsAreSkipped()
    {
        const InteractionMatrix m = InteractionMatrix::fromTriplets(
            {{1, "a", 1, 0}, {1, "b", std::nan(""), 0}, {2, "a", HUGE_VAL, 0}, {2, "c", 2, 0}});
        QCOMPARE(m.users(), 2);
        QCOMPARE(m.itemKeys(), (std::vector<std::string>{"a", "c"}));
        QCOMPARE(m.nonZeros(), std::size_t(2));
    }

    void emptyMatrix()
    {
        const InteractionMatrix m = InteractionMatrix::fromTriplets({});
        QCOMPARE(m.users(), 0);
        QCOMPARE(m.items(), 0);
        QCOMPARE(m.nonZeros(), std::size_t(0));
        QCOMPARE(m.weight(0, 0), 0.0);
    }

    void loadsFromProjectWithKindFilter()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto project = Project::open(dir.filePath("p.chorus").toStdString());
        QVERIFY2(project.ok(), project.ok() ? "" : project.message().c_str());
        auto dataset = (*project)->ensureDataset("clicks", "interactions");
        QVERIFY(dataset.ok());
        {
            ImportWriter writer((*project)->db(), *dataset, ImportOptions(), "");
            auto add = [&](const char *user, const char *item, const char *kind, double weight, std::int64_t t) {
                InteractionRecord r;
                r.userSourceId = user;
                r.item = item;
                r.kind = kind;
                r.weight = weight;
                r.createdAt = t;
                QVERIFY(writer.interaction(std::move(r)));
            };
            add("u1", "x", "view", 1, 10);
            add("u1", "x", "like", 2, 20);
            add("u1", "y", "view", 1, 30);
            add("u2", "y", "like", 4, 40);
            QVERIFY(writer.finish().ok());
        }
        auto all = InteractionMatrix::load(**project, "clicks");
        QVERIFY2(all.ok(), all.ok() ? "" : all.message().c_str());
        QCOMPARE(all->users(), 2);
        QCOMPARE(all->items(), 2);
        QCOMPARE(all->weight(0, 0), 3.0);

        InteractionLoadOptions likes;
        likes.kinds = {"like"};
        likes.aggregation = WeightAggregation::Max;
        auto liked = InteractionMatrix::load(**project, *dataset, likes);
        QVERIFY(liked.ok());
        QCOMPARE(liked->nonZeros(), std::size_t(2));
        QCOMPARE(liked->weight(*liked->rowOf(all->userId(1)), *liked->colOf("y")), 4.0);

        QVERIFY(!InteractionMatrix::load(**project, "nope").ok());
        QVERIFY(!InteractionMatrix::load(**project, std::int64_t(9999)).ok());
    }

    void leaveLastOutHoldsTheLatestItem()
    {
        // user 1: a@10, b@30, c@20 -> b; user 2: only a -> not eligible;
        // user 3: a@5, c@5 (tie) -> c (largest key); user 4: a@1, b@9, a@50 -> a (cell's latest time).
        const InteractionMatrix m = InteractionMatrix::fromTriplets({
            {1, "a", 1, 10}, {1, "b", 1, 30}, {1, "c", 1, 20}, {2, "a", 1, 3}, {3, "a", 1, 5},
            {3, "c", 1, 5}, {4, "a", 1, 1}, {4, "b", 1, 9}, {4, "a", 1, 50},
        });
        const LeaveLastOutSplit split = LeaveLastOut::split(m);
        QCOMPARE(split.eligibleUsers, 3);
        QCOMPARE(split.testItem, (std::vector<int>{1, -1, 2, 0}));
        QCOMPARE(split.train.users(), m.users());
        QCOMPARE(split.train.itemKeys(), m.itemKeys());
        QCOMPARE(split.train.nonZeros(), m.nonZeros() - 3);
        for (int r = 0; r < m.users(); ++r) {
            const int held = split.testItem[static_cast<std::size_t>(r)];
            if (held >= 0) {
                QVERIFY(m.contains(r, held));
                QVERIFY(!split.train.contains(r, held));
            }
        }
        QVERIFY(split.train.contains(1, 0)); // the ineligible user keeps their item
    }
};

QTEST_GUILESS_MAIN(InteractionMatrixTest)
#include "tst_interactionmatrix.moc"
