#include "core/media/videosource.h"

#include "core/media/mediafolderwalk.h"
#include "core/media/videoprobe.h"
#include "core/util/sha256.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <vector>

namespace chorus {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kReadChunk = 1 << 20;
constexpr std::uint64_t kProgressEvery = 64ull << 20;

const MediaFolderWalk &videoWalk()
{
    static const MediaFolderWalk walk(
        {".mp4", ".m4v", ".mov", ".avi", ".mkv", ".webm", ".mpg", ".mpeg", ".wmv", ".flv", ".3gp", ".ogv", ".ts"});
    return walk;
}

} // namespace

Status VideoSource::read(const std::string &path, const ImportOptions &options, RecordSink &sink)
{
    m_bytesRead = 0;
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        return Error{"cannot open '" + path + "': no such file or folder"};

    if (fs::is_regular_file(status)) {
        // A file named explicitly is tried whatever its extension: FFmpeg decides what it is.
        MediaFile file;
        file.path = fs::absolute(path, ec).lexically_normal().string();
        file.relativePath = fs::path(path).filename().string();
        readVideo(file, options, sink);
        return {};
    }
    if (!fs::is_directory(status))
        return Error{"'" + path + "' is neither a video file nor a folder"};
    fs::directory_iterator probe(path, ec);
    if (ec)
        return Error{"cannot read folder '" + path + "': " + ec.message()};

    videoWalk().walk(
        path, [&](const MediaFile &file) { return readVideo(file, options, sink); },
        [&](const std::string &folder, const std::string &reason) { return sink.reject(folder, 0, reason); });
    return {};
}

Result<std::string> VideoSource::digest(const std::string &path, RecordSink &sink, bool &stopped)
{
    stopped = false;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{std::string("cannot read file: ") + std::strerror(errno)};
    Sha256 hash;
    std::vector<char> chunk(kReadChunk);
    std::uint64_t sinceProgress = 0;
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0)
            break;
        hash.update(chunk.data(), got);
        m_bytesRead += got;
        sinceProgress += got;
        if (sinceProgress >= kProgressEvery) {
            sinceProgress = 0;
            if (!sink.progress(m_bytesRead)) {
                stopped = true;
                return Error{"stopped"};
            }
        }
    }
    if (in.bad())
        return Error{"cannot read file: read error"};
    return Sha256::toHex(hash.finish());
}

bool VideoSource::readVideo(const MediaFile &file, const ImportOptions &options, RecordSink &sink)
{
    auto info = VideoProbe::probe(file.path, kThumbnailMaxSide);
    if (!info)
        return sink.reject(file.path, 0, info.message());
    bool stopped = false;
    auto sha256 = digest(file.path, sink, stopped);
    if (stopped)
        return false;
    if (!sha256)
        return sink.reject(file.path, 0, sha256.message());

    MediaRecord media;
    media.kind = MediaKind::Video;
    media.path = file.path;
    media.sha256 = std::move(*sha256);
    media.width = info->width;
    media.height = info->height;
    if (info->durationSeconds > 0)
        media.durationSeconds = info->durationSeconds;
    if (info->frameCount > 0)
        media.frameCount = info->frameCount;
    media.blob = std::move(info->thumbnailPng);

    PostRecord post;
    post.sourceId = file.relativePath;
    if (!file.firstFolder.empty() && !options.folderLabelTask.empty())
        post.labels.push_back({options.folderLabelTask, file.firstFolder});
    post.media.push_back(std::move(media));
    if (!sink.post(std::move(post)))
        return false;
    return sink.progress(m_bytesRead);
}

} // namespace chorus
