#pragma once

#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace chorus {

// Watches one forward pass of a module tree and notes, for each submodule that owns parameters,
// the shape of the last operator output computed from them. LibTorch's C++ modules have no
// forward hooks, so ATen's RecordFunction callbacks watch the operators instead and tell modules
// apart by the parameters an operator reads (or views of them, such as a transposed weight).
// Parameter-free modules (dropout, activations) get no shape of their own; a container gets the
// shape of its last traced descendant, which is named in "output_from".
//
// The callbacks read operator inputs, which LibTorch only offers to code built with NDEBUG (as
// the Debian and PyTorch binaries are); elsewhere trace() still runs the pass but records no
// shapes, and tree() says "traced": false.
class ModuleShapeTracer {
public:
    explicit ModuleShapeTracer(torch::nn::Module &root);

    // Runs `forward` on this thread with the tracer watching. LibTorch exceptions propagate.
    void trace(const std::function<void()> &forward);
    bool traced() const { return m_traced; }

    // The module tree: {name, path, type, details, output_shape (null when unknown), output_from,
    // parameters, trainable, own_parameters, children}. Counts include every descendant.
    nlohmann::json tree(const std::string &rootName) const;

    // Called by the RecordFunction callbacks (they must be plain functions).
    void operatorStarted(const c10::ArrayRef<const c10::IValue> &inputs);
    void operatorEnded(const std::vector<c10::IValue> &outputs);

private:
    struct Frame {
        bool nested = false;     // inside an operator already attributed to a module
        bool owned = false;      // it reads parameters (or views of them)
        std::string owner;       // path of the module that owns them ("" for the root)
        bool readsInput = false; // it also reads a tensor that is not a parameter (an activation)
    };
    struct Recorded {
        std::vector<std::int64_t> shape;
        std::int64_t order = 0; // when it was recorded, so "last" can be found among descendants
    };

    nlohmann::json describe(const std::string &name, const std::string &path, torch::nn::Module &module) const;
    const Recorded *lastInSubtree(const std::string &path) const;

    torch::nn::Module &m_root;
    // Parameters and views of them, by tensor, with the path of the module that owns them. The
    // tensors are held so that no address is reused during the pass.
    std::map<const void *, std::pair<std::string, at::Tensor>> m_owned;
    std::vector<Frame> m_stack;
    std::map<std::string, Recorded> m_recorded;
    std::int64_t m_order = 0;
    bool m_traced = false;
};

} // namespace chorus
