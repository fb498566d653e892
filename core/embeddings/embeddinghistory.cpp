#include "core/embeddings/embeddinghistory.h"

#include "core/store/project.h"
#include "core/training/runstore.h"

#include <algorithm>
#include <string>

namespace chorus {
namespace {

std::string artifactName(int epoch) { return "epoch-" + std::to_string(epoch); }

} // namespace

Status EmbeddingHistory::record(std::int64_t run, const EmbeddingSnapshot &snapshot)
{
    return RunStore(m_project).addArtifact(run, kArtifactKind, artifactName(snapshot.epoch), snapshot.step,
                                           EmbeddingSnapshot::kContentType, snapshot.encode());
}

Result<std::vector<EmbeddingEpoch>> EmbeddingHistory::epochs(std::int64_t run)
{
    // A resumed run may record an epoch again (after discardAfter): the newest row of a name wins.
    auto select = m_project.db().prepare("SELECT name, step FROM artifacts WHERE run_id = ? AND kind = ? ORDER BY id");
    if (!select)
        return select.error();
    select->bind(1, run).bind(2, kArtifactKind);
    std::vector<EmbeddingEpoch> epochs;
    while (select->step()) {
        const std::string name = select->text(0);
        if (name.rfind("epoch-", 0) != 0)
            continue;
        EmbeddingEpoch entry;
        try {
            entry.epoch = std::stoi(name.substr(6));
        } catch (const std::exception &) {
            continue;
        }
        entry.step = select->int64(1);
        auto same = std::find_if(epochs.begin(), epochs.end(), [&](const EmbeddingEpoch &e) { return e.epoch == entry.epoch; });
        if (same != epochs.end())
            *same = entry;
        else
            epochs.push_back(entry);
    }
    if (select->failed())
        return Error{"Cannot read the embedding snapshots of run " + std::to_string(run) + ": " + select->lastError()};
    std::sort(epochs.begin(), epochs.end(), [](const EmbeddingEpoch &a, const EmbeddingEpoch &b) { return a.epoch < b.epoch; });
    return epochs;
}

Result<EmbeddingSnapshot> EmbeddingHistory::load(std::int64_t run, int epoch)
{
    auto select = m_project.db().prepare(
        "SELECT data FROM artifacts WHERE run_id = ? AND kind = ? AND name = ? ORDER BY id DESC LIMIT 1");
    if (!select)
        return select.error();
    select->bind(1, run).bind(2, kArtifactKind).bind(3, artifactName(epoch));
    if (!select->step()) {
        if (select->failed())
            return Error{"Cannot read the embedding snapshots of run " + std::to_string(run) + ": " + select->lastError()};
        auto recorded = epochs(run);
        std::string have;
        if (recorded && !recorded->empty())
            have = " (it has epochs " + std::to_string(recorded->front().epoch) + " to " +
                   std::to_string(recorded->back().epoch) + ")";
        else
            have = " (it recorded none)";
        return Error{"Run " + std::to_string(run) + " has no embedding snapshot for epoch " + std::to_string(epoch) + have};
    }
    auto snapshot = EmbeddingSnapshot::decode(select->blob(0));
    if (!snapshot)
        return Error{"Run " + std::to_string(run) + ", epoch " + std::to_string(epoch) + ": " + snapshot.message()};
    return snapshot;
}

} // namespace chorus
