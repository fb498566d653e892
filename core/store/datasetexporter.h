#pragma once

#include "core/util/result.h"

#include <cstdint>
#include <functional>
#include <string>

namespace chorus {

class Project;

// Writes a dataset's posts with their labels (one column or member per task) and, when the dataset
// has a stored split, each post's part of the latest split. Streams rows; writes to a temporary
// file renamed into place, so a failed export never leaves half a file under the final name.
class DatasetExporter {
public:
    enum class Format { Csv, Jsonl };

    static Result<Format> parseFormat(const std::string &name);
    // Returns the number of posts written.
    static Result<std::int64_t> exportDataset(Project &project, const std::string &dataset, Format format,
                                             const std::string &outputPath);
};

} // namespace chorus
