#pragma once

#include <torch/torch.h>

#include "core/embeddings/embeddingsnapshot.h"
#include "core/training/superviseddata.h"
#include "core/util/result.h"
#include "models/training/modeloutputs.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace chorus {

class BatchBuilder;
class Project;
class SupervisedModelImpl;

// The projector's post embeddings per epoch: after each epoch, what the output layer reads
// (ModelOutputs::representation) for the same validation posts (the first
// EmbeddingSnapshot::kMaxRows; training posts when there is no validation part), with the text,
// post id, split, label and prediction as metadata, so the projector can show how the classes
// pulled apart during training and colour the posts the model gets wrong.
class PostRepresentationSnapshotter {
public:
    using PrimaryHead = std::function<torch::Tensor(const ModelOutputs &)>;

    // targetMean/targetScale turn a standardised regression output back into the task's units.
    PostRepresentationSnapshotter(const SupervisedData &data, const BatchBuilder &builder, torch::Device device,
                                  std::size_t batchSize, PrimaryHead primaryHead, double targetMean, double targetScale);

    // Reads the posts' texts from the project (once; later calls do nothing). An Error when the
    // project cannot be read.
    Status loadTexts(Project &project);

    // The snapshot, or nothing for a model without a representation or when there are no posts.
    // Leaves the model in training mode.
    std::optional<EmbeddingSnapshot> take(SupervisedModelImpl &model, int epoch, std::int64_t step) const;

    std::size_t posts() const { return m_posts.size(); }

private:
    const SupervisedData &m_data;
    const BatchBuilder &m_builder;
    torch::Device m_device;
    std::size_t m_batchSize;
    PrimaryHead m_primaryHead;
    double m_targetMean;
    double m_targetScale;
    std::vector<PostExample> m_posts;
    std::string m_split;
    std::vector<std::string> m_texts;
    bool m_textsLoaded = false;
};

} // namespace chorus
