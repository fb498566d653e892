#include "models/training/checkpointfile.h"

#include <ATen/CPUGeneratorImpl.h>

#include <filesystem>
#include <mutex>

namespace chorus {
namespace {

namespace fs = std::filesystem;

void commit(torch::serialize::OutputArchive &archive, const std::string &path)
{
    const std::string temporary = path + ".partial";
    archive.save_to(temporary);
    fs::rename(temporary, path);
}

} // namespace

void CheckpointFile::saveTraining(const std::string &path, torch::nn::Module &model, torch::optim::Optimizer &optimizer,
                                  const nlohmann::json &trainerState)
{
    torch::serialize::OutputArchive archive;
    torch::serialize::OutputArchive modelArchive;
    model.save(modelArchive);
    archive.write("model", modelArchive);
    torch::serialize::OutputArchive optimizerArchive;
    optimizer.save(optimizerArchive);
    archive.write("optimizer", optimizerArchive);
    at::Generator generator = at::detail::getDefaultCPUGenerator();
    torch::Tensor rng;
    {
        std::lock_guard<std::mutex> lock(generator.mutex());
        rng = generator.get_state();
    }
    archive.write("cpu_rng", rng, /*is_buffer=*/true);
    archive.write("trainer", c10::IValue(trainerState.dump()));
    commit(archive, path);
}

nlohmann::json CheckpointFile::loadTraining(const std::string &path, torch::nn::Module &model,
                                            torch::optim::Optimizer &optimizer)
{
    torch::serialize::InputArchive archive;
    archive.load_from(path);
    torch::serialize::InputArchive modelArchive;
    archive.read("model", modelArchive);
    model.load(modelArchive);
    torch::serialize::InputArchive optimizerArchive;
    archive.read("optimizer", optimizerArchive);
    optimizer.load(optimizerArchive);
    torch::Tensor rng;
    archive.read("cpu_rng", rng, /*is_buffer=*/true);
    at::Generator generator = at::detail::getDefaultCPUGenerator();
    {
        std::lock_guard<std::mutex> lock(generator.mutex());
        generator.set_state(rng);
    }
    c10::IValue state;
    archive.read("trainer", state);
    return nlohmann::json::parse(state.toStringRef());
}

void CheckpointFile::saveModel(const std::string &path, torch::nn::Module &model)
{
    torch::serialize::OutputArchive archive;
    model.save(archive);
    commit(archive, path);
}

void CheckpointFile::loadModel(const std::string &path, torch::nn::Module &model)
{
    torch::serialize::InputArchive archive;
    archive.load_from(path);
    torch::serialize::InputArchive modelArchive;
    if (archive.try_read("model", modelArchive))
        model.load(modelArchive);
    else
        model.load(archive);
}

} // namespace chorus
