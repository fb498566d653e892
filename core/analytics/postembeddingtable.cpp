#include "core/analytics/postembeddingtable.h"

#include "core/analytics/lsa.h"
#include "core/split/datasetsplitter.h"
#include "core/store/project.h"

#include <ctime>
#include <map>
#include <unordered_map>

namespace chorus {
namespace {

std::string dayOf(std::int64_t seconds)
{
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &utc);
    return buffer;
}

// The first `characters` code points of a text, newlines flattened, so a label stays one line.
std::string shortLabel(const std::string &text, std::size_t characters)
{
    std::string out;
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size() && count < characters;) {
        std::size_t length = 1;
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0xF0)
            length = 4;
        else if (c >= 0xE0)
            length = 3;
        else if (c >= 0xC0)
            length = 2;
        if (text[i] == '\n' || text[i] == '\r' || text[i] == '\t')
            out += ' ';
        else
            out.append(text, i, length);
        i += length;
        ++count;
    }
    if (count == characters && out.size() < text.size())
        out += "…";
    return out;
}

} // namespace

Result<ProjectorTable> postEmbeddingTable(Project &project, const std::string &dataset,
                                          const PostEmbeddingTableOptions &options, const TopicProgress &progress)
{
    auto corpus = TopicCorpus::load(project, dataset, {}, progress);
    if (!corpus)
        return corpus.error();
    if (corpus->size() < 2)
        return Error{"dataset '" + dataset + "': fewer than two posts with words to place"};
    if (progress && !progress("lsa", 0))
        return Error{"cancelled"};
    LsaOptions lsaOptions;
    lsaOptions.dimensions = options.dimensions;
    lsaOptions.seed = options.seed;
    auto lsa = latentSemanticAnalysis(*corpus, lsaOptions);
    if (!lsa)
        return lsa.error();

    const std::vector<std::int64_t> &postIds = corpus->postIds();
    std::unordered_map<std::int64_t, std::size_t> rowOf;
    rowOf.reserve(postIds.size());
    for (std::size_t i = 0; i < postIds.size(); ++i)
        rowOf.emplace(postIds[i], i);

    ProjectorTable table;
    table.rows = lsa->embedding.rows;
    table.dimensions = lsa->embedding.dimensions;
    table.matrix = std::move(lsa->embedding.values);
    table.columns = {"text", "author", "day"};
    table.values.assign(3, std::vector<std::string>(table.rows));

    auto posts = project.db().prepare(
        "SELECT p.id, p.text, p.created_at, COALESCE(u.pseudonym, u.name, u.source_id, '')"
        " FROM posts p LEFT JOIN users u ON u.id = p.author_id WHERE p.dataset_id = ?1");
    if (!posts)
        return posts.error();
    posts->bind(1, corpus->datasetId());
    while (posts->step()) {
        auto found = rowOf.find(posts->int64(0));
        if (found == rowOf.end())
            continue;
        table.values[0][found->second] = shortLabel(posts->text(1), options.labelCharacters);
        table.values[1][found->second] = posts->text(3);
        if (!posts->isNull(2))
            table.values[2][found->second] = dayOf(posts->int64(2));
    }
    if (posts->failed())
        return Error{"cannot read posts: " + posts->lastError()};

    // One column per label task, in name order; posts without a value for a task get "".
    std::map<std::string, std::size_t> taskColumn;
    auto labels = project.db().prepare("SELECT l.post_id, l.task, l.value FROM labels l JOIN posts p ON p.id = l.post_id"
                                       " WHERE p.dataset_id = ?1 ORDER BY l.task");
    if (!labels)
        return labels.error();
    labels->bind(1, corpus->datasetId());
    while (labels->step()) {
        auto found = rowOf.find(labels->int64(0));
        if (found == rowOf.end())
            continue;
        const std::string task = labels->text(1);
        auto column = taskColumn.find(task);
        if (column == taskColumn.end()) {
            column = taskColumn.emplace(task, table.columns.size()).first;
            table.columns.push_back(task);
            table.values.emplace_back(table.rows);
        }
        table.values[column->second][found->second] = labels->text(2);
    }
    if (labels->failed())
        return Error{"cannot read labels: " + labels->lastError()};

    if (auto split = DatasetSplitter::latest(project, dataset); split) {
        auto parts = project.db().prepare("SELECT post_id, part FROM split_assignments WHERE split_id = ?1");
        if (!parts)
            return parts.error();
        parts->bind(1, *split);
        table.columns.emplace_back("split");
        table.values.emplace_back(table.rows);
        while (parts->step()) {
            auto found = rowOf.find(parts->int64(0));
            if (found != rowOf.end())
                table.values.back()[found->second] = parts->text(1);
        }
        if (parts->failed())
            return Error{"cannot read the split: " + parts->lastError()};
    }
    return table;
}

} // namespace chorus
