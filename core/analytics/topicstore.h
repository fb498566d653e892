#pragma once

#include "core/analytics/topicmodelresult.h"
#include "core/util/result.h"

#include <cstdint>
#include <optional>
#include <string>

namespace chorus {

class Project;

struct TopicStoreOptions {
    // Outliers get the label "outlier" instead of no label at all.
    bool labelOutliers = false;
    // A task that already holds labels this class did not write (imported ground truth, say) is
    // refused unless this is set, so a default task name never overwrites someone's annotations.
    bool replaceForeignLabels = false;
};

// Topic models kept in the project without a schema change: the per-post topics are an ordinary
// label task (labels table: value = the topic's label), so training, splits and the data browser
// use them like any annotation; the descriptions (terms, sizes, coherence, representative posts)
// are JSON in the meta table under "topic_model:<dataset id>:<task>".
class TopicStore {
public:
    static std::string metaKey(std::int64_t datasetId, const std::string &task);

    // Replaces the task's labels on the dataset's posts and the description in one transaction:
    // readers see the old model or the new one, never a mix.
    static Status save(Project &project, const TopicModelResult &result, const TopicStoreOptions &options = {});

    // The stored description (no per-post assignments), nullopt when none is stored.
    static Result<std::optional<TopicModelResult>> load(Project &project, std::int64_t datasetId, const std::string &task);

    // Keeps the description as a stored analysis too (AnalysisStore kind "topics"), so the run
    // stays listed, with its own parameters, after the task's labels are replaced by a newer model.
    // name empty: "<task>: N topics by <method>". Returns the analysis id.
    static Result<std::int64_t> recordAnalysis(Project &project, const TopicModelResult &result, const std::string &name = {});
};

} // namespace chorus
