#include "models/multitask/multitaskclassifier.h"

#include <set>
#include <stdexcept>

namespace chorus {

MultiTaskClassifierImpl::MultiTaskClassifierImpl(const MultiTaskClassifierOptions &options) : m_options(options)
{
    using namespace torch::nn;
    if (options.tasks().empty())
        throw std::invalid_argument("multitask: the model needs at least one task");
    std::set<std::string> names;
    for (const TaskShape &task : options.tasks()) {
        if (task.name.empty())
            throw std::invalid_argument("multitask: every task needs a name");
        if (task.classes < 0)
            throw std::invalid_argument("multitask: task \"" + task.name + "\" has a negative class count");
        if (!names.insert(task.name).second)
            throw std::invalid_argument("multitask: task \"" + task.name + "\" is listed twice");
    }
    if (options.head_hidden() < 1)
        throw std::invalid_argument("multitask: head_hidden must be at least 1");
    if (options.dropout() < 0.0 || options.dropout() >= 1.0)
        throw std::invalid_argument("multitask: dropout must be in [0, 1)");

    m_text = register_module("text", TextFeatureEncoder(TextFeatureEncoderOptions(options.vocabulary_size())
                                                            .embedding_dim(options.embedding_dim())
                                                            .hidden(options.hidden())
                                                            .layers(options.layers())
                                                            .dropout(options.dropout())));
    std::int64_t shared = m_text->outDim();
    if (options.use_images()) {
        m_image = register_module("image", ImageRegionEncoder(ImageRegionEncoderOptions(m_text->outDim())
                                                                  .base_channels(options.image_channels())
                                                                  .stages(options.image_stages())
                                                                  .image_size(options.image_size())));
        shared += m_image->dim();
    }
    // Submodule names may not contain dots, and task names are the user's: number the heads.
    for (std::size_t i = 0; i < options.tasks().size(); ++i) {
        const std::int64_t outputs = options.tasks()[i].classes > 0 ? options.tasks()[i].classes : 1;
        m_heads.emplace_back(register_module("head" + std::to_string(i),
                                             Sequential(Linear(shared, options.head_hidden()), ReLU(),
                                                        Dropout(options.dropout()), Linear(options.head_hidden(), outputs))));
    }
}

std::vector<std::string> MultiTaskClassifierImpl::modalityNames() const
{
    return m_image ? std::vector<std::string>{"text", "image"} : std::vector<std::string>{"text"};
}

ModelOutputs MultiTaskClassifierImpl::forward(const ModelInputs &inputs)
{
    if (!inputs.tokens.defined() || !inputs.lengths.defined())
        throw std::invalid_argument("multitask: the batch carries no text (tokens and lengths)");
    torch::Tensor shared = m_text->forward(inputs.tokens, inputs.lengths).pooled;
    ModelOutputs out;
    if (m_image) {
        const ImageRegions image =
            m_image->forward(inputs.images, inputs.hasImage, inputs.tokens.size(0), inputs.tokens.device());
        shared = torch::cat({shared, image.pooled}, 1);
        out.featureMaps = image.featureMaps;
    }
    out.representation = shared;
    for (std::size_t i = 0; i < m_heads.size(); ++i) {
        const TaskShape &task = m_options.tasks()[i];
        torch::Tensor output = m_heads[i]->forward(shared);
        if (task.classes == 0)
            output = output.squeeze(1);
        out.heads[task.name] = output;
    }
    out.logits = out.heads.at(m_options.tasks().front().name);
    return out;
}

} // namespace chorus
