#include "core/training/runconfig.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <vector>

namespace chorus {
namespace {

std::size_t editDistance(const std::string &a, const std::string &b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t previous = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t current = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1)});
            previous = current;
        }
    }
    return row[b.size()];
}

// "unknown key 'epoch'" plus a suggestion when a known key is a typo away.
Status checkKeys(const nlohmann::json &object, const std::vector<std::string> &known, const std::string &prefix)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (std::find(known.begin(), known.end(), it.key()) != known.end())
            continue;
        std::string message = prefix + it.key() + ": unknown key";
        std::string best;
        std::size_t bestDistance = 3;
        for (const std::string &k : known) {
            // A prefix ("warmup" for "warmup_steps") is as telling as a typo.
            const bool prefix = k.rfind(it.key(), 0) == 0 || it.key().rfind(k, 0) == 0;
            const std::size_t d = prefix ? 1 : editDistance(it.key(), k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        if (!best.empty())
            message += " (did you mean '" + best + "'?)";
        else {
            std::string list;
            for (const std::string &k : known)
                list += (list.empty() ? "" : ", ") + k;
            message += " (known: " + list + ")";
        }
        return Error{message};
    }
    return {};
}

template <typename T>
Status readInteger(const nlohmann::json &object, const std::string &key, const std::string &path, long long min,
                   long long max, T &out)
{
    if (!object.contains(key))
        return {};
    const nlohmann::json &value = object.at(key);
    if (!value.is_number_integer())
        return Error{path + ": expected an integer, got " + value.dump()};
    const long long v = value.get<long long>();
    if (v < min || v > max)
        return Error{path + ": must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " +
                     std::to_string(v)};
    out = static_cast<T>(v);
    return {};
}

Status readNumber(const nlohmann::json &object, const std::string &key, const std::string &path, double min, double max,
                  bool minExclusive, double &out)
{
    if (!object.contains(key))
        return {};
    const nlohmann::json &value = object.at(key);
    if (!value.is_number() || !std::isfinite(value.get<double>()))
        return Error{path + ": expected a number, got " + value.dump()};
    const double v = value.get<double>();
    if ((minExclusive ? v <= min : v < min) || v > max) {
        nlohmann::json low = min, high = max;
        return Error{path + ": must be " + (minExclusive ? "greater than " : "at least ") + low.dump() +
                     " and at most " + high.dump() + ", got " + value.dump()};
    }
    out = v;
    return {};
}

Status readString(const nlohmann::json &object, const std::string &key, const std::string &path,
                  const std::vector<std::string> &allowed, std::string &out)
{
    if (!object.contains(key))
        return {};
    const nlohmann::json &value = object.at(key);
    if (!value.is_string())
        return Error{path + ": expected a string, got " + value.dump()};
    const std::string v = value.get<std::string>();
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), v) == allowed.end()) {
        std::string list;
        for (const std::string &a : allowed)
            list += (list.empty() ? "" : ", ") + a;
        return Error{path + ": must be one of " + list + ", got \"" + v + "\""};
    }
    out = v;
    return {};
}

