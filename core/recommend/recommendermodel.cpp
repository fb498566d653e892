#include "core/recommend/recommendermodel.h"

#include "core/recommend/contentrecommender.h"
#include "core/recommend/hybridrecommender.h"
#include "core/recommend/mfrecommender.h"
#include "core/recommend/recommenderfactory.h"
#include "core/store/project.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <type_traits>

namespace chorus {
namespace {

namespace fs = std::filesystem;

constexpr int kFormat = 1;

std::string formatNumber(double value)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return buffer;
}

// Metadata cells must not break the TSV: tabs and line breaks become spaces.
std::string tsvCell(std::string text)
{
    for (char &c : text)
        if (c == '\t' || c == '\n' || c == '\r')
            c = ' ';
    return text;
}

Status writeVectors(const fs::path &path, const std::vector<double> &values, std::size_t width)
{
    std::ofstream out(path, std::ios::binary);
    if (!out)
        return Error{"cannot write " + path.string()};
    for (std::size_t i = 0; i < values.size(); ++i) {
        out << formatNumber(values[i]);
        out << ((i + 1) % width == 0 ? '\n' : '\t');
    }
    out.close();
    if (!out)
        return Error{"cannot write " + path.string()};
    return Status::success();
}

Result<std::vector<double>> readVectors(const fs::path &path, std::size_t rows, std::size_t width)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{"cannot open " + path.string()};
    std::vector<double> values;
    values.reserve(rows * width);
    std::string line;
    std::size_t lineNumber = 0;
    while (std::getline(in, line)) {
        ++lineNumber;
        const char *cursor = line.c_str();
        for (std::size_t d = 0; d < width; ++d) {
            char *end = nullptr;
            errno = 0;
            const double value = std::strtod(cursor, &end);
            if (end == cursor || errno == ERANGE)
                return Error{path.string() + ":" + std::to_string(lineNumber) + ": expected " +
                             std::to_string(width) + " numbers"};
            values.push_back(value);
            cursor = end;
        }
    }
    if (values.size() != rows * width)
        return Error{path.string() + ": expected " + std::to_string(rows) + " rows of " + std::to_string(width) +
                     " numbers"};
    return values;
}

std::string quoted(const std::string &text)
{
    return "\u201c" + text + "\u201d";
}

} // namespace

Result<ItemCatalogue> ItemCatalogue::load(Project &project, std::int64_t datasetId)
{
    ItemCatalogue catalogue;
    auto texts = ContentRecommender::loadItemTexts(project, datasetId);
    if (!texts)
        return texts.error();
    catalogue.texts = std::move(*texts);
    auto select = project.db().prepare("SELECT source_id, coalesce(title, '') FROM items WHERE dataset_id = ?");
    if (!select)
        return select.error();
    select->bind(1, datasetId);
    while (select->step())
        catalogue.titles[select->text(0)] = select->text(1);
    if (select->failed())
        return Error{"cannot read the items of dataset " + std::to_string(datasetId) + ": " + select->lastError()};
    return catalogue;
}

Result<RecommenderModel> RecommenderModel::fit(const std::string &family, const nlohmann::json &params,
                                               std::uint64_t seed, InteractionMatrix matrix, ItemCatalogue catalogue,
                                               const MfRecommender::IterationObserver &observer)
{
    RecommenderModel model;
    model.m_family = family;
    model.m_params = params;
    model.m_seed = seed;
    model.m_matrix = std::move(matrix);
    for (int c = 0; c < model.m_matrix.items(); ++c) {
        const std::string &key = model.m_matrix.itemKey(c);
        auto title = catalogue.titles.find(key);
        auto text = catalogue.texts.find(key);
        model.m_titles.push_back(title == catalogue.titles.end() ? std::string() : title->second);
        model.m_texts.push_back(text == catalogue.texts.end() ? std::string() : text->second);
    }
    if (Status s = model.build(nullptr, nullptr, observer); !s.ok())
        return s.error();
    return model;
}

