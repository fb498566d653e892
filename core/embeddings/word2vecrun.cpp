#include "core/embeddings/word2vecrun.h"

#include "core/store/project.h"

namespace chorus {

Result<std::string> word2vecVectorsPath(Project &project, std::int64_t runId)
{
    auto select = project.db().prepare(
        "SELECT c.path FROM checkpoints c JOIN runs r ON r.id = c.run_id WHERE c.run_id = ? AND r.model = 'word2vec'"
        " ORDER BY c.step DESC LIMIT 1");
    if (!select)
        return select.error();
    select->bind(1, runId);
    if (!select->step())
        return Error{"run " + std::to_string(runId) + " is not a finished word2vec run"};
    return select->text(0);
}

} // namespace chorus
