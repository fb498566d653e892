// Train/valid/test splits: determinism, ratios, stratification, time and user splits, stored rows.
#include "core/import/importwriter.h"
#include "core/split/datasetsplitter.h"
#include "core/store/project.h"
#include "core/util/deterministicrandom.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

using namespace chorus;

namespace {

struct PostSpec {
    std::string sourceId;
    std::string author; // empty: no author
    std::optional<std::int64_t> createdAt;
    std::string label; // task "class"; empty: no label
};

std::vector<PostSpec> makePosts(int n, int authors = 50)
{
    std::vector<PostSpec> posts;
    for (int i = 0; i < n; ++i) {
        PostSpec p;
        p.sourceId = "post" + std::to_string(i);
        if (i % 11 != 0)
            p.author = "user" + std::to_string((i * 7) % authors);
        p.createdAt = 1700000000 + (i * 37) % 500; // many equal times
        // Imbalanced classes: 50% a, 30% b, 20% c; every 25th post unlabelled.
        if (i % 25 != 0)
            p.label = i % 10 < 5 ? "a" : i % 10 < 8 ? "b" : "c";
        posts.push_back(p);
    }
    return posts;
}

std::unique_ptr<Project> projectWith(const QString &path, const std::vector<PostSpec> &posts)
{
    auto project = Project::open(path.toStdString());
    if (!project)
        return nullptr;
    auto dataset = (*project)->ensureDataset("d");
    ImportWriter writer((*project)->db(), *dataset, ImportOptions(), "");
    for (const PostSpec &spec : posts) {
        PostRecord post;
        post.sourceId = spec.sourceId;
        post.author.sourceId = spec.author;
        post.createdAt = spec.createdAt;
        post.text = "text of " + spec.sourceId;
        if (!spec.label.empty())
            post.labels.push_back({"class", spec.label});
        writer.post(std::move(post));
    }
    if (!writer.finish().ok())
        return nullptr;
    return std::move(*project);
}

// source id -> part, the form in which two projects can be compared.
std::map<std::string, std::string> assignment(Project &project, std::int64_t splitId)
{
    auto prepared = project.db().prepare("SELECT p.source_id, a.part FROM split_assignments a"
                                        " JOIN posts p ON p.id = a.post_id WHERE a.split_id = ?");
    SqliteStatement &select = *prepared;
    select.bind(1, splitId);
    std::map<std::string, std::string> out;
    while (select.step())
        out[select.text(0)] = select.text(1);
    return out;
}

struct Rows {
    std::string part;
    std::string author;
    std::optional<std::int64_t> createdAt;
    std::string label;
};

std::vector<Rows> rowsOf(Project &project, std::int64_t splitId)
{
    auto prepared = project.db().prepare(
        "SELECT a.part, u.source_id, p.created_at, l.value FROM split_assignments a JOIN posts p ON p.id = a.post_id"
        " LEFT JOIN users u ON u.id = p.author_id LEFT JOIN labels l ON l.post_id = p.id AND l.task = 'class'"
        " WHERE a.split_id = ?");
    SqliteStatement &select = *prepared;
    select.bind(1, splitId);
    std::vector<Rows> rows;
    while (select.step()) {
        Rows r;
        r.part = select.text(0);
        r.author = select.isNull(1) ? "" : select.text(1);
        if (!select.isNull(2))
            r.createdAt = select.int64(2);
        r.label = select.isNull(3) ? "" : select.text(3);
        rows.push_back(r);
    }
    return rows;
}

} // namespace

class SplitsTest : public QObject {
    Q_OBJECT

private slots:
    // Splits are only reproducible on another machine if the generator's stream is fixed: these are
    // the reference values of xoshiro256** seeded by splitmix64(0), and a shuffle computed by an
    // independent implementation.
    void randomStreamIsPinned()
    {
        DeterministicRandom zero(0);
        QCOMPARE(zero.next(), 0x99ec5f36cb75f2b4ULL);
        QCOMPARE(zero.next(), 0xbf6e1f784956452aULL);
        QCOMPARE(zero.next(), 0x1a5f849d4933e6e0ULL);
        QCOMPARE(DeterministicRandom::mix(0), 0xe220a8397b1dcdafULL);
        DeterministicRandom random(42);
        std::vector<int> values = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        random.shuffle(values);
        QCOMPARE(values, (std::vector<int>{7, 3, 8, 9, 5, 6, 4, 1, 0, 2}));
        for (int i = 0; i < 1000; ++i) {
            const int v = random.between(-3, 3);
            QVERIFY(v >= -3 && v <= 3);
            const double u = random.uniform();
            QVERIFY(u >= 0 && u < 1);
        }
    }

