#include "models/video/videoclassifier.h"

#include <limits>
#include <stdexcept>

namespace chorus {
namespace {

// Side of the trunk's last maps: the stem keeps the size, each later stage's stride-2 convolution
// (3x3, padding 1, and its 1x1 shortcut) rounds the half up.
std::int64_t trunkSide(std::int64_t side, std::int64_t stages)
{
    for (std::int64_t stage = 1; stage < stages; ++stage)
        side = (side + 1) / 2;
    return side;
}

} // namespace

VideoClassifierImpl::VideoClassifierImpl(const VideoClassifierOptions &options) : m_options(options)
{
    using namespace torch::nn;
    if (options.classes() < 1)
        throw std::invalid_argument("video classifier: the task needs at least one class");
    if (options.frames() < 1 || options.hidden() < 1 || options.attention_dim() < 1)
        throw std::invalid_argument("video classifier: frames, hidden and attention_dim must be at least 1");
    if (options.image_size() < 1)
        throw std::invalid_argument("video classifier: image_size must be at least 1");
    if (options.stages() > 1 && (options.image_size() >> (options.stages() - 1)) < 1)
        throw std::invalid_argument("video classifier: " + std::to_string(options.stages()) +
                                    " stages halve a " + std::to_string(options.image_size()) +
                                    "-pixel frame below one pixel; use fewer stages or larger frames");
    if (options.temporal() != "gru" && options.temporal() != "attention")
        throw std::invalid_argument("video classifier: temporal must be \"gru\" or \"attention\", got \"" +
                                    options.temporal() + "\"");

    m_encoder = register_module("encoder", ImageEncoder(ImageEncoderOptions()
                                                            .base_channels(options.base_channels())
                                                            .stages(options.stages())));
    if (options.spatial_grid() < 1)
        throw std::invalid_argument("video classifier: spatial_grid must be at least 1");
    const std::int64_t grid = options.spatial_grid();
    const std::int64_t features = m_encoder->outChannels() * grid * grid;
    if (options.temporal() == "gru") {
        m_gru = register_module("gru", GRU(GRUOptions(features, options.hidden()).batch_first(true)));
    } else {
        m_projection = register_module("projection", Linear(features, options.hidden()));
        // Small random positions: distinct from the start, yet not drowning the frame features.
        m_positions = register_parameter("positions", torch::randn({options.frames(), options.hidden()}) * 0.1);
    }
    m_attentionProjection =
        register_module("attention_projection", Linear(options.hidden(), options.attention_dim()));
    m_attentionScore =
        register_module("attention_score", Linear(LinearOptions(options.attention_dim(), 1).bias(false)));
    m_dropout = register_module("dropout", Dropout(options.dropout()));
    m_output = register_module("output", Linear(options.hidden(), options.classes()));
}

ModelOutputs VideoClassifierImpl::forward(const ModelInputs &inputs)
{
    TORCH_CHECK(inputs.frames.defined() && inputs.frames.dim() == 5,
                "video classifier: inputs.frames must be [batch, frames, 3, height, width]");
    const torch::Tensor &frames = inputs.frames;
    const std::int64_t batch = frames.size(0), count = frames.size(1);
    TORCH_CHECK(frames.size(2) == 3, "video classifier: frames must have 3 colour channels, got ", frames.size(2));
    TORCH_CHECK(m_gru || count <= m_options.frames(), "video classifier: built for at most ", m_options.frames(),
                " frames per clip, got ", count);

    torch::Tensor mask = inputs.frameMask.defined()
                             ? inputs.frameMask.to(frames.device(), torch::kBool)
                             : torch::ones({batch, count}, torch::TensorOptions().dtype(torch::kBool).device(frames.device()));
    TORCH_CHECK(mask.dim() == 2 && mask.size(0) == batch && mask.size(1) == count,
                "video classifier: frameMask must be [batch, frames]");
    if (inputs.hasVideo.defined())
        mask = mask.logical_and(inputs.hasVideo.to(frames.device(), torch::kBool).view({batch, 1}));

    // Only real frames go through the trunk: no wasted work on padding, and BatchNorm's batch
    // statistics are not dragged towards the zeros of missing frames.
    const torch::Tensor flat = frames.reshape({batch * count, 3, frames.size(3), frames.size(4)});
    const torch::Tensor real = mask.reshape({-1}).nonzero().squeeze(1);
    const std::int64_t channels = m_encoder->outChannels();
    torch::Tensor maps;
    if (real.numel() > 0) {
        const torch::Tensor realMaps = m_encoder->forward(flat.index_select(0, real));
        maps = torch::zeros({batch * count, channels, realMaps.size(2), realMaps.size(3)}, realMaps.options())
                   .index_copy(0, real, realMaps);
    } else {
        maps = torch::zeros({batch * count, channels, trunkSide(frames.size(3), m_options.stages()),
                             trunkSide(frames.size(4), m_options.stages())},
                            frames.options());
    }
    // A coarse grid rather than one global average: motion is a change of *where* things are, which
    // a global average (translation invariant) throws away.
    const std::int64_t grid = m_options.spatial_grid();
    const torch::Tensor features =
        torch::adaptive_avg_pool2d(maps, {grid, grid}).reshape({batch, count, channels * grid * grid}); // [B, F, C*g*g]

    torch::Tensor states; // [B, F, hidden]
    if (m_gru) {
        // Unidirectional: the state at a real frame never sees the padding that follows it.
        states = std::get<0>(m_gru->forward(features));
    } else {
        states = torch::relu(m_projection->forward(features) + m_positions.slice(0, 0, count).unsqueeze(0));
    }

    torch::Tensor scores = m_attentionScore->forward(torch::tanh(m_attentionProjection->forward(states))).squeeze(2);
    // A clip with no real frame keeps all its scores finite (a softmax over nothing is NaN); its
    // weights are zeroed below, so it contributes an all-zero summary.
    const torch::Tensor anyReal = mask.any(1, /*keepdim=*/true);
    const torch::Tensor allowed = mask.logical_or(anyReal.logical_not());
    scores = scores.masked_fill(allowed.logical_not(), -std::numeric_limits<float>::infinity());
    const torch::Tensor weights = torch::softmax(scores, 1) * mask.to(scores.scalar_type()); // [B, F]
    const torch::Tensor summary = torch::bmm(weights.unsqueeze(1), states).squeeze(1);      // [B, hidden]

    ModelOutputs out;
    out.representation = summary;
    out.logits = m_output->forward(m_dropout->forward(summary));
    out.frameAttention = weights;
    out.featureMaps = maps;
    return out;
}

} // namespace chorus
