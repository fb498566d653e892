#pragma once

#include "core/media/rgbimage.h"
#include "core/util/deterministicrandom.h"
#include "core/util/result.h"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace chorus {

struct ImageTensorizerOptions {
    int size = 64; // output is size x size
    // Per-channel normalisation, (value / 255 - mean) / std, in R G B order; ImageNet statistics by
    // default so a pretrained TorchScript backbone sees what it was trained on.
    std::array<float, 3> mean = {0.485f, 0.456f, 0.406f};
    std::array<float, 3> std = {0.229f, 0.224f, 0.225f};
    // Training-time augmentation; drawAugmentation() returns the identity when it is off.
    bool augment = false;
    double flipProbability = 0.5;
    // Random resized crop: the crop keeps this fraction of the picture's area...
    double minCropScale = 0.6;
    double maxCropScale = 1.0;
    // ...with a width / height ratio drawn uniformly from this range.
    double minCropAspect = 3.0 / 4.0;
    double maxCropAspect = 4.0 / 3.0;
};

// One draw of the training augmentation, in units relative to the picture so that the same draw can
// be applied to pictures of any size (all frames of one video clip get the same one).
struct ImageAugmentation {
    bool flip = false;   // mirror left-right
    bool crop = false;   // false: the evaluation view (shorter side to size, then the centre)
    double area = 1.0;   // fraction of the picture's area the crop keeps
    double aspect = 1.0; // crop width / height (clamped to the picture)
    double x = 0.5;      // where the crop sits in the room left over: 0 left/top, 1 right/bottom
    double y = 0.5;
};

// Turns encoded pictures (PNG, JPEG, BMP, WebP, TIFF, ...), from a file or from bytes held in the
// project (media rows carry a path or a blob), into the float input of the image models:
// RGB, size x size, normalised per channel, channel-major (CHW, 3 * size * size values).
// Evaluation view: the shorter side is scaled to `size` and the centre is cut out. Training view
// (augmentation on): a random resized crop and a random horizontal flip drawn from a
// DeterministicRandom, so a run is reproducible on any machine.
// OpenCV stays inside the .cpp; this header is free of its types.
class ImageTensorizer {
public:
    explicit ImageTensorizer(ImageTensorizerOptions options = ImageTensorizerOptions());

    // Impossible options (size < 1, a zero std, crop ranges outside (0, 1] or reversed) as an error
    // naming the option; tensorize() returns the same error.
    static Status check(const ImageTensorizerOptions &options);

    const ImageTensorizerOptions &options() const { return m_options; }
    std::size_t valuesPerImage() const { return std::size_t(3) * std::size_t(m_options.size) * std::size_t(m_options.size); }

    // Decoding. Errors start with `name` (a file path or a post's media reference) and say why the
    // bytes are unusable: empty, damaged or truncated, or not a picture at all. Grey pictures become
    // RGB; transparent pixels are composited over white; JPEG EXIF orientation is applied.
    static Result<RgbImage> decode(std::string_view bytes, const std::string &name);
    static Result<RgbImage> decodeFile(const std::string &path);

    // The identity unless options().augment; otherwise a fresh flip and crop drawn from `random`.
    ImageAugmentation drawAugmentation(DeterministicRandom &random) const;

    // The model input for a decoded picture: the evaluation view, or `augmentation` when given.
    Result<std::vector<float>> tensorize(const RgbImage &image, const ImageAugmentation *augmentation = nullptr) const;

    // Decode + tensorize. With `random` (and options().augment) the training augmentation is drawn
    // from it; without, the evaluation view.
    Result<std::vector<float>> fromBytes(std::string_view bytes, const std::string &name,
                                         DeterministicRandom *random = nullptr) const;
    Result<std::vector<float>> fromFile(const std::string &path, DeterministicRandom *random = nullptr) const;

    // The evaluation view as a picture (shorter side to `side`, centre crop): what the model saw,
    // for drawing explanations over it.
    static Result<RgbImage> centreCrop(const RgbImage &image, int side);

private:
    Result<std::vector<float>> fromDecoded(const Result<RgbImage> &image, DeterministicRandom *random) const;

    ImageTensorizerOptions m_options;
};

} // namespace chorus