    void sameSeedSameAssignmentWhateverTheImportOrder()
    {
        QTemporaryDir dir;
        std::vector<PostSpec> posts = makePosts(400);
        auto first = projectWith(dir.filePath("a.chorus"), posts);
        std::reverse(posts.begin(), posts.end()); // other row ids for the same posts
        auto second = projectWith(dir.filePath("b.chorus"), posts);
        QVERIFY(first && second);

        for (SplitMethod method : {SplitMethod::Random, SplitMethod::Time, SplitMethod::User}) {
            SplitOptions options;
            options.method = method;
            options.seed = 1234;
            auto a = DatasetSplitter::create(*first, "d", options);
            auto b = DatasetSplitter::create(*second, "d", options);
            QVERIFY2(a.ok(), a.ok() ? "" : a.message().c_str());
            QVERIFY2(b.ok(), b.ok() ? "" : b.message().c_str());
            const auto left = assignment(*first, a->splitId);
            QCOMPARE(left.size(), std::size_t(400));
            QVERIFY(left == assignment(*second, b->splitId));
        }
        SplitOptions stratified;
        stratified.stratifyTask = "class";
        stratified.seed = 99;
        auto a = DatasetSplitter::create(*first, "d", stratified);
        auto b = DatasetSplitter::create(*second, "d", stratified);
        QVERIFY(a.ok() && b.ok());
        QVERIFY(assignment(*first, a->splitId) == assignment(*second, b->splitId));
    }

    void differentSeedDifferentAssignment()
    {
        QTemporaryDir dir;
        auto project = projectWith(dir.filePath("p.chorus"), makePosts(300));
        QVERIFY(project);
        for (SplitMethod method : {SplitMethod::Random, SplitMethod::User}) {
            SplitOptions options;
            options.method = method;
            options.seed = 1;
            auto one = DatasetSplitter::create(*project, "d", options);
            auto again = DatasetSplitter::create(*project, "d", options);
            options.seed = 2;
            auto two = DatasetSplitter::create(*project, "d", options);
            QVERIFY(one.ok() && again.ok() && two.ok());
            QVERIFY(assignment(*project, one->splitId) == assignment(*project, again->splitId));
            QVERIFY(assignment(*project, one->splitId) != assignment(*project, two->splitId));
        }
    }

    void partSizesFollowTheRatios()
    {
        QTemporaryDir dir;
        auto project = projectWith(dir.filePath("p.chorus"), makePosts(1000));
        QVERIFY(project);
        SplitOptions options;
        options.train = 0.7;
        options.valid = 0.2;
        options.test = 0.1;
        auto info = DatasetSplitter::create(*project, "d", options);
        QVERIFY(info.ok());
        QCOMPARE(info->train, std::int64_t(700));
        QCOMPARE(info->valid, std::int64_t(200));
        QCOMPARE(info->test, std::int64_t(100));

        QTemporaryDir small;
        auto seven = projectWith(small.filePath("s.chorus"), makePosts(7));
        options.train = 0.5;
        options.valid = 0.25;
        options.test = 0.25;
        for (SplitMethod method : {SplitMethod::Random, SplitMethod::Time}) {
            options.method = method;
            auto s = DatasetSplitter::create(*seven, "d", options);
            QVERIFY(s.ok());
            QCOMPARE(s->total(), std::int64_t(7));
            QVERIFY(std::abs(double(s->train) - 3.5) <= 0.5);
            QVERIFY(std::abs(double(s->valid) - 1.75) <= 1.0);
            QVERIFY(std::abs(double(s->test) - 1.75) <= 1.0);
        }

        // Zero-sized parts are allowed.
        options.method = SplitMethod::Random;
        options.train = 1;
        options.valid = 0;
        options.test = 0;
        auto all = DatasetSplitter::create(*project, "d", options);
        QVERIFY(all.ok());
        QCOMPARE(all->train, std::int64_t(1000));
        QCOMPARE(all->valid + all->test, std::int64_t(0));
    }

