#pragma once

#include "models/fusion/imageregionencoder.h"
#include "models/fusion/textfeatureencoder.h"
#include "models/training/supervisedmodel.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

struct FusionClassifierOptions {
    FusionClassifierOptions(std::int64_t vocabularySize, std::int64_t classes)
        : vocabulary_size_(vocabularySize), classes_(classes)
    {
    }
    TORCH_ARG(std::int64_t, vocabulary_size);
    TORCH_ARG(std::int64_t, classes);
    TORCH_ARG(std::string, fusion) = "gated"; // concat | gated | coattention | multiview
    TORCH_ARG(std::int64_t, embedding_dim) = 64;
    TORCH_ARG(std::int64_t, text_hidden) = 64; // per GRU direction; both modalities are 2 * text_hidden wide
    TORCH_ARG(std::int64_t, text_layers) = 1;
    TORCH_ARG(std::int64_t, image_channels) = 32; // width of the image trunk's first stage
    TORCH_ARG(std::int64_t, image_stages) = 3;
    TORCH_ARG(std::int64_t, image_size) = 64;
    TORCH_ARG(std::int64_t, attention_dim) = 64; // gate scorer and co-attention query/key width
    TORCH_ARG(std::int64_t, head_hidden) = 128;
    TORCH_ARG(double, dropout) = 0.2;
    TORCH_ARG(double, agreement_weight) = 0.1; // multiview only
};

// Text + image classifier. Text: embedding -> BiGRU token features and their masked mean. Image:
// the shared ResNet-style trunk, its last maps read as R = h * w regions projected to the text
// width. Then one of four fusions:
//  - concat: [text vector ; image vector] -> MLP.
//  - gated: each modality vector passes its own tanh projection and gets a score; a softmax over
//    the modalities the post has (a missing image gets weight exactly 0) mixes them -> MLP.
//    modalityWeights [B, 2] in the order of modalityNames().
//  - coattention: one affinity matrix between tokens and regions (scaled dot product of learned
//    queries and keys) read both ways: tokens over regions (textToImageAttention [B, T, R]) and
//    regions over tokens (imageToTextAttention [B, R, T]). Rows sum to 1 over real targets; rows of
//    padding tokens and every row of a post without an image are 0. Each side's features are
//    concatenated with what they attended to, pooled, concatenated -> MLP.
//  - multiview: a head on the text vector, one on the image vector and one on both; the prediction
//    is the last. auxiliaryLoss = agreement_weight * (symmetric KL between the two views'
//    distributions over posts that have both + KL from the fused distribution, held fixed, to each
//    view the post has). The second part gives the view heads a target, so agreement cannot be
//    reached by both collapsing to the same constant.
// For concat, multiview and coattention a post without an image uses a learned "missing" vector
// in place of its image vector. featureMaps is the image trunk's output, for Grad-CAM.
class FusionClassifierImpl : public SupervisedModelImpl {
public:
    explicit FusionClassifierImpl(const FusionClassifierOptions &options);

    ModelOutputs forward(const ModelInputs &inputs) override;
    torch::Tensor embeddingWeight() override { return m_text->embeddingWeight(); }
    std::vector<std::string> modalityNames() const override { return {"text", "image"}; }

    const FusionClassifierOptions &options() const { return m_options; }
    static std::vector<std::string> fusionKinds() { return {"concat", "gated", "coattention", "multiview"}; }

private:
    enum class Kind { Concat, Gated, CoAttention, MultiView };

    torch::nn::Sequential makeHead(const std::string &name, std::int64_t in);
    void forwardConcat(const TextFeatures &text, const ImageRegions &image, ModelOutputs &out);
    void forwardGated(const TextFeatures &text, const ImageRegions &image, ModelOutputs &out);
    void forwardCoAttention(const TextFeatures &text, const ImageRegions &image, ModelOutputs &out);
    void forwardMultiView(const TextFeatures &text, const ImageRegions &image, ModelOutputs &out);

    FusionClassifierOptions m_options;
    Kind m_kind = Kind::Gated;
    TextFeatureEncoder m_text{nullptr};
    ImageRegionEncoder m_image{nullptr};
    torch::nn::Sequential m_head{nullptr}; // the prediction head of every kind
    // gated
    torch::nn::Linear m_textGate{nullptr}, m_imageGate{nullptr}; // per-modality projections
    torch::nn::Linear m_gateHidden{nullptr}, m_gateScore{nullptr};
    // coattention
    torch::nn::Linear m_query{nullptr}, m_key{nullptr};
    torch::Tensor m_missingAttended; // [2D], the image summary of a post without an image
    // multiview
    torch::nn::Sequential m_textHead{nullptr}, m_imageHead{nullptr};
};

TORCH_MODULE(FusionClassifier);

} // namespace chorus
