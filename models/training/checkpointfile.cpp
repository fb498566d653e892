#include "models/training/checkpointfile.h"

#include "core/util/faultinjection.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unistd.h>

namespace chorus {
namespace {

// Bytes written to checkpoint files by this process, for CHORUS_FAULT_CHECKPOINT_FULL_AFTER.
std::atomic<std::int64_t> g_checkpointBytes{0};

// The archive's bytes go straight to a file descriptor whose every error is kept. LibTorch's own
// file writer is not used: on a full disk it reports a generic failure (or none, when the error
// surfaces only at close), and a writer that fails half-way leaves LibTorch's stream in a state
// whose destructor may throw. Here the sink always accepts the bytes LibTorch hands it and
// remembers the first error, which finish() reports with the file's name and the system's reason.
class PartialFile {
public:
    explicit PartialFile(std::string path) : m_path(std::move(path))
    {
        m_fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (m_fd < 0)
            m_errno = errno;
    }
    ~PartialFile()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    PartialFile(const PartialFile &) = delete;
    PartialFile &operator=(const PartialFile &) = delete;

    std::size_t write(const void *data, std::size_t size)
    {
        if (m_errno != 0)
            return size;
        const char *bytes = static_cast<const char *>(data);
        std::size_t left = size;
        if (const auto allowed = FaultInjection::checkpointBytesAllowed()) {
            const std::int64_t before = g_checkpointBytes.fetch_add(static_cast<std::int64_t>(size));
            const std::int64_t room = std::max<std::int64_t>(0, *allowed - before);
            if (room < static_cast<std::int64_t>(size)) {
                left = static_cast<std::size_t>(room); // what still fits, then the disk is full
                m_injectedFull = true;
            }
        }
        if (const std::int64_t delay = FaultInjection::checkpointChunkDelayMicroseconds(); delay > 0)
            std::this_thread::sleep_for(std::chrono::microseconds(delay * static_cast<std::int64_t>(1 + size / 65536)));
        while (left > 0) {
            const ssize_t n = ::write(m_fd, bytes, left);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                m_errno = errno;
                return size;
            }
            bytes += n;
            left -= static_cast<std::size_t>(n);
        }
        if (m_injectedFull)
            m_errno = ENOSPC;
        return size;
    }

    // Flushes to the disk and closes; throws with the first error, removing the partial file.
    void finish(const std::string &finalPath)
    {
        if (m_errno == 0 && ::fsync(m_fd) != 0)
            m_errno = errno;
        if (::close(m_fd) != 0 && m_errno == 0)
            m_errno = errno;
        m_fd = -1;
        if (m_errno != 0) {
            ::unlink(m_path.c_str());
            throw std::runtime_error("cannot write checkpoint '" + finalPath + "': " + std::strerror(m_errno) +
                                     (m_errno == ENOSPC ? " (the previous checkpoint is kept)" : ""));
        }
    }

private:
    std::string m_path;
    int m_fd = -1;
    int m_errno = 0;
    bool m_injectedFull = false;
};

// Written beside the final name, flushed, then renamed over it: a crash or a full disk leaves
// the previous checkpoint intact, never half a file.
void commit(torch::serialize::OutputArchive &archive, const std::string &path)
{
    const std::string temporary = path + ".partial";
    PartialFile file(temporary);
    archive.save_to([&file](const void *data, std::size_t size) { return file.write(data, size); });
    file.finish(path);
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        throw std::runtime_error("cannot write checkpoint '" + path + "': " + std::strerror(error));
    }
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
