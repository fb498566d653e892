#pragma once

#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>

namespace chorus {

// Commands to a running trainer from another thread (the worker's stdin reader, a GUI): pause,
// resume, single step, stop. The trainer polls between steps.
class TrainerControl {
public:
    // "pause", "resume", "step", "stop"; false for anything else.
    bool command(const std::string &name);
    void pause();
    void resume();
    // Resume with a new base learning rate from the next step on.
    void resume(double learningRate);
    void step();
    void stop();

    // Trainer side, called before each step: blocks while paused (until resume, step or stop) and
    // returns false when the run must stop. `paused` tells whether it blocked, for the events.
    bool awaitPermission(bool *paused = nullptr);
    bool stopRequested() const;
    // True while paused with no single step pending: the trainer is about to wait.
    bool holding() const;
    // A learning rate asked for with resume, once: the trainer applies and records it.
    std::optional<double> takeLearningRate();

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_paused = false;
    bool m_stopped = false;
    int m_singleSteps = 0;
    std::optional<double> m_learningRate;
};

} // namespace chorus
