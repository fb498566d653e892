#pragma once

#include <torch/torch.h>

namespace chorus {

// One batch of posts as every supervised model family sees it. A family reads the modalities it
// needs; the others stay undefined. A post lacking a modality the batch carries has zeros there and
// false in the matching mask, so multimodal models can still train and predict on it.
struct ModelInputs {
    torch::Tensor tokens;    // [B, T] int64 token ids, 0 = padding
    torch::Tensor lengths;   // [B] int64, real tokens per post (at least 1)
    torch::Tensor images;    // [B, 3, H, W] float, normalised; zeros where missing
    torch::Tensor hasImage;  // [B] bool
    torch::Tensor frames;    // [B, F, 3, H, W] float, uniformly sampled video frames; zeros where missing
    torch::Tensor frameMask; // [B, F] bool, real frames (short clips have fewer)
    torch::Tensor hasVideo;  // [B] bool
    // Reply-thread context, for families that read "thread": per post of the batch, the posts of
    // its thread it is read with (SupervisedData's PostExample::thread), oldest first, the post
    // itself last; real posts first in each row, then padding posts.
    torch::Tensor threadTokens;  // [B, P, T] int64 token ids, 0 = padding
    torch::Tensor threadLengths; // [B, P] int64, real tokens per post (at least 1), 0 on padding posts
    torch::Tensor threadMask;    // [B, P] bool, real posts (at least the post itself)

    std::int64_t batchSize() const
    {
        if (tokens.defined())
            return tokens.size(0);
        if (threadTokens.defined())
            return threadTokens.size(0);
        if (images.defined())
            return images.size(0);
        return frames.defined() ? frames.size(0) : 0;
    }
    ModelInputs to(const torch::Device &device) const
    {
        auto move = [&](const torch::Tensor &t) { return t.defined() ? t.to(device) : t; };
        return {move(tokens),   move(lengths),      move(images),        move(hasImage),  move(frames),
                move(frameMask), move(hasVideo), move(threadTokens), move(threadLengths), move(threadMask)};
    }
};

} // namespace chorus
