#include "models/fusion/fusionclassifier.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace chorus {
namespace {

// Softmax over the last dimension restricted to `valid` targets. Rows with no valid target (a post
// without an image, a padding query) come out as all zeros instead of NaN, in the forward and the
// backward pass alike.
torch::Tensor maskedSoftmax(const torch::Tensor &scores, const torch::Tensor &valid)
{
    const torch::Tensor anyValid = valid.any(-1, /*keepdim=*/true);
    const torch::Tensor safe = scores.masked_fill(valid.logical_not(), -std::numeric_limits<float>::infinity())
                                   .masked_fill(anyValid.logical_not(), 0.0);
    return torch::softmax(safe, -1) * anyValid.to(scores.scalar_type());
}

// Mean over the rows selected by `rows` (bool [B]) of per-sample values [B]; 0 when none is.
torch::Tensor meanOver(const torch::Tensor &values, const torch::Tensor &rows)
{
    const torch::Tensor weight = rows.to(values.scalar_type());
    return (values * weight).sum() / weight.sum().clamp_min(1.0);
}

// KL(p || q) per sample from log-probabilities [B, classes].
torch::Tensor klDivergence(const torch::Tensor &logP, const torch::Tensor &logQ)
{
    return (logP.exp() * (logP - logQ)).sum(1);
}

} // namespace

FusionClassifierImpl::FusionClassifierImpl(const FusionClassifierOptions &options) : m_options(options)
{
    using namespace torch::nn;
    if (options.fusion() == "concat")
        m_kind = Kind::Concat;
    else if (options.fusion() == "gated")
        m_kind = Kind::Gated;
    else if (options.fusion() == "coattention")
        m_kind = Kind::CoAttention;
    else if (options.fusion() == "multiview")
        m_kind = Kind::MultiView;
    else
        throw std::invalid_argument("fusion: unknown fusion \"" + options.fusion() +
                                    "\" (known: concat, gated, coattention, multiview)");
    if (options.classes() < 1)
        throw std::invalid_argument("fusion: the task needs at least one class");
    if (options.attention_dim() < 1 || options.head_hidden() < 1)
        throw std::invalid_argument("fusion: attention_dim and head_hidden must be at least 1");
    if (options.dropout() < 0.0 || options.dropout() >= 1.0)
        throw std::invalid_argument("fusion: dropout must be in [0, 1)");

    m_text = register_module("text", TextFeatureEncoder(TextFeatureEncoderOptions(options.vocabulary_size())
                                                            .embedding_dim(options.embedding_dim())
                                                            .hidden(options.text_hidden())
                                                            .layers(options.text_layers())
                                                            .dropout(options.dropout())));
    const std::int64_t dim = m_text->outDim();
    m_image = register_module("image", ImageRegionEncoder(ImageRegionEncoderOptions(dim)
                                                              .base_channels(options.image_channels())
                                                              .stages(options.image_stages())
                                                              .image_size(options.image_size())));
    switch (m_kind) {
    case Kind::Concat:
        m_head = makeHead("head", 2 * dim);
        break;
    case Kind::Gated:
        m_textGate = register_module("text_gate", Linear(dim, dim));
        m_imageGate = register_module("image_gate", Linear(dim, dim));
        m_gateHidden = register_module("gate_hidden", Linear(dim, options.attention_dim()));
        m_gateScore = register_module("gate_score", Linear(LinearOptions(options.attention_dim(), 1).bias(false)));
        m_head = makeHead("head", dim);
        break;
    case Kind::CoAttention:
        m_query = register_module("query", Linear(dim, options.attention_dim()));
        m_key = register_module("key", Linear(dim, options.attention_dim()));
        m_missingAttended = register_parameter("missing_attended", torch::zeros({2 * dim}));
        m_head = makeHead("head", 4 * dim);
        break;
    case Kind::MultiView:
        m_textHead = makeHead("text_head", dim);
        m_imageHead = makeHead("image_head", dim);
        m_head = makeHead("head", 2 * dim);
        break;
    }
}

torch::nn::Sequential FusionClassifierImpl::makeHead(const std::string &name, std::int64_t in)
{
    using namespace torch::nn;
    return register_module(name, Sequential(Linear(in, m_options.head_hidden()), ReLU(),
                                            Dropout(m_options.dropout()),
                                            Linear(m_options.head_hidden(), m_options.classes())));
}

ModelOutputs FusionClassifierImpl::forward(const ModelInputs &inputs)
{
    if (!inputs.tokens.defined() || !inputs.lengths.defined())
        throw std::invalid_argument("fusion: the batch carries no text (tokens and lengths)");
    const torch::Device device = inputs.tokens.device();
    const TextFeatures text = m_text->forward(inputs.tokens, inputs.lengths);
    const ImageRegions image = m_image->forward(inputs.images, inputs.hasImage, inputs.tokens.size(0), device);

    ModelOutputs out;
    out.featureMaps = image.featureMaps;
    switch (m_kind) {
    case Kind::Concat: forwardConcat(text, image, out); break;
    case Kind::Gated: forwardGated(text, image, out); break;
    case Kind::CoAttention: forwardCoAttention(text, image, out); break;
    case Kind::MultiView: forwardMultiView(text, image, out); break;
    }
    return out;
}

