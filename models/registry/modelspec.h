#pragma once

#include "core/training/paramspec.h"
#include "models/text/textclassifier.h"
#include "models/training/supervisedmodel.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace chorus {

// What the trainer tells a factory about the data, so models size their inputs and outputs.
struct TextModelShape {
    std::int64_t vocabularySize = 0;
    std::int64_t classes = 0;
    std::int64_t maxLength = 0;
};

// A registry entry: everything the GUI needs to offer a model family and build its form, and the
// factory that builds it from validated parameters.
struct ModelSpec {
    std::string name;        // registry key, e.g. "textcnn"
    std::string displayName; // e.g. "TextCNN"
    std::string description; // one or two sentences
    std::vector<std::string> inputs;   // "text", "image", "video", "interactions", "sequences"
    std::vector<std::string> explains; // "token_attention", "layer_attention", "grad_cam", "modality_weights", ...
    bool supervised = true;
    // Which trainer runs this family: "text_classifier" (TextTrainer), "supervised" (the generic
    // trainer over ModelInputs: image, video, fusion, multi-task), "seq2seq" or "word2vec"
    // (EmbeddingTrainer).
    std::string trainer = "text_classifier";
    ParamSchema params;
    // Builds the module from params already resolved by params.resolve() (defaults filled in).
    std::function<std::shared_ptr<TextClassifierImpl>(const nlohmann::json &params, const TextModelShape &shape)>
        makeTextClassifier;
    // Families on the generic trainer ("supervised"): builds the module from resolved params.
    std::function<std::shared_ptr<SupervisedModelImpl>(const nlohmann::json &params, const ModelShape &shape)>
        makeModel;
};

} // namespace chorus
