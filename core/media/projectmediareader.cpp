#include "core/media/projectmediareader.h"

#include "core/media/imagetensorizer.h"
#include "core/media/videoframesampler.h"
#include "core/store/project.h"
#include "core/util/deterministicrandom.h"

namespace chorus {

ProjectMediaReader::ProjectMediaReader(std::string projectPath) : m_projectPath(std::move(projectPath)) {}

ProjectMediaReader::~ProjectMediaReader() = default;

Result<ProjectMediaReader::Row> ProjectMediaReader::row(std::int64_t mediaId, const char *kind)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_project) {
        auto opened = Project::open(m_projectPath, Project::OpenMode::OpenExisting);
        if (!opened)
            return opened.error();
        m_project = std::move(*opened);
    }
    auto select = m_project->db().prepare("SELECT coalesce(path, ''), blob FROM media WHERE id = ?1 AND kind = ?2");
    if (!select)
        return select.error();
    select->bind(1, mediaId).bind(2, kind);
    if (!select->step())
        return Error{"media " + std::to_string(mediaId) + ": no " + kind + " with this id in the project"};
    Row found{select->text(0), select->isNull(1) ? std::string() : select->blob(1)};
    // A link kept from a social-media dump is a reference, not a file: Chorus never fetches it (nor
    // lets FFmpeg open a URL a dataset chose).
    if (found.path.find("://") != std::string::npos)
        return Error{"media " + std::to_string(mediaId) + " is a link (" + found.path +
                     "), not a local file; Chorus does not download media"};
    return found;
}

Result<std::vector<float>> ProjectMediaReader::image(std::int64_t mediaId, int size, bool augment, std::uint64_t seed)
{
    auto found = row(mediaId, "image");
    if (!found)
        return found.error();
    ImageTensorizerOptions options;
    options.size = size;
    options.augment = augment;
    const ImageTensorizer tensorizer(options);
    DeterministicRandom random(seed);
    DeterministicRandom *draw = augment ? &random : nullptr;
    if (!found->path.empty())
        return tensorizer.fromFile(found->path, draw);
    if (!found->blob.empty())
        return tensorizer.fromBytes(found->blob, "media " + std::to_string(mediaId), draw);
    return Error{"media " + std::to_string(mediaId) + ": the image has neither a file nor stored bytes"};
}

Result<FrameTensors> ProjectMediaReader::video(std::int64_t mediaId, int frames, int size)
{
    auto found = row(mediaId, "video");
    if (!found)
        return found.error();
    if (found->path.empty())
        return Error{"media " + std::to_string(mediaId) + ": the video has no file"};
    VideoFrameSamplerOptions options;
    options.frames = frames;
    options.size = size;
    auto sampled = VideoFrameSampler(options).sample(found->path);
    if (!sampled)
        return sampled.error();
    FrameTensors out;
    out.frames = sampled->realFrames();
    for (const std::vector<float> &frame : sampled->frames)
        out.data.insert(out.data.end(), frame.begin(), frame.end());
    return out;
}

} // namespace chorus
