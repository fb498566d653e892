#pragma once

#include "core/import/recordsource.h"

#include <cstdint>

namespace chorus {

struct MediaFile;

// Format "video": one video file, or a folder walked recursively in sorted order for video files
// (.mp4 .m4v .mov .avi .mkv .webm .mpg .mpeg .wmv .flv .3gp .ogv .ts). Each video becomes a post with
// no text and one video media record: digest, size, duration, frame count, and a PNG thumbnail of
// the first frame stored inline. In a folder, the source id is the path relative to the folder and
// the first-level sub-folder names the label for ImportOptions::folderLabelTask, as for images; a
// single file's source id is its file name. Videos FFmpeg cannot read are rejected.
class VideoSource : public RecordSource {
public:
    static constexpr int kThumbnailMaxSide = 256;

    std::string format() const override { return "video"; }
    Status read(const std::string &path, const ImportOptions &options, RecordSink &sink) override;

private:
    // false when the sink asked to stop.
    bool readVideo(const MediaFile &file, const ImportOptions &options, RecordSink &sink);
    // The file's digest, reporting progress while the (possibly large) file streams through.
    Result<std::string> digest(const std::string &path, RecordSink &sink, bool &stopped);

    std::uint64_t m_bytesRead = 0;
};

} // namespace chorus
