#pragma once

#include "core/util/result.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace chorus {

class Project;

// A trained run's predictions kept as a label task ("predicted_sentiment"), so opinion over
// time, trends, user profiles and the browser's filters work on posts nobody labelled by hand.
// The task remembers the run that wrote it (project meta "predicted_labels:<dataset>:<task>");
// storing into a task that holds labels predictions did not write is refused unless asked for,
// so hand-made labels are never overwritten by accident.
class PredictedLabels {
public:
    struct Options {
        bool replaceForeignLabels = false;
    };

    // Replaces the task's labels on the dataset's posts with `labels` (post id, value), in one
    // transaction: all or nothing.
    static Status store(Project &project, const std::string &dataset, const std::string &task, std::int64_t runId,
                        const std::vector<std::pair<std::int64_t, std::string>> &labels, const Options &options);
    // The run whose predictions the task holds; 0 when the task holds none.
    static Result<std::int64_t> sourceRun(Project &project, const std::string &dataset, const std::string &task);
};

} // namespace chorus