bool validDevice(const std::string &device)
{
    if (device == "auto" || device == "cpu" || device == "cuda")
        return true;
    if (device.rfind("cuda:", 0) != 0 || device.size() == 5)
        return false;
    return std::all_of(device.begin() + 5, device.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

#define CHORUS_TRY(expr)                                                                                              \
    do {                                                                                                              \
        if (Status status_ = (expr); !status_.ok())                                                                   \
            return status_.error();                                                                                   \
    } while (false)

Result<RunConfig> RunConfig::parse(const nlohmann::json &json, const ParamSchema *schema, bool requiresTask)
{
    if (!json.is_object())
        return Error{"config: expected a JSON object"};
    CHORUS_TRY(checkKeys(json,
                         {"model", "dataset", "task", "seed", "epochs", "params", "split", "device", "batch_size",
                          "optimizer", "schedule", "early_stopping", "checkpoint_every", "eval_every", "gradient_clip",
                          "class_weights", "tasks", "task_weights", "pretrained_vectors"},
                         ""));
    RunConfig config;
    for (const char *required : {"model", "dataset", "seed", "epochs"})
        if (!json.contains(required))
            return Error{std::string(required) + ": required"};
    if (requiresTask && !json.contains("task"))
        return Error{"task: required (the label task this model learns, e.g. \"sentiment\")"};
    CHORUS_TRY(readString(json, "model", "model", {}, config.model));
    CHORUS_TRY(readString(json, "dataset", "dataset", {}, config.dataset));
    CHORUS_TRY(readString(json, "task", "task", {}, config.task));
    if (config.model.empty() || config.dataset.empty())
        return Error{std::string(config.model.empty() ? "model" : "dataset") + ": must not be empty"};
    CHORUS_TRY(readInteger(json, "seed", "seed", 0, 9007199254740991LL, config.seed));
    CHORUS_TRY(readInteger(json, "epochs", "epochs", 1, 100000, config.epochs));
    CHORUS_TRY(readInteger(json, "batch_size", "batch_size", 1, 1 << 20, config.batchSize));
    CHORUS_TRY(readInteger(json, "checkpoint_every", "checkpoint_every", 0, 1LL << 40, config.checkpointEvery));
    CHORUS_TRY(readInteger(json, "eval_every", "eval_every", 0, 1LL << 40, config.evalEvery));
    CHORUS_TRY(readNumber(json, "gradient_clip", "gradient_clip", 0, 1e6, false, config.gradientClip));
    if (json.contains("class_weights")) {
        if (!json["class_weights"].is_boolean())
            return Error{"class_weights: expected true or false, got " + json["class_weights"].dump()};
        config.classWeights = json["class_weights"].get<bool>();
    }
    CHORUS_TRY(readString(json, "pretrained_vectors", "pretrained_vectors", {}, config.pretrainedVectors));
    if (json.contains("tasks")) {
        const nlohmann::json &tasks = json["tasks"];
        if (!tasks.is_array())
            return Error{"tasks: expected an array of label task names, e.g. [\"topic\", \"engagement\"]"};
        for (std::size_t i = 0; i < tasks.size(); ++i) {
            const std::string where = "tasks[" + std::to_string(i) + "]";
            if (!tasks[i].is_string() || tasks[i].get<std::string>().empty())
                return Error{where + ": expected a label task name, got " + tasks[i].dump()};
            const std::string name = tasks[i].get<std::string>();
            if (name == config.task ||
                std::find(config.extraTasks.begin(), config.extraTasks.end(), name) != config.extraTasks.end())
                // NOLINTNEXTLINE(performance-inefficient-string-concatenation): once, on the way out of the loop
                return Error{where + ": task '" + name + "' is listed twice"};
            config.extraTasks.push_back(name);
        }
    }
    if (json.contains("task_weights")) {
        const nlohmann::json &weights = json["task_weights"];
        if (!weights.is_object())
            return Error{"task_weights: expected an object like {\"sentiment\": 1.0, \"engagement\": 0.5}"};
        for (const auto &[name, value] : weights.items()) {
            const std::string where = "task_weights." + name;
            if (name != config.task &&
                std::find(config.extraTasks.begin(), config.extraTasks.end(), name) == config.extraTasks.end())
                // NOLINTNEXTLINE(performance-inefficient-string-concatenation): once, on the way out of the loop
                return Error{where + ": '" + name + "' is neither `task` nor in `tasks`"};
            if (!value.is_number() || value.get<double>() < 0 || value.get<double>() > 1000)
                return Error{where + ": must be a number between 0 and 1000, got " + value.dump()};
            config.taskWeights[name] = value.get<double>();
        }
    }
    if (json.contains("split")) {
        std::int64_t split = 0;
        CHORUS_TRY(readInteger(json, "split", "split", 1, 1LL << 62, split));
        config.split = split;
    }
    CHORUS_TRY(readString(json, "device", "device", {}, config.device));
    if (!validDevice(config.device))
        return Error{"device: must be auto, cpu, cuda or cuda:N, got \"" + config.device + "\""};

    if (json.contains("optimizer")) {
        const nlohmann::json &o = json["optimizer"];
        if (!o.is_object())
            return Error{"optimizer: expected an object like {\"name\": \"adamw\", \"lr\": 0.001}"};
        CHORUS_TRY(checkKeys(o, {"name", "lr", "weight_decay", "momentum"}, "optimizer."));
        CHORUS_TRY(readString(o, "name", "optimizer.name", {"adamw", "sgd"}, config.optimizer.name));
        CHORUS_TRY(readNumber(o, "lr", "optimizer.lr", 0, 10, true, config.optimizer.learningRate));
        CHORUS_TRY(readNumber(o, "weight_decay", "optimizer.weight_decay", 0, 1, false, config.optimizer.weightDecay));
        CHORUS_TRY(readNumber(o, "momentum", "optimizer.momentum", 0, 1, false, config.optimizer.momentum));
    }
    if (json.contains("schedule")) {
        const nlohmann::json &s = json["schedule"];
        if (!s.is_object())
            return Error{"schedule: expected an object like {\"name\": \"cosine\", \"warmup_steps\": 100}"};
        CHORUS_TRY(checkKeys(s, {"name", "warmup_steps", "step_size", "gamma"}, "schedule."));
        CHORUS_TRY(readString(s, "name", "schedule.name", {"constant", "cosine", "step"}, config.schedule.name));
        CHORUS_TRY(readInteger(s, "warmup_steps", "schedule.warmup_steps", 0, 1LL << 40, config.schedule.warmupSteps));
        CHORUS_TRY(readInteger(s, "step_size", "schedule.step_size", 1, 1LL << 40, config.schedule.stepSize));
        CHORUS_TRY(readNumber(s, "gamma", "schedule.gamma", 0, 1, true, config.schedule.gamma));
    }
    if (json.contains("early_stopping")) {
        const nlohmann::json &e = json["early_stopping"];
        if (!e.is_object())
            return Error{"early_stopping: expected an object like {\"metric\": \"macro_f1\", \"patience\": 3}"};
        CHORUS_TRY(checkKeys(e, {"metric", "mode", "patience"}, "early_stopping."));
        config.earlyStopping.enabled = true;
        CHORUS_TRY(readString(e, "metric", "early_stopping.metric", {}, config.earlyStopping.metric));
        // Errors and losses improve downwards: without an explicit mode, stopping on them must
        // keep the lowest, not the highest.
        static const char *const lowerIsBetter[] = {"loss", "mae", "rmse", "mse", "perplexity"};
        for (const char *metric : lowerIsBetter)
            if (config.earlyStopping.metric == metric)
                config.earlyStopping.mode = "min";
        CHORUS_TRY(readString(e, "mode", "early_stopping.mode", {"max", "min"}, config.earlyStopping.mode));
        CHORUS_TRY(readInteger(e, "patience", "early_stopping.patience", 1, 1000000, config.earlyStopping.patience));
    }

    const nlohmann::json params = json.contains("params") ? json["params"] : nlohmann::json::object();
    if (schema) {
        auto resolved = schema->resolve(params);
        if (!resolved)
            return resolved.error();
        config.params = *resolved;
    } else {
        if (!params.is_object())
            return Error{"params: expected an object of parameter values"};
        config.params = params;
    }
    return config;
}

#undef CHORUS_TRY

double ScheduleConfig::rate(double base, std::int64_t step, std::int64_t totalSteps) const
{
    if (warmupSteps > 0 && step < warmupSteps)
        return base * static_cast<double>(step + 1) / static_cast<double>(warmupSteps);
    if (name == "cosine") {
        const double span = static_cast<double>(std::max<std::int64_t>(1, totalSteps - warmupSteps));
        const double progress = std::min(1.0, static_cast<double>(step - warmupSteps) / span);
        return base * 0.5 * (1.0 + std::cos(M_PI * progress));
    }
    if (name == "step") {
        // Whole decays only: the rate drops once every stepSize steps.
        const std::int64_t decays = (step - warmupSteps) / stepSize;
        return base * std::pow(gamma, static_cast<double>(decays));
    }
    return base;
}

Result<RunConfig> RunConfig::parseFile(const std::string &path, const ParamSchema *schema, bool requiresTask)
{
    std::ifstream in(path);
    if (!in)
        return Error{"cannot open config '" + path + "'"};
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error &e) {
        return Error{"config '" + path + "' is not valid JSON: " + e.what()};
    }
    auto config = parse(json, schema, requiresTask);
    if (!config)
        return Error{path + ": " + config.message()};
    return config;
}

nlohmann::json RunConfig::toJson() const
{
    nlohmann::json out = {{"model", model},
                          {"dataset", dataset},
                          {"seed", seed},
                          {"epochs", epochs},
                          {"params", params},
                          {"device", device},
                          {"batch_size", batchSize},
                          {"optimizer",
                           {{"name", optimizer.name},
                            {"lr", optimizer.learningRate},
                            {"weight_decay", optimizer.weightDecay},
                            {"momentum", optimizer.momentum}}},
                          {"schedule",
                           {{"name", schedule.name},
                            {"warmup_steps", schedule.warmupSteps},
                            {"step_size", schedule.stepSize},
                            {"gamma", schedule.gamma}}},
                          {"checkpoint_every", checkpointEvery},
                          {"eval_every", evalEvery},
                          {"gradient_clip", gradientClip},
                          {"class_weights", classWeights}};
    if (!task.empty())
        out["task"] = task;
    if (!extraTasks.empty())
        out["tasks"] = extraTasks;
    if (!pretrainedVectors.empty())
        out["pretrained_vectors"] = pretrainedVectors;
    if (!taskWeights.empty())
        out["task_weights"] = taskWeights;
    if (split)
        out["split"] = *split;
    if (earlyStopping.enabled)
        out["early_stopping"] = {
            {"metric", earlyStopping.metric}, {"mode", earlyStopping.mode}, {"patience", earlyStopping.patience}};
    return out;
}

} // namespace chorus