Status RecommenderModel::build(const std::vector<double> *userFactors, const std::vector<double> *itemFactors,
                               const MfRecommender::IterationObserver &observer)
{
    std::unordered_map<std::string, std::string> texts;
    for (int c = 0; c < m_matrix.items(); ++c)
        if (!m_texts[static_cast<std::size_t>(c)].empty())
            texts[m_matrix.itemKey(c)] = m_texts[static_cast<std::size_t>(c)];
    auto made = RecommenderFactory::make(m_family, m_params, m_seed, texts);
    if (!made)
        return made.error();
    m_recommender = std::move(*made);
    if (!userFactors) {
        if (MfRecommender *mf = factorModelOf(*m_recommender); mf && observer)
            mf->setIterationObserver(observer);
        return m_recommender->fit(m_matrix);
    }

    // Restoring: the factor model takes its saved factors, everything else is recomputed.
    MfRecommender *mf = factorModelOf(*m_recommender);
    if (!mf)
        return Error{"saved factors, but " + m_family + " has no factor model"};
    if (Status s = mf->restore(m_matrix, *userFactors, *itemFactors); !s.ok())
        return s;
    if (auto *hybrid = dynamic_cast<HybridRecommender *>(m_recommender.get())) {
        for (std::size_t i = 0; i < hybrid->components(); ++i)
            if (&hybrid->component(i) != mf)
                if (Status s = hybrid->component(i).fit(m_matrix); !s.ok())
                    return s;
        return hybrid->restore(m_matrix);
    }
    return Status::success();
}

Status RecommenderModel::save(const std::string &directory) const
{
    if (!m_recommender)
        return Error{"nothing to save: the model is not fitted"};
    const fs::path dir(directory);
    std::error_code error;
    fs::create_directories(dir, error);
    if (error)
        return Error{"cannot create " + directory + ": " + error.message()};

    const MfRecommender *mf = factorModelOf(*m_recommender);
    const nlohmann::json header = {{"format", kFormat},
                                   {"family", m_family},
                                   {"params", m_params},
                                   {"seed", m_seed},
                                   {"users", m_matrix.users()},
                                   {"items", m_matrix.items()},
                                   {"cells", m_matrix.nonZeros()},
                                   {"factors", mf ? mf->factors() : 0},
                                   {"name", m_recommender->name()}};
    {
        std::ofstream out(dir / "users.txt", std::ios::binary);
        for (std::int64_t id : m_matrix.userIds())
            out << id << '\n';
        std::ofstream items(dir / "items.jsonl", std::ios::binary);
        for (int c = 0; c < m_matrix.items(); ++c)
            items << nlohmann::json{{"item", m_matrix.itemKey(c)},
                                    {"title", m_titles[static_cast<std::size_t>(c)]},
                                    {"text", m_texts[static_cast<std::size_t>(c)]}}
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                  << '\n';
        std::ofstream cells(dir / "cells.tsv", std::ios::binary);
        for (const InteractionCell &cell : m_matrix.cells())
            cells << cell.row << '\t' << cell.col << '\t' << formatNumber(cell.weight) << '\t' << cell.lastAt << '\n';
        if (!out || !items || !cells)
            return Error{"cannot write the model into " + directory};
    }
    if (mf) {
        const auto f = static_cast<std::size_t>(mf->factors());
        if (Status s = writeVectors(dir / "user-vectors.tsv", mf->userFactors(), f); !s.ok())
            return s;
        if (Status s = writeVectors(dir / "item-vectors.tsv", mf->itemFactors(), f); !s.ok())
            return s;
        std::ofstream users(dir / "user-metadata.tsv", std::ios::binary);
        users << "user\tname\titems\n";
        for (int r = 0; r < m_matrix.users(); ++r)
            users << m_matrix.userId(r) << '\t' << tsvCell(userName(m_matrix.userId(r))) << '\t' << m_matrix.rowSize(r)
                  << '\n';
        std::ofstream items(dir / "item-metadata.tsv", std::ios::binary);
        items << "item\ttitle\tusers\n";
        for (int c = 0; c < m_matrix.items(); ++c)
            items << tsvCell(m_matrix.itemKey(c)) << '\t' << tsvCell(itemTitle(c)) << '\t' << m_matrix.colSize(c)
                  << '\n';
        if (!users || !items)
            return Error{"cannot write the projector metadata into " + directory};
    }
    // The header last: a folder without it is an interrupted save, which load() refuses.
    std::ofstream out(dir / "model.json", std::ios::binary);
    out << header.dump(2) << '\n';
    out.close();
    if (!out)
        return Error{"cannot write " + (dir / "model.json").string()};
    return Status::success();
}

