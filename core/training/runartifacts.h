#pragma once

#include "core/util/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

class Project;

struct RunArtifact {
    std::int64_t id = 0;
    std::int64_t runId = 0;
    std::string kind;
    std::string name;
    std::int64_t step = 0;
    std::string contentType;
    std::string data;
};

// Reads back what a run recorded with RunStore::addArtifact (attention snapshots, the test
// evaluation, the encoding), for the views that explain a trained model.
class RunArtifacts {
public:
    explicit RunArtifacts(Project &project) : m_project(project) {}

    // Every artifact of one kind of a run, in the order recorded (by step, then insertion).
    Result<std::vector<RunArtifact>> list(std::int64_t run, const std::string &kind);
    // The last recorded artifact of that kind and name; an Error naming what is missing when none.
    Result<RunArtifact> latest(std::int64_t run, const std::string &kind, const std::string &name);
    // Ids of the runs holding at least one artifact of the kind, newest run first.
    Result<std::vector<std::int64_t>> runsWith(const std::string &kind);
    // Ids of the runs whose recorded encoding says they read an input ("image", "video", "text",
    // "thread"), newest run first. An input name other than lower-case letters is an Error.
    Result<std::vector<std::int64_t>> runsReading(const std::string &input);

private:
    Project &m_project;
};

} // namespace chorus