    void stratificationKeepsLabelProportions()
    {
        QTemporaryDir dir;
        auto project = projectWith(dir.filePath("p.chorus"), makePosts(1000));
        QVERIFY(project);
        SplitOptions options;
        options.train = 0.6;
        options.valid = 0.25;
        options.test = 0.15;
        options.stratifyTask = "class";
        for (std::uint64_t seed : {1ULL, 2ULL, 3ULL}) {
            options.seed = seed;
            auto info = DatasetSplitter::create(*project, "d", options);
            QVERIFY2(info.ok(), info.ok() ? "" : info.message().c_str());
            QCOMPARE(info->train, std::int64_t(600));
            QCOMPARE(info->valid, std::int64_t(250));
            QCOMPARE(info->test, std::int64_t(150));
            std::map<std::string, std::map<std::string, int>> perClass; // label ("" unlabelled) -> part -> n
            std::map<std::string, int> classSize;
            for (const Rows &r : rowsOf(*project, info->splitId)) {
                ++perClass[r.label][r.part];
                ++classSize[r.label];
            }
            QCOMPARE(classSize.size(), std::size_t(4));
            const std::map<std::string, double> ratio = {{"train", 0.6}, {"valid", 0.25}, {"test", 0.15}};
            for (const auto &[label, parts] : perClass) {
                for (const auto &[part, share] : ratio) {
                    const double expected = share * classSize[label];
                    const int actual = parts.count(part) ? parts.at(part) : 0;
                    QVERIFY2(std::abs(actual - expected) <= 1.0,
                             ("class '" + label + "' in " + part + ": " + std::to_string(actual) + " posts, expected " +
                              std::to_string(expected))
                                 .c_str());
                }
            }
            auto params = nlohmann::json::parse(*project->db().queryText(
                "SELECT params FROM splits WHERE id = " + std::to_string(info->splitId)));
            QCOMPARE(params["stratify"].get<std::string>(), std::string("class"));
            QCOMPARE(params["unlabelled"].get<int>(), classSize[""]);
        }

        // A task no post has is almost certainly a typo.
        options.stratifyTask = "sentiment";
        auto missing = DatasetSplitter::create(*project, "d", options);
        QVERIFY(!missing.ok());
        QVERIFY(missing.message().find("sentiment") != std::string::npos);
    }

    void timeSplitPutsTheOldestFirst()
    {
        QTemporaryDir dir;
        std::vector<PostSpec> posts = makePosts(500);
        for (int i = 0; i < 5; ++i)
            posts[static_cast<std::size_t>(i * 17)].createdAt.reset();
        auto project = projectWith(dir.filePath("p.chorus"), posts);
        QVERIFY(project);
        SplitOptions options;
        options.method = SplitMethod::Time;
        auto info = DatasetSplitter::create(*project, "d", options);
        QVERIFY(info.ok());
        QCOMPARE(info->total(), std::int64_t(500));
        std::map<std::string, std::pair<std::int64_t, std::int64_t>> range; // part -> (min, max)
        int undatedInTest = 0;
        for (const Rows &r : rowsOf(*project, info->splitId)) {
            if (!r.createdAt) {
                QCOMPARE(r.part, std::string("test"));
                ++undatedInTest;
                continue;
            }
            auto it = range.emplace(r.part, std::make_pair(*r.createdAt, *r.createdAt)).first;
            it->second.first = std::min(it->second.first, *r.createdAt);
            it->second.second = std::max(it->second.second, *r.createdAt);
        }
        QCOMPARE(undatedInTest, 5);
        QVERIFY(range["train"].second <= range["valid"].first);
        QVERIFY(range["valid"].first <= range["valid"].second);
        QVERIFY(range["valid"].second <= range["test"].first);
        QVERIFY(range["train"].first < range["test"].second);
        auto params = nlohmann::json::parse(*project->db().queryText("SELECT params FROM splits"));
        QCOMPARE(params["undated"].get<int>(), 5);
    }

    void userSplitKeepsEachAuthorInOnePart()
    {
        QTemporaryDir dir;
        auto project = projectWith(dir.filePath("p.chorus"), makePosts(2000, 150));
        QVERIFY(project);
        SplitOptions options;
        options.method = SplitMethod::User;
        for (std::uint64_t seed : {5ULL, 6ULL}) {
            options.seed = seed;
            auto info = DatasetSplitter::create(*project, "d", options);
            QVERIFY(info.ok());
            QCOMPARE(info->total(), std::int64_t(2000));
            std::map<std::string, std::set<std::string>> partsOfAuthor;
            for (const Rows &r : rowsOf(*project, info->splitId))
                if (!r.author.empty())
                    partsOfAuthor[r.author].insert(r.part);
            QCOMPARE(partsOfAuthor.size(), std::size_t(150));
            for (const auto &[author, parts] : partsOfAuthor)
                QVERIFY2(parts.size() == 1, (author + " is in more than one part").c_str());
            // 150 authors of ~12 posts plus ~180 single anonymous posts: the ratios hold roughly.
            QVERIFY2(std::abs(info->train - 1600) <= 60, std::to_string(info->train).c_str());
            QVERIFY(std::abs(info->valid - 200) <= 60);
            QVERIFY(std::abs(info->test - 200) <= 60);
        }
    }