Result<RecommenderModel> RecommenderModel::load(const std::string &directory)
{
    const fs::path dir(directory);
    std::ifstream headerFile(dir / "model.json", std::ios::binary);
    if (!headerFile)
        return Error{"no saved recommender in " + directory + " (model.json is missing)"};
    const nlohmann::json header = nlohmann::json::parse(headerFile, nullptr, false);
    if (!header.is_object() || header.value("format", 0) != kFormat || !header.contains("family"))
        return Error{(dir / "model.json").string() + ": not a recommender model of format " + std::to_string(kFormat)};

    RecommenderModel model;
    try {
        model.m_family = header.at("family").get<std::string>();
        model.m_params = header.at("params");
        model.m_seed = header.at("seed").get<std::uint64_t>();
        const auto users = header.at("users").get<std::size_t>();
        const auto items = header.at("items").get<std::size_t>();
        const auto factors = header.at("factors").get<std::size_t>();

        std::vector<std::int64_t> userIds;
        std::ifstream usersFile(dir / "users.txt", std::ios::binary);
        for (std::int64_t id = 0; usersFile >> id;)
            userIds.push_back(id);
        std::vector<std::string> itemKeys;
        std::ifstream itemsFile(dir / "items.jsonl", std::ios::binary);
        for (std::string line; std::getline(itemsFile, line);) {
            const nlohmann::json item = nlohmann::json::parse(line);
            itemKeys.push_back(item.at("item").get<std::string>());
            model.m_titles.push_back(item.value("title", ""));
            model.m_texts.push_back(item.value("text", ""));
        }
        if (userIds.size() != users || itemKeys.size() != items)
            return Error{directory + ": users.txt or items.jsonl do not match model.json"};
        std::vector<InteractionCell> cells;
        std::ifstream cellsFile(dir / "cells.tsv", std::ios::binary);
        for (std::string line; std::getline(cellsFile, line);) {
            std::istringstream fields(line);
            InteractionCell cell;
            std::string weight;
            if (!(fields >> cell.row >> cell.col >> weight >> cell.lastAt) || cell.row < 0 ||
                static_cast<std::size_t>(cell.row) >= users || cell.col < 0 || static_cast<std::size_t>(cell.col) >= items)
                // NOLINTNEXTLINE(performance-inefficient-string-concatenation): once, on the way out of the loop
                return Error{directory + "/cells.tsv: a damaged line: " + line};
            cell.weight = std::strtod(weight.c_str(), nullptr);
            cells.push_back(cell);
        }
        if (cells.size() != header.at("cells").get<std::size_t>())
            return Error{directory + "/cells.tsv does not match model.json"};
        model.m_matrix = InteractionMatrix::fromCells(std::move(userIds), std::move(itemKeys), std::move(cells));

        if (factors > 0) {
            auto userFactors = readVectors(dir / "user-vectors.tsv", users, factors);
            if (!userFactors)
                return userFactors.error();
            auto itemFactors = readVectors(dir / "item-vectors.tsv", items, factors);
            if (!itemFactors)
                return itemFactors.error();
            if (Status s = model.build(&*userFactors, &*itemFactors); !s.ok())
                return Error{directory + ": " + s.message()};
        } else if (Status s = model.build(nullptr, nullptr); !s.ok()) {
            return Error{directory + ": " + s.message()};
        }
    } catch (const nlohmann::json::exception &e) {
        return Error{directory + ": damaged model files: " + e.what()};
    }
    return model;
}

Result<std::string> RecommenderModel::runDirectory(Project &project, std::int64_t runId)
{
    auto select = project.db().prepare(
        "SELECT c.path, r.model FROM runs r LEFT JOIN checkpoints c ON c.run_id = r.id WHERE r.id = ?"
        " ORDER BY c.step DESC, c.id DESC LIMIT 1");
    if (!select)
        return select.error();
    select->bind(1, runId);
    if (!select->step())
        return Error{"no run with id " + std::to_string(runId)};
    if (!RecommenderFactory::isFamily(select->text(1)))
        return Error{"run " + std::to_string(runId) + " is a " + select->text(1) + " run, not a recommender"};
    if (select->isNull(0))
        return Error{"run " + std::to_string(runId) + " has no saved model (it did not finish)"};
    return fs::path(select->text(0)).parent_path().string();
}

Result<RecommenderModel> RecommenderModel::loadRun(Project &project, std::int64_t runId)
{
    auto directory = runDirectory(project, runId);
    if (!directory)
        return directory.error();
    auto model = load(*directory);
    if (!model)
        return model.error();
    if (Status s = model->loadUserNames(project); !s.ok())
        return s.error();
    return model;
}

