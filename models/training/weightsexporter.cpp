#include "models/training/weightsexporter.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace chorus {
namespace {

const char *safetensorsType(torch::ScalarType type)
{
    switch (type) {
    case torch::kFloat: return "F32";
    case torch::kDouble: return "F64";
    case torch::kHalf: return "F16";
    case torch::kBFloat16: return "BF16";
    case torch::kLong: return "I64";
    case torch::kInt: return "I32";
    case torch::kShort: return "I16";
    case torch::kChar: return "I8";
    case torch::kByte: return "U8";
    case torch::kBool: return "BOOL";
    default: return nullptr;
    }
}

std::string cleanLabel(std::string label)
{
    for (char &c : label)
        if (c == '\t' || c == '\n' || c == '\r')
            c = ' ';
    return label;
}

Status finish(std::ofstream &out, const std::string &temporary, const std::string &path)
{
    out.flush();
    if (!out) {
        std::remove(temporary.c_str());
        return Error{"cannot write " + path + " (disk full?)"};
    }
    out.close();
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::remove(temporary.c_str());
        return Error{"cannot write " + path + ": " + ec.message()};
    }
    return {};
}

} // namespace

Status WeightsExporter::saveSafetensors(torch::nn::Module &model, const std::string &path,
                                        const std::map<std::string, std::string> &metadata)
{
    try {
        std::vector<std::pair<std::string, torch::Tensor>> tensors;
        for (const auto &item : model.named_parameters())
            tensors.emplace_back(item.key(), item.value().detach().to(torch::kCPU).contiguous());
        for (const auto &item : model.named_buffers())
            tensors.emplace_back(item.key(), item.value().detach().to(torch::kCPU).contiguous());
        nlohmann::json header = nlohmann::json::object();
        std::uint64_t offset = 0;
        for (const auto &[name, tensor] : tensors) {
            const char *type = safetensorsType(tensor.scalar_type());
            if (!type)
                return Error{"safetensors: tensor '" + name + "' has a type the format cannot hold"};
            const std::uint64_t bytes = static_cast<std::uint64_t>(tensor.numel()) * tensor.element_size();
            header[name] = {{"dtype", type}, {"shape", tensor.sizes().vec()}, {"data_offsets", {offset, offset + bytes}}};
            offset += bytes;
        }
        if (!metadata.empty())
            header["__metadata__"] = metadata;
        std::string text = header.dump();
        // The data starts 8-byte aligned, as the reference implementation writes it.
        while ((text.size() % 8) != 0)
            text.push_back(' ');
        const std::string temporary = path + ".partial";
        std::ofstream out(temporary, std::ios::binary);
        if (!out)
            return Error{"cannot create " + path};
        std::uint64_t length = text.size();
        unsigned char prefix[8];
        for (int i = 0; i < 8; ++i)
            prefix[i] = static_cast<unsigned char>((length >> (8 * i)) & 0xFF);
        out.write(reinterpret_cast<const char *>(prefix), 8);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        // The hosts Chorus runs on are little-endian, as the format wants the data.
        for (const auto &[name, tensor] : tensors)
            out.write(static_cast<const char *>(tensor.data_ptr()),
                      static_cast<std::streamsize>(tensor.numel() * static_cast<std::int64_t>(tensor.element_size())));
        return finish(out, temporary, path);
    } catch (const std::exception &e) {
        return Error{"safetensors: " + std::string(e.what())};
    }
}

Status WeightsExporter::saveProjectorTsv(const torch::Tensor &matrix, const std::vector<std::string> &labels,
                                         const std::string &vectorsPath, const std::string &metadataPath)
{
    try {
        if (matrix.dim() != 2)
            return Error{"projector export: expected a matrix of vectors"};
        if (static_cast<std::size_t>(matrix.size(0)) != labels.size())
            return Error{"projector export: " + std::to_string(matrix.size(0)) + " vectors but " +
                         std::to_string(labels.size()) + " labels"};
        const torch::Tensor values = matrix.detach().to(torch::kCPU, torch::kDouble).contiguous();
        const double *data = values.data_ptr<double>();
        const std::int64_t dims = values.size(1);
        const std::string vectorsTemporary = vectorsPath + ".partial";
        std::ofstream vectors(vectorsTemporary);
        if (!vectors)
            return Error{"cannot create " + vectorsPath};
        char number[32];
        for (std::int64_t r = 0; r < values.size(0); ++r) {
            for (std::int64_t c = 0; c < dims; ++c) {
                std::snprintf(number, sizeof number, "%.7g", data[r * dims + c]);
                vectors << (c ? "\t" : "") << number;
            }
            vectors << '\n';
        }
        if (Status s = finish(vectors, vectorsTemporary, vectorsPath); !s.ok())
            return s;
        const std::string metadataTemporary = metadataPath + ".partial";
        std::ofstream metadata(metadataTemporary);
        if (!metadata)
            return Error{"cannot create " + metadataPath};
        for (const std::string &label : labels)
            metadata << cleanLabel(label) << '\n';
        return finish(metadata, metadataTemporary, metadataPath);
    } catch (const std::exception &e) {
        return Error{"projector export: " + std::string(e.what())};
    }
}

} // namespace chorus
