#pragma once

#include "core/util/result.h"

#include <torch/torch.h>

#include <map>
#include <string>
#include <vector>

namespace chorus {

// Writes a trained model's tensors in formats other tools read: safetensors (Hugging Face's
// format: a little-endian u64 header length, a JSON header naming each tensor's dtype, shape and
// byte range, then the raw row-major data) and TensorBoard projector TSV (one vector per line, and
// a metadata file with one label per line). Files appear only complete (temporary file + rename).
class WeightsExporter {
public:
    // Every parameter and buffer under its module path ("encoder.conv1.weight"), moved to the CPU.
    // `metadata` becomes the header's "__metadata__" (string values only, as the format wants).
    static Status saveSafetensors(torch::nn::Module &model, const std::string &path,
                                  const std::map<std::string, std::string> &metadata);
    // matrix: [rows, dims]; labels: one per row (tabs and newlines are replaced by spaces).
    static Status saveProjectorTsv(const torch::Tensor &matrix, const std::vector<std::string> &labels,
                                   const std::string &vectorsPath, const std::string &metadataPath);
};

} // namespace chorus
