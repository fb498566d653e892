#pragma once

#include "core/text/vocabulary.h"
#include "models/training/supervisedmodel.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace chorus {

// Copies pretrained word vectors into the model's token embeddings (words the table lacks get
// small random rows); returns what was found, for the started event. Throws with the field named.
nlohmann::json loadPretrainedVectorsInto(SupervisedModelImpl &model, const Vocabulary &vocabulary, const std::string &path,
                                         std::uint64_t seed);

} // namespace chorus
