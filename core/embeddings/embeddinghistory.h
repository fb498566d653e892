#pragma once

#include "core/embeddings/embeddingsnapshot.h"
#include "core/util/result.h"

#include <cstdint>
#include <vector>

namespace chorus {

class Project;

struct EmbeddingEpoch {
    int epoch = 0;
    std::int64_t step = 0;
};

// The per-epoch embedding snapshots of a run, kept as "embedding_epoch" artifacts named "epoch-N"
// for tokens and "<space>-epoch-N" for posts, users and items. Trainers record them; the projector
// and `chorus-cli export --epoch` read them.
class EmbeddingHistory {
public:
    static constexpr const char *kArtifactKind = "embedding_epoch";

    explicit EmbeddingHistory(Project &project) : m_project(project) {}

    Status record(std::int64_t run, const EmbeddingSnapshot &snapshot);
    // The epochs recorded for the run's vectors of one space, in order, without reading their values.
    Result<std::vector<EmbeddingEpoch>> epochs(std::int64_t run, EmbeddingSpace space = EmbeddingSpace::Tokens);
    // An Error names the run and lists the epochs it has when `epoch` is not among them.
    Result<EmbeddingSnapshot> load(std::int64_t run, int epoch, EmbeddingSpace space = EmbeddingSpace::Tokens);

private:
    Project &m_project;
};

} // namespace chorus
