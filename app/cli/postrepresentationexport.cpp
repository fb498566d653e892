#include "postrepresentationexport.h"

#include "clicontext.h"
#include "projectmedia.h"
#include "projectorfolder.h"

#include "core/store/project.h"
#include "core/training/mediatensorreader.h"
#include "core/training/superviseddata.h"
#include "models/training/runpredictor.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

using namespace chorus;

namespace {

constexpr std::size_t kChunk = 512;

struct StoredPost {
    std::int64_t id = 0;
    std::string text;
    std::string label;
    std::string part;
};

// One metadata cell: tabs and line breaks would break the TSV's rows and columns.
std::string cell(const std::string &text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text)
        out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
    return out.empty() ? std::string("-") : out;
}

} // namespace

int exportPostRepresentations(const CliContext &ctx, Project &project, std::int64_t runId, std::int64_t limit,
                              const std::string &out)
{
    const std::unique_ptr<MediaTensorReader> media = mediaReaderFor(project);
    auto predictor = RunPredictor::load(project, runId, media.get());
    if (!predictor)
        return ctx.fail(predictor.message());
    auto select = project.db().prepare(
        // An engagement task's truth is the post's own count (?5 names the column), any other task's its label.
        "SELECT p.id, p.text,"
        " coalesce(CASE ?5 WHEN 'likes' THEN CAST(p.likes AS TEXT) WHEN 'shares' THEN CAST(p.shares AS TEXT)"
        " WHEN 'replies' THEN CAST(p.replies AS TEXT) ELSE l.value END, ''),"
        " coalesce(a.part, '') FROM posts p JOIN datasets d ON d.id = p.dataset_id"
        " LEFT JOIN labels l ON l.post_id = p.id AND l.task = ?2"
        " LEFT JOIN split_assignments a ON a.post_id = p.id AND a.split_id = ?3"
        " WHERE d.name = ?1 ORDER BY p.id LIMIT ?4");
    if (!select)
        return ctx.fail(select.message());
    select->bind(1, predictor->dataset())
        .bind(2, predictor->task())
        .bind(3, predictor->encoding().splitId)
        .bind(4, limit)
        .bind(5, LabelTask::engagementColumn(predictor->task()));
    std::vector<StoredPost> posts;
    while (select->step())
        posts.push_back({select->int64(0), select->text(1), select->text(2), select->text(3)});
    if (select->failed())
        return ctx.fail("cannot read the posts of dataset '" + predictor->dataset() + "': " + select->lastError());
    if (posts.empty())
        return ctx.fail("dataset '" + predictor->dataset() + "' of run " + std::to_string(runId) + " has no posts");

    auto folder = ProjectorFolder::create(out);
    if (!folder)
        return ctx.fail(folder.message());
    const std::string &vectorsPath = folder->vectors;
    const std::string &metadataPath = folder->metadata;
    std::ofstream vectors(vectorsPath + ".partial");
    std::ofstream metadata(metadataPath + ".partial");
    if (!vectors || !metadata)
        return ctx.fail("cannot write in " + out);
    metadata << "text\tpost_id\tsplit\t" << cell(predictor->task()) << "\tpredicted\n";
    std::size_t dimensions = 0;
    std::size_t mediaProblems = 0;
    char number[32];
    for (std::size_t begin = 0; begin < posts.size(); begin += kChunk) {
        const std::size_t end = std::min(posts.size(), begin + kChunk);
        std::vector<std::int64_t> ids;
        for (std::size_t i = begin; i < end; ++i)
            ids.push_back(posts[i].id);
        auto examples = predictor->examples(project, ids);
        if (!examples)
            return ctx.fail(examples.message());
        auto predictions = predictor->predict(*examples, 64, true);
        if (!predictions)
            return ctx.fail(predictions.message());
        for (std::size_t i = begin; i < end; ++i) {
            const RunPrediction &prediction = (*predictions)[i - begin];
            mediaProblems += prediction.mediaProblems.size();
            dimensions = prediction.representation.size();
            for (std::size_t d = 0; d < dimensions; ++d) {
                std::snprintf(number, sizeof number, "%.7g", static_cast<double>(prediction.representation[d]));
                vectors << (d ? "\t" : "") << number;
            }
            vectors << '\n';
            const StoredPost &post = posts[i];
            metadata << cell(post.text) << '\t' << post.id << '\t' << cell(post.part) << '\t' << cell(post.label) << '\t'
                     << cell(prediction.label) << '\n';
        }
    }
    vectors.close();
    metadata.close();
    if (!vectors || !metadata)
        return ctx.fail("cannot write the post representations in " + out + " (disk full?)");
    std::error_code ec;
    std::filesystem::rename(vectorsPath + ".partial", vectorsPath, ec);
    if (!ec)
        std::filesystem::rename(metadataPath + ".partial", metadataPath, ec);
    if (ec)
        return ctx.fail("cannot finish " + out + ": " + ec.message());
    return ctx.succeed({{"run_id", runId},
                        {"posts", posts.size()},
                        {"dimensions", dimensions},
                        {"media_problems", mediaProblems},
                        {"vectors", vectorsPath},
                        {"metadata", metadataPath}},
                       "Wrote the representations of " + std::to_string(posts.size()) + " posts (" +
                           std::to_string(dimensions) + " dimensions) to " + vectorsPath + " and " + metadataPath + "\n");
}
