#pragma once

#include <memory>

namespace chorus {
class MediaTensorReader;
class Project;
} // namespace chorus

// The project's media decoder for the predictors; null in a build without OpenCV and FFmpeg, where
// posts are read without their pictures and videos (as missing modalities).
std::unique_ptr<chorus::MediaTensorReader> mediaReaderFor(chorus::Project &project);