    void badOptionsAreErrorsNamingTheField()
    {
        QTemporaryDir dir;
        auto project = projectWith(dir.filePath("p.chorus"), makePosts(50));
        QVERIFY(project);
        SplitOptions options;
        options.valid = -0.1;
        options.test = 0.3;
        auto negative = DatasetSplitter::create(*project, "d", options);
        QVERIFY(!negative.ok());
        QVERIFY2(negative.message().find("'valid'") != std::string::npos, negative.message().c_str());

        options = SplitOptions();
        options.test = std::numeric_limits<double>::quiet_NaN();
        QVERIFY(options.validate().message().find("'test'") != std::string::npos);

        options = SplitOptions();
        options.train = 0.9; // 0.9 + 0.1 + 0.1
        const std::string sum = options.validate().message();
        QVERIFY2(sum.find("sum to 1") != std::string::npos && sum.find("train 0.9") != std::string::npos, sum.c_str());

        options = SplitOptions();
        options.train = 0.8 + 1e-7; // within the tolerance
        QVERIFY(options.validate().ok());

        options = SplitOptions();
        options.method = SplitMethod::Time;
        options.stratifyTask = "class";
        QVERIFY(options.validate().message().find("random") != std::string::npos);

        QCOMPARE(*project->db().queryInt("SELECT count(*) FROM splits"), std::int64_t(0));

        auto unknown = DatasetSplitter::create(*project, "nope", SplitOptions());
        QVERIFY(!unknown.ok());
        QVERIFY(unknown.message().find("nope") != std::string::npos);
        QVERIFY(project->ensureDataset("empty").ok());
        auto empty = DatasetSplitter::create(*project, "empty", SplitOptions());
        QVERIFY(!empty.ok());
        QVERIFY(empty.message().find("no posts") != std::string::npos);
        QVERIFY(!DatasetSplitter::latest(*project, "empty").ok());
        QVERIFY(!DatasetSplitter::counts(*project, 12345).ok());
        QVERIFY(!DatasetSplitter::parseMethod("temporal").ok());
        QVERIFY(*DatasetSplitter::parseMethod("user") == SplitMethod::User);
    }

    void storedRowsDescribeTheSplit()
    {
        QTemporaryDir dir;
        auto project = projectWith(dir.filePath("p.chorus"), makePosts(120));
        QVERIFY(project);
        SplitOptions options;
        options.seed = 18446744073709551615ULL; // the whole uint64 range survives JSON
        options.train = 0.5;
        options.valid = 0.3;
        options.test = 0.2;
        auto first = DatasetSplitter::create(*project, "d", options);
        options.method = SplitMethod::User;
        auto second = DatasetSplitter::create(*project, "d", options);
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(*DatasetSplitter::latest(*project, "d"), second->splitId);

        QCOMPARE(*project->db().queryText("SELECT method FROM splits WHERE id = " + std::to_string(first->splitId)),
                 std::string("random"));
        QCOMPARE(*project->db().queryText("SELECT method FROM splits WHERE id = " + std::to_string(second->splitId)),
                 std::string("user"));
        auto params = nlohmann::json::parse(
            *project->db().queryText("SELECT params FROM splits WHERE id = " + std::to_string(first->splitId)));
        QCOMPARE(params["seed"].get<std::uint64_t>(), options.seed);
        QCOMPARE(params["ratios"]["train"].get<double>(), 0.5);
        QCOMPARE(params["ratios"]["valid"].get<double>(), 0.3);
        QCOMPARE(params["ratios"]["test"].get<double>(), 0.2);
        QVERIFY(params["stratify"].is_null());

        QCOMPARE(*project->db().queryInt("SELECT count(*) FROM split_assignments WHERE split_id = " +
                                         std::to_string(first->splitId)),
                 std::int64_t(120));
        auto counted = DatasetSplitter::counts(*project, first->splitId);
        QVERIFY(counted.ok());
        QCOMPARE(counted->train, std::int64_t(60));
        QCOMPARE(counted->valid, std::int64_t(36));
        QCOMPARE(counted->test, std::int64_t(24));
        QCOMPARE(counted->train, first->train);

        std::set<std::int64_t> seen;
        for (SplitPart part : {SplitPart::Train, SplitPart::Valid, SplitPart::Test}) {
            auto ids = DatasetSplitter::postIds(*project, first->splitId, part);
            QVERIFY(ids.ok());
            for (std::int64_t id : *ids)
                QVERIFY(seen.insert(id).second);
        }
        QCOMPARE(seen.size(), std::size_t(120));
    }
};

QTEST_GUILESS_MAIN(SplitsTest)
#include "tst_splits.moc"
