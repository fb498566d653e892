#include <torch/torch.h>

#include "models/training/runmodel.h"

#include "core/store/project.h"
#include "core/text/vocabulary.h"
#include "models/registry/modelregistry.h"
#include "models/training/checkpointfile.h"

#include <filesystem>

namespace chorus {

Result<RunModel> RunModel::load(Project &project, std::int64_t runId)
{
    const std::string which = "run " + std::to_string(runId);
    try {
        RunModel loaded;
        auto run = RunStore(project).get(runId);
        if (!run)
            return run.error();
        loaded.run = *run;
        loaded.spec = ModelRegistry::instance().find(run->model);
        if (!loaded.spec)
            return Error{which + ": model '" + run->model + "' is not in this build"};
        if (!loaded.spec->makeModel && !loaded.spec->makeTextClassifier)
            return Error{which + ": '" + run->model + "' is not a supervised model (nothing to load as one)"};
        auto encoding = project.db().prepare(
            "SELECT data FROM artifacts WHERE run_id = ?1 AND kind = 'encoding' ORDER BY id DESC LIMIT 1");
        auto checkpoint = project.db().prepare("SELECT path FROM checkpoints WHERE run_id = ?1"
                                               " ORDER BY kind = 'best' DESC, step DESC LIMIT 1");
        if (!encoding || !checkpoint)
            return Error{"cannot read " + which};
        encoding->bind(1, runId);
        checkpoint->bind(1, runId);
        if (!encoding->step())
            return Error{which + " has no saved encoding (it failed before training)"};
        if (!checkpoint->step())
            return Error{which + " has no checkpoint (it stopped before its first one)"};
        loaded.checkpoint = checkpoint->text(0);
        if (!std::filesystem::exists(loaded.checkpoint))
            return Error{"checkpoint '" + loaded.checkpoint + "' of " + which + " is missing"};
        loaded.encoding = nlohmann::json::parse(encoding->blob(0), nullptr, false);
        if (!loaded.encoding.is_object() || !loaded.encoding.contains("vocabulary"))
            return Error{which + ": the saved encoding is damaged"};

        const nlohmann::json &e = loaded.encoding;
        auto vocabulary = Vocabulary::fromJson(e["vocabulary"]);
        if (!vocabulary)
            return Error{which + ": the saved vocabulary is damaged: " + vocabulary.message()};
        loaded.shape.vocabularySize = static_cast<std::int64_t>(vocabulary->size());
        const bool regression = e.value("regression", false);
        loaded.shape.classes = regression ? 1 : static_cast<std::int64_t>(e["classes"].size());
        loaded.shape.maxLength = e.value("max_length", std::int64_t(64));
        if (e.contains("inputs")) {
            loaded.shape.imageSize = e["inputs"].value("image_size", std::int64_t(64));
            loaded.shape.frames = e["inputs"].value("frames", std::int64_t(8));
        }
        for (const nlohmann::json &task : e.value("tasks", nlohmann::json::array()))
            loaded.shape.tasks.push_back(
                {task["name"].get<std::string>(),
                 task.value("regression", false) ? 0 : static_cast<std::int64_t>(task["classes"].size())});

        const nlohmann::json params = run->config.value("params", nlohmann::json::object());
        auto resolved = loaded.spec->params.resolve(params);
        if (!resolved)
            return Error{which + ": stored params: " + resolved.message()};
        loaded.model = loaded.spec->makeModel
                           ? loaded.spec->makeModel(*resolved, loaded.shape)
                           : std::shared_ptr<SupervisedModelImpl>(loaded.spec->makeTextClassifier(
                                 *resolved, TextModelShape{loaded.shape.vocabularySize, loaded.shape.classes,
                                                           loaded.shape.maxLength}));
        CheckpointFile::loadModel(loaded.checkpoint, *loaded.model);
        loaded.model->eval();
        return loaded;
    } catch (const std::exception &e) {
        std::string message = e.what();
        if (auto newline = message.find('\n'); newline != std::string::npos)
            message = message.substr(0, newline);
        return Error{"cannot load " + which + ": " + message};
    }
}

} // namespace chorus
