#include "models/training/trainercontrol.h"

namespace chorus {

bool TrainerControl::command(const std::string &name)
{
    if (name == "pause")
        pause();
    else if (name == "resume")
        resume();
    else if (name == "step")
        step();
    else if (name == "stop")
        stop();
    else
        return false;
    return true;
}

void TrainerControl::pause()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_paused = true;
    m_changed.notify_all();
}

void TrainerControl::resume()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_paused = false;
    m_singleSteps = 0;
    m_changed.notify_all();
}

void TrainerControl::resume(double learningRate)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_learningRate = learningRate;
    m_paused = false;
    m_singleSteps = 0;
    m_changed.notify_all();
}

std::optional<double> TrainerControl::takeLearningRate()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    std::optional<double> rate = m_learningRate;
    m_learningRate.reset();
    return rate;
}

void TrainerControl::step()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_paused = true;
    ++m_singleSteps;
    m_changed.notify_all();
}

void TrainerControl::stop()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_stopped = true;
    m_changed.notify_all();
}

bool TrainerControl::awaitPermission(bool *paused)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    if (paused)
        *paused = m_paused && m_singleSteps == 0 && !m_stopped;
    m_changed.wait(lock, [this] { return m_stopped || !m_paused || m_singleSteps > 0; });
    if (m_stopped)
        return false;
    if (m_paused && m_singleSteps > 0)
        --m_singleSteps;
    return true;
}

bool TrainerControl::holding() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_paused && m_singleSteps == 0 && !m_stopped;
}

bool TrainerControl::stopRequested() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_stopped;
}

} // namespace chorus