Status RecommenderModel::loadUserNames(Project &project)
{
    auto select = project.db().prepare(
        "SELECT id, coalesce(nullif(name, ''), nullif(pseudonym, ''), source_id) FROM users");
    if (!select)
        return select.error();
    m_userNames.clear();
    while (select->step()) {
        const std::int64_t id = select->int64(0);
        if (m_matrix.rowOf(id))
            m_userNames[id] = select->text(1);
    }
    if (select->failed())
        return Error{"cannot read the users: " + select->lastError()};
    return Status::success();
}

std::string RecommenderModel::userName(std::int64_t userId) const
{
    auto found = m_userNames.find(userId);
    return found != m_userNames.end() ? found->second : "user " + std::to_string(userId);
}

std::string RecommenderModel::itemTitle(int column) const
{
    if (column < 0 || column >= m_matrix.items())
        return {};
    const std::string &title = m_titles[static_cast<std::size_t>(column)];
    return title.empty() ? m_matrix.itemKey(column) : title;
}

std::string RecommenderModel::describe(const RecommendationReason &reason) const
{
    std::string text;
    const auto join = [&text](const std::string &part, bool first) { text += (first ? "" : ", ") + part; };
    switch (reason.kind) {
    case RecommendationReason::Kind::SimilarUsers:
        text = "users like you: ";
        for (std::size_t i = 0; i < reason.users.size(); ++i)
            join(userName(reason.users[i]), i == 0);
        return text;
    case RecommendationReason::Kind::SimilarItems:
        text = "similar to ";
        for (std::size_t i = 0; i < reason.items.size(); ++i)
            join(quoted(itemTitle(reason.items[i])), i == 0);
        return text + " you liked";
    case RecommendationReason::Kind::SharedTerms:
        text = "content: shared terms ";
        for (std::size_t i = 0; i < reason.terms.size(); ++i)
            join(reason.terms[i], i == 0);
        return text;
    case RecommendationReason::Kind::Popular:
        break;
    }
    return "popular: " + std::to_string(reason.popularity) + (reason.popularity == 1 ? " user" : " users");
}

Result<std::vector<RecommendedItem>> RecommenderModel::recommend(std::int64_t userId, int k) const
{
    if (!m_recommender)
        return Error{"the model is not fitted"};
    const std::optional<int> row = m_matrix.rowOf(userId);
    if (!row)
        return Error{"user " + std::to_string(userId) + " has no interactions in the data this model learned from"};
    std::vector<RecommendedItem> list;
    for (const ScoredItem &scored : m_recommender->recommend(*row, k, true)) {
        RecommendedItem item;
        item.item = m_matrix.itemKey(scored.item);
        item.title = m_titles[static_cast<std::size_t>(scored.item)];
        item.score = scored.score;
        item.reason = m_recommender->explain(*row, scored.item);
        item.because = describe(item.reason);
        list.push_back(std::move(item));
    }
    return list;
}

Result<std::vector<HistoryItem>> RecommenderModel::history(std::int64_t userId) const
{
    const std::optional<int> row = m_matrix.rowOf(userId);
    if (!row)
        return Error{"user " + std::to_string(userId) + " has no interactions in the data this model learned from"};
    std::vector<HistoryItem> items;
    for (std::size_t e = m_matrix.rowBegin(*row); e < m_matrix.rowEnd(*row); ++e) {
        const int col = m_matrix.rowItems()[e];
        items.push_back({m_matrix.itemKey(col), m_titles[static_cast<std::size_t>(col)], m_matrix.rowWeights()[e],
                         m_matrix.rowTimes()[e]});
    }
    std::stable_sort(items.begin(), items.end(), [](const HistoryItem &a, const HistoryItem &b) {
        return a.lastAt > b.lastAt || (a.lastAt == b.lastAt && a.item < b.item);
    });
    return items;
}

std::vector<RecommenderUser> RecommenderModel::users() const
{
    std::vector<RecommenderUser> list;
    list.reserve(static_cast<std::size_t>(m_matrix.users()));
    for (int r = 0; r < m_matrix.users(); ++r)
        list.push_back({m_matrix.userId(r), userName(m_matrix.userId(r)), static_cast<int>(m_matrix.rowSize(r))});
    return list;
}

} // namespace chorus