void FusionClassifierImpl::forwardConcat(const TextFeatures &text, const ImageRegions &image, ModelOutputs &out)
{
    out.representation = torch::cat({text.pooled, image.pooled}, 1);
    out.logits = m_head->forward(out.representation);
}

void FusionClassifierImpl::forwardGated(const TextFeatures &text, const ImageRegions &image, ModelOutputs &out)
{
    const torch::Tensor textVector = torch::tanh(m_textGate->forward(text.pooled));
    const torch::Tensor imageVector = torch::tanh(m_imageGate->forward(image.pooled));
    const torch::Tensor vectors = torch::stack({textVector, imageVector}, 1); // [B, 2, D]
    const torch::Tensor scores = m_gateScore->forward(torch::tanh(m_gateHidden->forward(vectors))).squeeze(2);
    // Text is always there (an empty post reads as one padding token); the image only when present.
    const torch::Tensor available =
        torch::stack({torch::ones_like(image.present), image.present}, 1); // [B, 2]
    const torch::Tensor weights = maskedSoftmax(scores, available);       // exp(-inf) = 0 exactly
    out.modalityWeights = weights;
    out.representation = (weights.unsqueeze(2) * vectors).sum(1);
    out.logits = m_head->forward(out.representation);
}

void FusionClassifierImpl::forwardCoAttention(const TextFeatures &text, const ImageRegions &image, ModelOutputs &out)
{
    const std::int64_t regions = image.regions.size(1);
    const torch::Tensor queries = m_query->forward(text.tokens); // [B, T, A]
    const torch::Tensor keys = m_key->forward(image.regions);     // [B, R, A]
    const torch::Tensor affinity =
        torch::bmm(queries, keys.transpose(1, 2)) / std::sqrt(static_cast<double>(m_options.attention_dim()));

    // Tokens over regions: real tokens of posts with an image; regions over tokens: every region of
    // a post with an image, over its real tokens.
    const torch::Tensor regionValid = image.present.view({-1, 1, 1}).expand({-1, text.tokens.size(1), regions});
    const torch::Tensor textToImage = maskedSoftmax(affinity, regionValid.logical_and(text.mask.unsqueeze(2)));
    const torch::Tensor tokenValid = text.mask.unsqueeze(1).logical_and(image.present.view({-1, 1, 1}));
    const torch::Tensor imageToText = maskedSoftmax(affinity.transpose(1, 2), tokenValid.expand({-1, regions, -1}));
    out.textToImageAttention = textToImage;
    out.imageToTextAttention = imageToText;

    const torch::Tensor tokenContext = torch::bmm(textToImage, image.regions); // [B, T, D], 0 rows without image
    const torch::Tensor regionContext = torch::bmm(imageToText, text.tokens);  // [B, R, D]
    const torch::Tensor realTokens = text.mask.to(tokenContext.scalar_type());
    const torch::Tensor tokenSummary =
        torch::cat({text.pooled, (tokenContext * realTokens.unsqueeze(2)).sum(1) / realTokens.sum(1, true)}, 1);
    const torch::Tensor regionSummary = ImageRegionEncoderImpl::replaceMissing(
        torch::cat({image.regions.mean(1), regionContext.mean(1)}, 1), image.present, m_missingAttended);
    out.representation = torch::cat({tokenSummary, regionSummary}, 1);
    out.logits = m_head->forward(out.representation);
}

void FusionClassifierImpl::forwardMultiView(const TextFeatures &text, const ImageRegions &image, ModelOutputs &out)
{
    const torch::Tensor textLogits = m_textHead->forward(text.pooled);
    const torch::Tensor imageLogits = m_imageHead->forward(image.pooled);
    out.representation = torch::cat({text.pooled, image.pooled}, 1);
    out.logits = m_head->forward(out.representation);

    const torch::Tensor logText = torch::log_softmax(textLogits, 1);
    const torch::Tensor logImage = torch::log_softmax(imageLogits, 1);
    const torch::Tensor logFused = torch::log_softmax(out.logits, 1).detach();
    const torch::Tensor agreement =
        meanOver(klDivergence(logText, logImage) + klDivergence(logImage, logText), image.present);
    const torch::Tensor everyRow = torch::ones_like(image.present);
    const torch::Tensor distillation =
        meanOver(klDivergence(logFused, logText), everyRow) + meanOver(klDivergence(logFused, logImage), image.present);
    out.auxiliaryLoss = m_options.agreement_weight() * (agreement + distillation);
}

} // namespace chorus
