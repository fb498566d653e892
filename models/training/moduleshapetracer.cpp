#include <torch/torch.h>

#include "models/training/moduleshapetracer.h"

#include <ATen/record_function.h>

#include <sstream>

namespace chorus {
namespace {

// RecordFunction callbacks are plain function pointers: the tracer of this thread's pass.
thread_local ModuleShapeTracer *t_active = nullptr;

std::unique_ptr<at::ObserverContext> onOperatorStart(const at::RecordFunction &fn)
{
    if (t_active)
        t_active->operatorStarted(fn.inputs());
    return nullptr;
}

void onOperatorEnd(const at::RecordFunction &fn, at::ObserverContext *)
{
    if (t_active)
        t_active->operatorEnded(fn.outputs());
}

template <typename Visit>
void forEachTensor(const c10::IValue &value, const Visit &visit)
{
    if (value.isTensor())
        visit(value.toTensor());
    else if (value.isTensorList())
        for (const at::Tensor &t : value.toTensorList())
            visit(t);
    else if (value.isTuple())
        for (const c10::IValue &element : value.toTuple()->elements())
            forEachTensor(element, visit);
}

// "chorus::TextCnnImpl" -> "TextCnn", "torch::nn::Conv1dImpl" -> "Conv1d".
std::string typeName(const torch::nn::Module &module)
{
    std::string name = module.name();
    if (const auto colon = name.rfind("::"); colon != std::string::npos)
        name = name.substr(colon + 2);
    if (name.size() > 4 && name.compare(name.size() - 4, 4, "Impl") == 0)
        name.resize(name.size() - 4);
    return name;
}

std::int64_t count(const std::vector<at::Tensor> &tensors, bool trainableOnly)
{
    std::int64_t total = 0;
    for (const at::Tensor &t : tensors)
        if (!trainableOnly || t.requires_grad())
            total += t.numel();
    return total;
}

} // namespace

ModuleShapeTracer::ModuleShapeTracer(torch::nn::Module &root) : m_root(root)
{
    for (const auto &item : root.named_modules("", /*include_self=*/true))
        for (const auto &parameter : item.value()->named_parameters(/*recurse=*/false))
            m_owned[parameter.value().unsafeGetTensorImpl()] = {item.key(), parameter.value()};
}

void ModuleShapeTracer::trace(const std::function<void()> &forward)
{
#ifdef NDEBUG
    struct Watch {
        explicit Watch(ModuleShapeTracer *tracer)
        {
            t_active = tracer;
            handle = at::addThreadLocalCallback(
                at::RecordFunctionCallback(onOperatorStart, onOperatorEnd).needsInputs(true).needsOutputs(true));
        }
        ~Watch()
        {
            at::removeCallback(handle);
            t_active = nullptr;
        }
        at::CallbackHandle handle;
        at::RecordFunctionGuard enabled{true};
    } watch(this);
    m_stack.clear();
    forward();
    m_traced = true;
#else
    forward();
#endif
}

void ModuleShapeTracer::operatorStarted(const c10::ArrayRef<const c10::IValue> &inputs)
{
    Frame frame;
    for (const Frame &open : m_stack)
        if (open.nested || open.owned)
            frame.nested = true;
    if (!frame.nested) {
        for (const c10::IValue &input : inputs)
            forEachTensor(input, [&](const at::Tensor &t) {
                if (!t.defined())
                    return;
                const auto found = m_owned.find(t.unsafeGetTensorImpl());
                if (found != m_owned.end()) {
                    frame.owned = true;
                    frame.owner = found->second.first;
                } else
                    frame.readsInput = true;
            });
    }
    m_stack.push_back(std::move(frame));
}

void ModuleShapeTracer::operatorEnded(const std::vector<c10::IValue> &outputs)
{
    if (m_stack.empty())
        return;
    const Frame frame = std::move(m_stack.back());
    m_stack.pop_back();
    if (frame.nested || !frame.owned)
        return;
    bool first = true;
    for (const c10::IValue &output : outputs)
        forEachTensor(output, [&](const at::Tensor &t) {
            if (!t.defined())
                return;
            if (!frame.readsInput) {
                // Computed from parameters alone (a transposed weight): still the module's own.
                m_owned.emplace(t.unsafeGetTensorImpl(), std::make_pair(frame.owner, t));
            } else if (first) {
                m_recorded[frame.owner] = {t.sizes().vec(), ++m_order};
            }
            first = false;
        });
}

const ModuleShapeTracer::Recorded *ModuleShapeTracer::lastInSubtree(const std::string &path) const
{
    const Recorded *best = nullptr;
    for (const auto &[owner, recorded] : m_recorded) {
        const bool inside = path.empty() || owner == path ||
                            (owner.size() > path.size() && owner.compare(0, path.size(), path) == 0 &&
                             owner[path.size()] == '.');
        if (inside && (!best || recorded.order > best->order))
            best = &recorded;
    }
    return best;
}

nlohmann::json ModuleShapeTracer::describe(const std::string &name, const std::string &path,
                                           torch::nn::Module &module) const
{
    nlohmann::json node = {{"name", name},
                           {"path", path},
                           {"type", typeName(module)},
                           {"parameters", count(module.parameters(true), false)},
                           {"trainable", count(module.parameters(true), true)},
                           {"own_parameters", count(module.parameters(false), false)},
                           {"output_shape", nullptr}};
    std::ostringstream printed;
    module.pretty_print(printed);
    // Custom modules print their class name only; LibTorch's own print their options.
    if (printed.str() != module.name())
        node["details"] = printed.str();
    if (const auto own = m_recorded.find(path); own != m_recorded.end()) {
        node["output_shape"] = own->second.shape;
    } else if (const Recorded *last = lastInSubtree(path)) {
        node["output_shape"] = last->shape;
        for (const auto &[owner, recorded] : m_recorded)
            if (&recorded == last)
                node["output_from"] = owner;
    }
    nlohmann::json children = nlohmann::json::array();
    for (const auto &child : module.named_children())
        children.push_back(describe(child.key(), path.empty() ? child.key() : path + "." + child.key(), *child.value()));
    node["children"] = std::move(children);
    return node;
}

nlohmann::json ModuleShapeTracer::tree(const std::string &rootName) const
{
    nlohmann::json root = describe(rootName, "", m_root);
    root["traced"] = m_traced;
    return root;
}

} // namespace chorus
