#include "core/embeddings/embeddinghistory.h"

#include "core/store/project.h"
#include "core/training/runstore.h"

#include <algorithm>
#include <string>

namespace chorus {
namespace {

// Token snapshots kept the plain name they had before other spaces were recorded.
std::string namePrefix(EmbeddingSpace space)
{
    return space == EmbeddingSpace::Tokens ? std::string("epoch-") : std::string(embeddingSpaceName(space)) + "-epoch-";
}

std::string artifactName(EmbeddingSpace space, int epoch) { return namePrefix(space) + std::to_string(epoch); }

std::string what(EmbeddingSpace space)
{
    return space == EmbeddingSpace::Tokens ? std::string("embedding") : std::string(embeddingSpaceName(space)) + " embedding";
}

} // namespace

Status EmbeddingHistory::record(std::int64_t run, const EmbeddingSnapshot &snapshot)
{
    return RunStore(m_project).addArtifact(run, kArtifactKind, artifactName(snapshot.space, snapshot.epoch), snapshot.step,
                                           EmbeddingSnapshot::kContentType, snapshot.encode());
}

Result<std::vector<EmbeddingEpoch>> EmbeddingHistory::epochs(std::int64_t run, EmbeddingSpace space)
{
    const std::string prefix = namePrefix(space);
    // A resumed run may record an epoch again (after discardAfter): the newest row of a name wins.
    auto select = m_project.db().prepare("SELECT name, step FROM artifacts WHERE run_id = ? AND kind = ? ORDER BY id");
    if (!select)
        return select.error();
    select->bind(1, run).bind(2, kArtifactKind);
    std::vector<EmbeddingEpoch> epochs;
    while (select->step()) {
        const std::string name = select->text(0);
        if (name.rfind(prefix, 0) != 0)
            continue;
        const std::string number = name.substr(prefix.size());
        if (number.empty() || number.find_first_not_of("0123456789") != std::string::npos || number.size() > 9)
            continue;
        EmbeddingEpoch entry;
        entry.epoch = std::stoi(number);
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

Result<EmbeddingSnapshot> EmbeddingHistory::load(std::int64_t run, int epoch, EmbeddingSpace space)
{
    auto select = m_project.db().prepare(
        "SELECT data FROM artifacts WHERE run_id = ? AND kind = ? AND name = ? ORDER BY id DESC LIMIT 1");
    if (!select)
        return select.error();
    select->bind(1, run).bind(2, kArtifactKind).bind(3, artifactName(space, epoch));
    if (!select->step()) {
        if (select->failed())
            return Error{"Cannot read the embedding snapshots of run " + std::to_string(run) + ": " + select->lastError()};
        auto recorded = epochs(run, space);
        std::string have;
        if (recorded && !recorded->empty())
            have = " (it has epochs " + std::to_string(recorded->front().epoch) + " to " +
                   std::to_string(recorded->back().epoch) + ")";
        else
            have = " (it recorded none)";
        return Error{"Run " + std::to_string(run) + " has no " + what(space) + " snapshot for epoch " +
                     std::to_string(epoch) + have};
    }
    auto snapshot = EmbeddingSnapshot::decode(select->blob(0));
    if (!snapshot)
        return Error{"Run " + std::to_string(run) + ", epoch " + std::to_string(epoch) + ": " + snapshot.message()};
    if (snapshot->space != space)
        return Error{"Run " + std::to_string(run) + ", epoch " + std::to_string(epoch) + ": the snapshot holds " +
                     embeddingSpaceName(snapshot->space) + ", not " + embeddingSpaceName(space)};
    return snapshot;
}

} // namespace chorus
