#include "models/training/batchbuilder.h"

#include "core/training/mediatensorreader.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace chorus {

BatchBuilder::BatchBuilder(const SupervisedData &data, BatchInputs inputs, MediaTensorReader *media)
    : m_data(data), m_inputs(inputs), m_media(media)
{
}

std::vector<BatchBuilder::ThreadPost> BatchBuilder::threadPosts(const PostExample &example, const SupervisedData &data)
{
    std::vector<ThreadPost> posts;
    for (std::int64_t id : example.thread)
        if (id != example.postId)
            if (auto found = data.threadPostTokens.find(id); found != data.threadPostTokens.end())
                posts.emplace_back(id, &found->second);
    posts.emplace_back(example.postId, &example.ids);
    return posts;
}

SupervisedBatch BatchBuilder::build(const std::vector<PostExample> &examples, const std::vector<std::size_t> &order,
                                    std::size_t begin, std::size_t end, bool training, std::uint64_t seed) const
{
    const auto rows = static_cast<std::int64_t>(end - begin);
    SupervisedBatch batch;
    batch.rows.assign(order.begin() + static_cast<std::ptrdiff_t>(begin), order.begin() + static_cast<std::ptrdiff_t>(end));

    if (m_inputs.text) {
        std::size_t width = 1;
        for (std::size_t row : batch.rows)
            width = std::max(width, examples[row].ids.size());
        auto tokens = torch::zeros({rows, static_cast<std::int64_t>(width)}, torch::kInt64);
        auto lengths = torch::empty({rows}, torch::kInt64);
        auto tokenData = tokens.accessor<std::int64_t, 2>();
        auto lengthData = lengths.accessor<std::int64_t, 1>();
        for (std::int64_t r = 0; r < rows; ++r) {
            const PostExample &e = examples[batch.rows[static_cast<std::size_t>(r)]];
            std::copy(e.ids.begin(), e.ids.end(), &tokenData[r][0]);
            // Empty posts still get one (padding) position, so every model sees a length >= 1.
            lengthData[r] = static_cast<std::int64_t>(std::max<std::size_t>(1, e.ids.size()));
        }
        batch.inputs.tokens = tokens;
        batch.inputs.lengths = lengths;
    }

    if (m_inputs.thread) {
        std::vector<std::vector<ThreadPost>> threads;
        std::size_t postsWide = 1, tokensWide = 1;
        for (std::size_t row : batch.rows) {
            threads.push_back(threadPosts(examples[row], m_data));
            postsWide = std::max(postsWide, threads.back().size());
            for (const ThreadPost &post : threads.back())
                tokensWide = std::max(tokensWide, post.second->size());
        }
        const auto posts = static_cast<std::int64_t>(postsWide);
        const auto width = static_cast<std::int64_t>(tokensWide);
        auto tokens = torch::zeros({rows, posts, width}, torch::kInt64);
        auto lengths = torch::zeros({rows, posts}, torch::kInt64);
        auto mask = torch::zeros({rows, posts}, torch::kBool);
        std::int64_t *tokenData = tokens.data_ptr<std::int64_t>();
        std::int64_t *lengthData = lengths.data_ptr<std::int64_t>();
        bool *maskData = mask.data_ptr<bool>();
        for (std::int64_t r = 0; r < rows; ++r) {
            const auto &thread = threads[static_cast<std::size_t>(r)];
            for (std::size_t p = 0; p < thread.size(); ++p) {
                const std::int64_t cell = r * posts + static_cast<std::int64_t>(p);
                const std::vector<std::int64_t> &ids = *thread[p].second;
                std::copy(ids.begin(), ids.end(), tokenData + cell * width);
                lengthData[cell] = static_cast<std::int64_t>(std::max<std::size_t>(1, ids.size()));
                maskData[cell] = true;
            }
        }
        batch.inputs.threadTokens = tokens;
        batch.inputs.threadLengths = lengths;
        batch.inputs.threadMask = mask;
    }

    const std::int64_t size = m_inputs.imageSize;
    const std::int64_t planeFloats = 3 * size * size;
    if (m_inputs.image) {
        auto images = torch::zeros({rows, 3, size, size});
        auto has = torch::zeros({rows}, torch::kBool);
        float *imageData = images.data_ptr<float>();
        bool *hasData = has.data_ptr<bool>();
        for (std::int64_t r = 0; r < rows; ++r) {
            const PostExample &e = examples[batch.rows[static_cast<std::size_t>(r)]];
            if (e.imageMedia == 0)
                continue;
            if (!m_media) {
                batch.mediaProblems.push_back("post " + std::to_string(e.postId) +
                                              ": this build cannot decode images (built without OpenCV)");
                continue;
            }
            auto decoded = m_media->image(e.imageMedia, static_cast<int>(size), training && m_inputs.augment,
                                          seed ^ (static_cast<std::uint64_t>(e.postId) * 0x9E3779B97F4A7C15ULL));
            if (!decoded || static_cast<std::int64_t>(decoded->size()) != planeFloats) {
                batch.mediaProblems.push_back("post " + std::to_string(e.postId) + ": " +
                                              (decoded ? std::string("image has the wrong size") : decoded.message()));
                continue;
            }
            std::memcpy(imageData + r * planeFloats, decoded->data(), sizeof(float) * static_cast<std::size_t>(planeFloats));
            hasData[r] = true;
        }
        batch.inputs.images = images;
        batch.inputs.hasImage = has;
    }
    if (m_inputs.video) {
        const std::int64_t frames = m_inputs.frames;
        auto clip = torch::zeros({rows, frames, 3, size, size});
        auto frameMask = torch::zeros({rows, frames}, torch::kBool);
        auto has = torch::zeros({rows}, torch::kBool);
        float *clipData = clip.data_ptr<float>();
        bool *maskData = frameMask.data_ptr<bool>();
        bool *hasData = has.data_ptr<bool>();
        for (std::int64_t r = 0; r < rows; ++r) {
            const PostExample &e = examples[batch.rows[static_cast<std::size_t>(r)]];
            if (e.videoMedia == 0)
                continue;
            if (!m_media) {
                batch.mediaProblems.push_back("post " + std::to_string(e.postId) +
                                              ": this build cannot decode video (built without FFmpeg)");
                continue;
            }
            auto decoded = m_media->video(e.videoMedia, static_cast<int>(frames), static_cast<int>(size));
            if (!decoded || decoded->frames <= 0 ||
                static_cast<std::int64_t>(decoded->data.size()) != decoded->frames * planeFloats) {
                batch.mediaProblems.push_back("post " + std::to_string(e.postId) + ": " +
                                              (decoded ? std::string("video gave no usable frames") : decoded.message()));
                continue;
            }
            const std::int64_t real = std::min<std::int64_t>(frames, decoded->frames);
            std::memcpy(clipData + r * frames * planeFloats, decoded->data.data(),
                        sizeof(float) * static_cast<std::size_t>(real * planeFloats));
            for (std::int64_t f = 0; f < real; ++f)
                maskData[r * frames + f] = true;
            hasData[r] = true;
        }
        batch.inputs.frames = clip;
        batch.inputs.frameMask = frameMask;
        batch.inputs.hasVideo = has;
    }

    for (std::size_t t = 0; t < m_data.tasks.size(); ++t) {
        auto target = torch::zeros({rows});
        auto mask = torch::zeros({rows}, torch::kBool);
        float *targetData = target.data_ptr<float>();
        bool *maskData = mask.data_ptr<bool>();
        for (std::int64_t r = 0; r < rows; ++r) {
            const double value = examples[batch.rows[static_cast<std::size_t>(r)]].targets[t];
            if (std::isnan(value))
                continue;
            targetData[r] = static_cast<float>(value);
            maskData[r] = true;
        }
        batch.targets.push_back(target);
        batch.masks.push_back(mask);
    }
    return batch;
}

} // namespace chorus
