#pragma once

#include "core/training/mediatensorreader.h"

#include <memory>
#include <mutex>
#include <string>

namespace chorus {

class Project;

// MediaTensorReader over a project's media rows: images from their file (or the blob stored in the
// project when there is no file), videos from their file, through ImageTensorizer and
// VideoFrameSampler. It reads the project through a connection of its own, opened on first use, so
// the trainer's prefetch thread never shares the trainer's connection.
class ProjectMediaReader : public MediaTensorReader {
public:
    explicit ProjectMediaReader(std::string projectPath);
    ~ProjectMediaReader() override;

    Result<std::vector<float>> image(std::int64_t mediaId, int size, bool augment, std::uint64_t seed) override;
    Result<FrameTensors> video(std::int64_t mediaId, int frames, int size) override;

private:
    struct Row {
        std::string path;
        std::string blob;
    };
    Result<Row> row(std::int64_t mediaId, const char *kind);

    std::string m_projectPath;
    std::mutex m_mutex; // guards the connection: both the loop and the prefetch thread read
    std::unique_ptr<Project> m_project;
};

} // namespace chorus
