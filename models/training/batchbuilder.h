#pragma once

#include "core/training/superviseddata.h"
#include "models/training/supervisedbatch.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace chorus {

class MediaTensorReader;

// Which inputs a model family reads, from its registry entry, and how media are shaped.
struct BatchInputs {
    bool text = true;
    bool image = false;
    bool video = false;
    std::int64_t imageSize = 64;
    std::int64_t frames = 8;
    bool augment = false; // training-time image augmentation
    bool thread = false;  // reply-thread context (the examples' `thread`, tokens from the data)
};

// Assembles CPU batches from encoded posts: pads tokens to the batch's longest post, lays out each
// post's reply thread as [posts, tokens] padded to the batch's longest thread and post, decodes the
// images and video frames it needs through the media reader (a post whose media is missing or
// cannot be decoded gets zeros and a false mask, and the problem is reported with the batch).
class BatchBuilder {
public:
    BatchBuilder(const SupervisedData &data, BatchInputs inputs, MediaTensorReader *media);

    // Posts examples[order[begin..end)]; `seed` drives augmentation (distinct per epoch and post).
    SupervisedBatch build(const std::vector<PostExample> &examples, const std::vector<std::size_t> &order,
                          std::size_t begin, std::size_t end, bool training, std::uint64_t seed) const;

    // The posts of an example's thread as build() lays them out (ids with their token ids), oldest
    // first and the post itself last; a post without thread context is a thread of one.
    using ThreadPost = std::pair<std::int64_t, const std::vector<std::int64_t> *>;
    static std::vector<ThreadPost> threadPosts(const PostExample &example, const SupervisedData &data);

private:
    const SupervisedData &m_data;
    BatchInputs m_inputs;
    MediaTensorReader *m_media;
};

} // namespace chorus
