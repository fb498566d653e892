#pragma once

#include "core/import/recordsource.h"

#include <cstdint>

namespace chorus {

struct MediaFile;

// Format "images": a folder of image files (.png .jpg .jpeg .bmp .gif .webp), walked recursively in
// sorted order; each image becomes a post with no text whose source id is its path relative to the
// folder. The first-level sub-folder names the post's label for ImportOptions::folderLabelTask
// (the usual one-folder-per-class layout); images directly in the folder get no label. Each file
// is read once: the same bytes give the digest and are decoded for the size. Images that cannot be
// decoded are rejected; files with other extensions are skipped. A single image file works too.
class ImageFolderSource : public RecordSource {
public:
    std::string format() const override { return "images"; }
    Status read(const std::string &path, const ImportOptions &options, RecordSink &sink) override;

private:
    // false when the sink asked to stop.
    bool readImage(const MediaFile &file, const ImportOptions &options, RecordSink &sink);

    std::uint64_t m_bytesRead = 0;
};

} // namespace chorus
