#include "core/media/imagefoldersource.h"

#include "core/media/imagedecoder.h"
#include "core/media/mediafolderwalk.h"
#include "core/media/videoprobe.h"
#include "core/util/sha256.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace chorus {
namespace {

namespace fs = std::filesystem;

// Larger files are not plausible post images, and reading them whole would take too much memory.
constexpr std::uintmax_t kMaxImageBytes = 512ull << 20;

const MediaFolderWalk &imageWalk()
{
    static const MediaFolderWalk walk({".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp"});
    return walk;
}

Result<std::string> readWholeFile(const std::string &path)
{
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec)
        return Error{"cannot read file: " + ec.message()};
    if (size > kMaxImageBytes)
        return Error{"image file too large (" + std::to_string(size >> 20) + " MiB; at most " +
                     std::to_string(kMaxImageBytes >> 20) + " MiB)"};
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{std::string("cannot read file: ") + std::strerror(errno)};
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (static_cast<std::uintmax_t>(in.gcount()) != size)
        return Error{"cannot read file: it ended early"};
    return bytes;
}

bool isGif(const std::string &path)
{
    std::string extension = fs::path(path).extension().string();
    for (char &c : extension)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return extension == ".gif";
}

} // namespace

Status ImageFolderSource::read(const std::string &path, const ImportOptions &options, RecordSink &sink)
{
    m_bytesRead = 0;
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        return Error{"cannot open '" + path + "': no such folder"};

    if (fs::is_regular_file(status)) {
        if (!imageWalk().hasMediaExtension(path))
            return Error{"'" + path + "' is neither a folder nor an image file (.png .jpg .jpeg .bmp .gif .webp)"};
        MediaFile file;
        file.path = fs::absolute(path, ec).lexically_normal().string();
        file.relativePath = fs::path(path).filename().string();
        readImage(file, options, sink);
        return {};
    }
    if (!fs::is_directory(status))
        return Error{"'" + path + "' is not a folder of images"};

    // A root that cannot be listed is unusable input; an unreadable sub-folder is only a rejected part.
    fs::directory_iterator probe(path, ec);
    if (ec)
        return Error{"cannot read folder '" + path + "': " + ec.message()};

    imageWalk().walk(
        path, [&](const MediaFile &file) { return readImage(file, options, sink); },
        [&](const std::string &folder, const std::string &reason) { return sink.reject(folder, 0, reason); });
    return {};
}

bool ImageFolderSource::readImage(const MediaFile &file, const ImportOptions &options, RecordSink &sink)
{
    auto bytes = readWholeFile(file.path);
    if (!bytes)
        return sink.reject(file.path, 0, bytes.message());
    m_bytesRead += bytes->size();

    MediaRecord media;
    media.kind = MediaKind::Image;
    media.path = file.path;
    media.sha256 = Sha256::hex(*bytes);
    auto decoded = ImageDecoder::decode(*bytes);
    if (decoded) {
        media.width = decoded->width;
        media.height = decoded->height;
    } else if (isGif(file.path)) {
        // OpenCV has no GIF reader; FFmpeg decodes GIFs (still or animated) as a video stream.
        auto gif = VideoProbe::probe(file.path, 1);
        if (!gif)
            return sink.reject(file.path, 0, "cannot decode image: " + gif.message());
        media.width = gif->width;
        media.height = gif->height;
    } else {
        return sink.reject(file.path, 0, "cannot decode image: " + decoded.message());
    }

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
