#include "core/split/datasetsplitter.h"

#include "core/store/project.h"
#include "core/util/deterministicrandom.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

namespace chorus {
namespace {

constexpr double kRatioTolerance = 1e-6;

std::string formatRatio(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

// Post ids in their final order plus where train and valid end in it.
struct Ordering {
    std::vector<std::int64_t> ids;
    std::vector<SplitPart> parts; // filled by the user split, which assigns whole groups itself
    nlohmann::json extraParams = nlohmann::json::object();
};

struct Cuts {
    std::size_t trainEnd = 0;
    std::size_t validEnd = 0;
};

Cuts cutsFor(std::size_t n, const SplitOptions &options)
{
    const auto total = static_cast<double>(n);
    Cuts cuts;
    cuts.trainEnd = std::min<std::size_t>(n, static_cast<std::size_t>(std::llround(total * options.train)));
    cuts.validEnd = std::min<std::size_t>(
        n, std::max<std::size_t>(cuts.trainEnd,
                                 static_cast<std::size_t>(std::llround(total * (options.train + options.valid)))));
    return cuts;
}

Result<std::vector<std::int64_t>> queryIds(SqliteStatement &select)
{
    std::vector<std::int64_t> ids;
    while (select.step())
        ids.push_back(select.int64(0));
    if (select.failed())
        return Error{select.lastError()};
    return ids;
}

Result<Ordering> randomOrdering(Project &project, std::int64_t datasetId, const SplitOptions &options)
{
    // Source ids, not row ids: row ids depend on the order posts were imported in.
    auto select = project.db().prepare("SELECT id FROM posts WHERE dataset_id = ? ORDER BY source_id");
    if (!select)
        return select.error();
    select->bind(1, datasetId);
    auto ids = queryIds(*select);
    if (!ids)
        return ids.error();
    DeterministicRandom random(options.seed);
    random.shuffle(*ids);
    Ordering ordering;
    ordering.ids = std::move(*ids);
    return ordering;
}

Result<Ordering> stratifiedOrdering(Project &project, std::int64_t datasetId, const std::string &datasetName,
                                    const SplitOptions &options)
{
    auto select = project.db().prepare(
        "SELECT p.id, l.value FROM posts p LEFT JOIN labels l ON l.post_id = p.id AND l.task = ?"
        " WHERE p.dataset_id = ? ORDER BY p.source_id");
    if (!select)
        return select.error();
    select->bind(1, options.stratifyTask).bind(2, datasetId);
    std::map<std::string, std::vector<std::int64_t>> labelled; // ordered by value: a fixed stratum order
    std::vector<std::int64_t> unlabelled;
    while (select->step()) {
        if (select->isNull(1))
            unlabelled.push_back(select->int64(0));
        else
            labelled[select->text(1)].push_back(select->int64(0));
    }
    if (select->failed())
        return Error{select->lastError()};
    if (labelled.empty())
        return Error{"cannot stratify by '" + options.stratifyTask + "': no post of dataset '" + datasetName +
                     "' has a label for that task"};

    std::vector<std::vector<std::int64_t>> strata;
    nlohmann::json sizes = nlohmann::json::object();
    for (auto &[value, ids] : labelled) {
        sizes[value] = ids.size();
        strata.push_back(std::move(ids));
    }
    if (!unlabelled.empty())
        strata.push_back(std::move(unlabelled));

    // Member i of a stratum of m posts sits at (2i + 1) / 2m of the way through the ordering, so
    // every prefix of the ordering (every part) holds each stratum in proportion. Fractions are
    // compared exactly by cross-multiplying.
    struct Entry {
        std::int64_t numerator;
        std::int64_t denominator;
        std::size_t stratum;
        std::int64_t id;
    };
    std::vector<Entry> entries;
    DeterministicRandom random(options.seed);
    for (std::size_t s = 0; s < strata.size(); ++s) {
        random.shuffle(strata[s]);
        const auto m = static_cast<std::int64_t>(strata[s].size());
        for (std::int64_t i = 0; i < m; ++i)
            entries.push_back({2 * i + 1, 2 * m, s, strata[s][static_cast<std::size_t>(i)]});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        const std::int64_t left = a.numerator * b.denominator, right = b.numerator * a.denominator;
        if (left != right)
            return left < right;
        return a.stratum < b.stratum;
    });
    Ordering ordering;
    ordering.ids.reserve(entries.size());
    for (const Entry &e : entries)
        ordering.ids.push_back(e.id);
    ordering.extraParams["strata"] = sizes;
    ordering.extraParams["unlabelled"] = strata.size() > labelled.size() ? strata.back().size() : 0;
    return ordering;
}

Result<Ordering> timeOrdering(Project &project, std::int64_t datasetId)
{
    auto select = project.db().prepare("SELECT id, created_at IS NULL FROM posts WHERE dataset_id = ?"
                                       " ORDER BY created_at IS NULL, created_at, source_id");
    if (!select)
        return select.error();
    select->bind(1, datasetId);
    Ordering ordering;
    std::int64_t undated = 0;
    while (select->step()) {
        ordering.ids.push_back(select->int64(0));
        undated += select->int64(1);
    }
    if (select->failed())
        return Error{select->lastError()};
    ordering.extraParams["undated"] = undated;
    return ordering;
}

Result<Ordering> userOrdering(Project &project, std::int64_t datasetId, const SplitOptions &options)
{
    // Authors by their stable source id; a post without an author is a group of its own.
    auto select = project.db().prepare(
        "SELECT p.id, u.source_id FROM posts p LEFT JOIN users u ON u.id = p.author_id WHERE p.dataset_id = ?"
        " ORDER BY u.source_id IS NULL, u.source_id, p.source_id");
    if (!select)
        return select.error();
    select->bind(1, datasetId);
    std::vector<std::vector<std::int64_t>> groups;
    std::string previousAuthor;
    bool previousHadAuthor = false;
    std::int64_t anonymous = 0;
    while (select->step()) {
        const bool hasAuthor = !select->isNull(1);
        std::string author = hasAuthor ? select->text(1) : std::string();
        if (!hasAuthor || !previousHadAuthor || author != previousAuthor)
            groups.emplace_back();
        groups.back().push_back(select->int64(0));
        anonymous += hasAuthor ? 0 : 1;
        previousHadAuthor = hasAuthor;
        previousAuthor = std::move(author);
    }
    if (select->failed())
        return Error{select->lastError()};

    DeterministicRandom random(options.seed);
    random.shuffle(groups);
    std::size_t total = 0;
    for (const auto &group : groups)
        total += group.size();
    const double trainEnd = static_cast<double>(total) * options.train;
    const double validEnd = static_cast<double>(total) * (options.train + options.valid);

    Ordering ordering;
    double before = 0;
    for (const auto &group : groups) {
        // The part where the middle of the group falls: over many groups the post counts track
        // the ratios, and a part never receives a group it could hold less than half of.
        const double middle = before + static_cast<double>(group.size()) / 2.0;
        const SplitPart part = middle < trainEnd   ? SplitPart::Train
                               : middle < validEnd ? SplitPart::Valid
                                                   : SplitPart::Test;
        for (std::int64_t id : group) {
            ordering.ids.push_back(id);
            ordering.parts.push_back(part);
        }
        before += static_cast<double>(group.size());
    }
    ordering.extraParams["groups"] = groups.size();
    ordering.extraParams["postsWithoutAuthor"] = anonymous;
    return ordering;
}

} // namespace

Status SplitOptions::validate() const
{
    const std::pair<const char *, double> ratios[] = {{"train", train}, {"valid", valid}, {"test", test}};
    for (const auto &[name, value] : ratios) {
        if (!std::isfinite(value))
            return Error{std::string("split ratio '") + name + "' is not a number"};
        if (value < 0 || value > 1)
            return Error{std::string("split ratio '") + name + "' must be between 0 and 1, got " + formatRatio(value)};
    }
    const double sum = train + valid + test;
    if (std::fabs(sum - 1.0) > kRatioTolerance)
        return Error{"split ratios must sum to 1: train " + formatRatio(train) + " + valid " + formatRatio(valid) +
                     " + test " + formatRatio(test) + " = " + formatRatio(sum)};
    if (!stratifyTask.empty() && method != SplitMethod::Random)
        return Error{std::string("stratification (by '") + stratifyTask + "') applies to random splits only, not to " +
                     DatasetSplitter::methodName(method) + " splits"};
    return {};
}

const char *DatasetSplitter::methodName(SplitMethod method)
{
    switch (method) {
    case SplitMethod::Random:
        return "random";
    case SplitMethod::Time:
        return "time";
    case SplitMethod::User:
        return "user";
    }
    return "random";
}

Result<SplitMethod> DatasetSplitter::parseMethod(const std::string &name)
{
    for (SplitMethod method : {SplitMethod::Random, SplitMethod::Time, SplitMethod::User})
        if (name == methodName(method))
            return method;
    return Error{"unknown split method '" + name + "' (expected random, time or user)"};
}

const char *DatasetSplitter::partName(SplitPart part)
{
    switch (part) {
    case SplitPart::Train:
        return "train";
    case SplitPart::Valid:
        return "valid";
    case SplitPart::Test:
        return "test";
    }
    return "train";
}

Result<SplitInfo> DatasetSplitter::create(Project &project, const std::string &datasetName, const SplitOptions &options)
{
    if (Status valid = options.validate(); !valid.ok())
        return valid.error();
    const auto datasetId = project.datasetId(datasetName);
    if (!datasetId)
        return Error{"no dataset named '" + datasetName + "' in the project"};
    auto postCount = project.db().prepare("SELECT count(*) FROM posts WHERE dataset_id = ?1");
    if (!postCount)
        return postCount.error();
    postCount->bind(1, *datasetId);
    if (!postCount->step())
        return Error{postCount->lastError()};
    if (postCount->int64(0) == 0)
        return Error{"dataset '" + datasetName + "' has no posts to split"};

    Result<Ordering> ordering = Error{};
    switch (options.method) {
    case SplitMethod::Random:
        ordering = options.stratifyTask.empty() ? randomOrdering(project, *datasetId, options)
                                                : stratifiedOrdering(project, *datasetId, datasetName, options);
        break;
    case SplitMethod::Time:
        ordering = timeOrdering(project, *datasetId);
        break;
    case SplitMethod::User:
        ordering = userOrdering(project, *datasetId, options);
        break;
    }
    if (!ordering)
        return Error{"cannot split dataset '" + datasetName + "': " + ordering.message()};
    if (ordering->parts.empty()) {
        const Cuts cuts = cutsFor(ordering->ids.size(), options);
        ordering->parts.reserve(ordering->ids.size());
        for (std::size_t i = 0; i < ordering->ids.size(); ++i)
            ordering->parts.push_back(i < cuts.trainEnd ? SplitPart::Train
                                      : i < cuts.validEnd ? SplitPart::Valid
                                                          : SplitPart::Test);
    }

    nlohmann::json params = ordering->extraParams;
    params["ratios"] = {{"train", options.train}, {"valid", options.valid}, {"test", options.test}};
    params["seed"] = options.seed;
    params["stratify"] = options.stratifyTask.empty() ? nlohmann::json(nullptr) : nlohmann::json(options.stratifyTask);

    SqliteDatabase &db = project.db();
    SqliteTransaction tx(db);
    if (!tx.begun().ok())
        return Error{"cannot write the split: " + tx.begun().message()};
    auto insertSplit = db.prepare("INSERT INTO splits(dataset_id, method, params) VALUES (?, ?, ?)");
    if (!insertSplit)
        return insertSplit.error();
    insertSplit->bind(1, *datasetId).bind(2, methodName(options.method)).bind(3, params.dump());
    if (!insertSplit->exec())
        return Error{"cannot store the split: " + insertSplit->lastError()};
    SplitInfo info;
    info.splitId = db.lastInsertRowId();
    auto insertPart = db.prepare("INSERT INTO split_assignments(split_id, post_id, part) VALUES (?, ?, ?)");
    if (!insertPart)
        return insertPart.error();
    for (std::size_t i = 0; i < ordering->ids.size(); ++i) {
        const SplitPart part = ordering->parts[i];
        insertPart->bind(1, info.splitId).bind(2, ordering->ids[i]).bind(3, partName(part));
        if (!insertPart->exec())
            return Error{"cannot store the split: " + insertPart->lastError()};
        (part == SplitPart::Train ? info.train : part == SplitPart::Valid ? info.valid : info.test) += 1;
    }
    if (Status committed = tx.commit(); !committed.ok())
        return Error{"cannot store the split: " + committed.message()};
    return info;
}

Result<std::int64_t> DatasetSplitter::latest(Project &project, const std::string &datasetName)
{
    const auto datasetId = project.datasetId(datasetName);
    if (!datasetId)
        return Error{"no dataset named '" + datasetName + "' in the project"};
    auto select = project.db().prepare("SELECT id FROM splits WHERE dataset_id = ? ORDER BY id DESC LIMIT 1");
    if (!select)
        return select.error();
    select->bind(1, *datasetId);
    if (select->step())
        return select->int64(0);
    if (select->failed())
        return Error{select->lastError()};
    return Error{"dataset '" + datasetName + "' has not been split yet"};
}

Result<SplitInfo> DatasetSplitter::counts(Project &project, std::int64_t splitId)
{
    auto exists = project.db().prepare("SELECT count(*) FROM splits WHERE id = ?1");
    if (!exists)
        return exists.error();
    exists->bind(1, splitId);
    if (!exists->step())
        return Error{exists->lastError()};
    if (exists->int64(0) == 0)
        return Error{"no split with id " + std::to_string(splitId)};
    auto select = project.db().prepare("SELECT part, count(*) FROM split_assignments WHERE split_id = ? GROUP BY part");
    if (!select)
        return select.error();
    select->bind(1, splitId);
    SplitInfo info;
    info.splitId = splitId;
    while (select->step()) {
        const std::string part = select->text(0);
        const std::int64_t n = select->int64(1);
        if (part == "train")
            info.train = n;
        else if (part == "valid")
            info.valid = n;
        else
            info.test = n;
    }
    if (select->failed())
        return Error{select->lastError()};
    return info;
}

Result<std::vector<std::int64_t>> DatasetSplitter::postIds(Project &project, std::int64_t splitId, SplitPart part)
{
    auto select = project.db().prepare(
        "SELECT post_id FROM split_assignments WHERE split_id = ? AND part = ? ORDER BY post_id");
    if (!select)
        return select.error();
    select->bind(1, splitId).bind(2, partName(part));
    return queryIds(*select);
}

} // namespace chorus
