#include "models/multitask/multitaskloss.h"

#include <cmath>
#include <stdexcept>

namespace chorus {

MultiTaskLoss MultiTaskLoss::compute(const ModelOutputs &outputs, const std::vector<TaskShape> &tasks,
                                     const std::map<std::string, TaskTarget> &targets,
                                     const std::map<std::string, double> &weights)
{
    MultiTaskLoss result;
    for (const TaskShape &task : tasks) {
        const auto head = outputs.heads.find(task.name);
        if (head == outputs.heads.end())
            throw std::invalid_argument("multitask loss: the model has no head for task \"" + task.name + "\"");
        const auto target = targets.find(task.name);
        if (target == targets.end())
            throw std::invalid_argument("multitask loss: no targets for task \"" + task.name + "\"");
        const torch::Tensor &prediction = head->second;
        const std::int64_t batch = prediction.size(0);
        const torch::Device device = prediction.device();
        if (target->second.values.dim() != 1 || target->second.values.size(0) != batch)
            throw std::invalid_argument("multitask loss: targets of task \"" + task.name + "\" must be [batch]");
        const torch::Tensor mask =
            target->second.mask.defined()
                ? target->second.mask.to(device, torch::kBool).reshape({batch})
                : torch::ones({batch}, torch::TensorOptions().dtype(torch::kBool).device(device));
        const torch::Tensor values = target->second.values.to(device);

        // Unlabelled rows are swapped for a harmless stand-in before the loss and then weighted 0;
        // torch::where passes them no gradient, so a NaN or -1 placeholder never leaks in.
        torch::Tensor perPost;
        if (task.classes > 0) {
            const torch::Tensor classes = torch::where(mask, values.to(torch::kLong), torch::zeros_like(values, torch::kLong));
            perPost = torch::nn::functional::cross_entropy(
                prediction, classes, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kNone));
        } else {
            const torch::Tensor difference =
                torch::where(mask, prediction - values.to(prediction.scalar_type()), torch::zeros_like(prediction));
            perPost = difference * difference;
        }
        const torch::Tensor labelled = mask.to(perPost.scalar_type());
        const torch::Tensor count = labelled.sum();
        const torch::Tensor taskLoss = (perPost * labelled).sum() / count.clamp_min(1.0);

        const auto weight = weights.find(task.name);
        const double w = weight == weights.end() ? 1.0 : weight->second;
        result.perTask[task.name] = taskLoss;
        result.labelled[task.name] = static_cast<std::int64_t>(count.item<double>());
        const torch::Tensor weighted = w * taskLoss;
        result.total = result.total.defined() ? result.total + weighted : weighted;
    }
    if (!result.total.defined())
        throw std::invalid_argument("multitask loss: no tasks");
    return result;
}

} // namespace chorus
