#include <torch/torch.h>

#include "models/training/architecturedescriber.h"

#include "core/recommend/recommendertrainer.h"

#include "core/recommend/interactionmatrix.h"
#include "core/recommend/recommenderfactory.h"
#include "core/store/project.h"
#include "core/text/tokenizer.h"
#include "core/training/sequencedata.h"
#include "core/training/superviseddata.h"
#include "models/registry/modelspec.h"
#include "models/seq2seq/seq2seqmodel.h"
#include "models/training/moduleshapetracer.h"
#include "models/training/supervisedtrainingsetup.h"

#include <algorithm>
#include <exception>
#include <unordered_map>

namespace chorus {
namespace {

// Defaults of the trainers where a shape leaves a size out.
constexpr std::int64_t kDefaultMaxLength = 64;
constexpr std::int64_t kDefaultThreadPosts = 8;

bool reads(const ModelSpec &spec, const char *input)
{
    return std::find(spec.inputs.begin(), spec.inputs.end(), input) != spec.inputs.end();
}

std::int64_t sizeOf(const nlohmann::json &shape, const char *key, std::int64_t fallback)
{
    const auto found = shape.find(key);
    return found != shape.end() && found->is_number_integer() ? found->get<std::int64_t>() : fallback;
}

std::vector<std::int64_t> shapeOf(const torch::Tensor &t) { return t.sizes().vec(); }


// One row of a parameter table (families without LibTorch modules).
nlohmann::json table(const std::string &name, const std::string &type, std::vector<std::int64_t> shape,
                     bool learned, const std::string &details)
{
    std::int64_t size = 1;
    for (std::int64_t d : shape)
        size *= d;
    return {{"name", name},
            {"path", name},
            {"type", type},
            {"details", details},
            {"output_shape", shape},
            {"parameters", learned ? size : 0},
            {"trainable", learned ? size : 0},
            {"own_parameters", learned ? size : 0},
            {"children", nlohmann::json::array()}};
}

nlohmann::json tableRoot(const std::string &name, const std::string &type, nlohmann::json children)
{
    std::int64_t parameters = 0;
    for (const nlohmann::json &c : children)
        parameters += c.value("parameters", std::int64_t(0));
    return {{"name", name},          {"path", ""},         {"type", type},
            {"output_shape", nullptr}, {"parameters", parameters}, {"trainable", parameters},
            {"own_parameters", 0},   {"children", std::move(children)}, {"traced", false}};
}

nlohmann::json recommenderTree(const ModelSpec &spec, const nlohmann::json &params, const nlohmann::json &shape)
{
    const std::int64_t users = sizeOf(shape, "users", 1000);
    const std::int64_t items = sizeOf(shape, "items", 1000);
    const std::int64_t k = params.value("neighbours", std::int64_t(50));
    const std::int64_t factors = params.value("factors", std::int64_t(8));
    auto mf = [&] {
        return std::vector<nlohmann::json>{
            table("user_factors", "FactorTable", {users, factors}, true, "latent factors per user, fitted by ALS"),
            table("item_factors", "FactorTable", {items, factors}, true, "latent factors per item, fitted by ALS")};
    };
    auto userKnn = [&] {
        return table("user_neighbours", "NeighbourTable", {users, std::min(k, std::max<std::int64_t>(1, users - 1))},
                     false, "most similar users per user (cosine), computed from the interactions, not trained");
    };
    auto itemKnn = [&] {
        return table("item_neighbours", "NeighbourTable", {items, std::min(k, std::max<std::int64_t>(1, items - 1))},
                     false, "most similar items per item (cosine), computed from the interactions, not trained");
    };
    auto content = [&] {
        return table("item_profiles", "TfIdfProfiles", {items}, false,
                     "a TF-IDF vector of each item's title and topics, computed, not trained");
    };
    nlohmann::json children = nlohmann::json::array();
    if (spec.name == RecommenderFactory::kMf) {
        for (nlohmann::json &t : mf())
            children.push_back(std::move(t));
    } else if (spec.name == RecommenderFactory::kUserKnn) {
        children.push_back(userKnn());
    } else if (spec.name == RecommenderFactory::kItemKnn) {
        children.push_back(itemKnn());
    } else if (spec.name == RecommenderFactory::kContent) {
        children.push_back(content());
    } else if (spec.name == RecommenderFactory::kHybrid) {
        if (params.value("itemknn_weight", 0.0) > 0)
            children.push_back(itemKnn());
        if (params.value("userknn_weight", 0.0) > 0)
            children.push_back(userKnn());
        if (params.value("mf_weight", 0.0) > 0)
            for (nlohmann::json &t : mf())
                children.push_back(std::move(t));
        if (params.value("content_weight", 0.0) > 0)
            children.push_back(content());
    }
    return tableRoot(spec.name, "Recommender", std::move(children));
}

nlohmann::json word2vecTree(const ModelSpec &spec, const nlohmann::json &params, const nlohmann::json &shape)
{
    const std::int64_t words = sizeOf(shape, "vocabulary", 10000);
    const std::int64_t dimensions = params.value("dimensions", std::int64_t(100));
    nlohmann::json children = nlohmann::json::array();
    children.push_back(table("input_vectors", "EmbeddingTable", {words, dimensions}, true,
                             "the word vectors kept after training"));
    children.push_back(table("output_vectors", "EmbeddingTable", {words, dimensions}, true,
                             "negative-sampling output weights, used while training only"));
    return tableRoot(spec.name, "Word2Vec", std::move(children));
}

ModelShape toModelShape(const nlohmann::json &shape)
{
    ModelShape out;
    out.vocabularySize = sizeOf(shape, "vocabulary", 5000);
    out.classes = sizeOf(shape, "classes", 2);
    out.maxLength = sizeOf(shape, "max_length", kDefaultMaxLength);
    out.imageSize = sizeOf(shape, "image_size", 64);
    out.frames = sizeOf(shape, "frames", 8);
    if (const auto tasks = shape.find("tasks"); tasks != shape.end() && tasks->is_array())
        for (const nlohmann::json &task : *tasks)
            out.tasks.push_back({task.value("name", std::string("task")), task.value("classes", std::int64_t(0))});
    if (out.tasks.empty())
        out.tasks.push_back({"task", out.classes});
    return out;
}

// A batch with every input the family reads present and full-length, so every branch runs.
ModelInputs dummyInputs(const ModelSpec &spec, const nlohmann::json &params, const ModelShape &shape,
                        std::int64_t threadPosts)
{
    const std::int64_t b = ArchitectureDescriber::kBatch;
    const std::int64_t t = std::max<std::int64_t>(1, shape.maxLength);
    const std::int64_t vocabulary = std::max<std::int64_t>(2, shape.vocabularySize);
    ModelInputs in;
    if (reads(spec, "text") || spec.makeTextClassifier || reads(spec, "thread")) {
        in.tokens = torch::randint(1, vocabulary, {b, t}, torch::kInt64);
        in.lengths = torch::full({b}, t, torch::kInt64);
    }
    if (reads(spec, "image") || params.value("use_images", false)) {
        in.images = torch::randn({b, 3, shape.imageSize, shape.imageSize});
        in.hasImage = torch::ones({b}, torch::kBool);
    }
    if (reads(spec, "video")) {
        in.frames = torch::randn({b, shape.frames, 3, shape.imageSize, shape.imageSize});
        in.frameMask = torch::ones({b, shape.frames}, torch::kBool);
        in.hasVideo = torch::ones({b}, torch::kBool);
    }
    if (reads(spec, "thread")) {
        in.threadTokens = torch::randint(1, vocabulary, {b, threadPosts, t}, torch::kInt64);
        in.threadLengths = torch::full({b, threadPosts}, t, torch::kInt64);
        in.threadMask = torch::ones({b, threadPosts}, torch::kBool);
    }
    return in;
}

nlohmann::json inputShapes(const ModelInputs &in)
{
    nlohmann::json out = nlohmann::json::object();
    auto add = [&](const char *name, const torch::Tensor &t) {
        if (t.defined())
            out[name] = shapeOf(t);
    };
    add("tokens", in.tokens);
    add("images", in.images);
    add("frames", in.frames);
    add("thread_tokens", in.threadTokens);
    return out;
}

nlohmann::json outputShapes(const ModelOutputs &out)
{
    nlohmann::json shapes = nlohmann::json::object();
    auto add = [&](const std::string &name, const torch::Tensor &t) {
        if (t.defined())
            shapes[name] = shapeOf(t);
    };
    add("logits", out.logits);
    add("representation", out.representation);
    for (const auto &[task, head] : out.heads)
        add("head:" + task, head);
    add("token_attention", out.tokenAttention);
    for (std::size_t l = 0; l < out.layerAttention.size(); ++l)
        add("layer_attention:" + std::to_string(l), out.layerAttention[l]);
    add("frame_attention", out.frameAttention);
    add("modality_weights", out.modalityWeights);
    add("text_to_image_attention", out.textToImageAttention);
    add("image_to_text_attention", out.imageToTextAttention);
    add("feature_maps", out.featureMaps);
    return shapes;
}

} // namespace

Result<nlohmann::json> ArchitectureDescriber::shapeFromProject(Project &project, const RunConfig &config,
                                                              const ModelSpec &spec)
{
    const nlohmann::json &params = config.params;
    if (spec.trainer == "word2vec") {
        // The vocabulary word2vec would keep: words of the training posts seen min_count times.
        auto datasetId = project.datasetId(config.dataset);
        if (!datasetId)
            return Error{"dataset: no dataset named '" + config.dataset + "'"};
        auto select = project.db().prepare(
            "SELECT p.text FROM posts p WHERE p.dataset_id = ?1 AND (?2 = 0 OR EXISTS (SELECT 1 FROM"
            " split_assignments a WHERE a.split_id = ?2 AND a.post_id = p.id AND a.part = 'train'))");
        if (!select)
            return select.error();
        select->bind(1, *datasetId).bind(2, config.split.value_or(0));
        const SocialTokenizer tokenizer;
        std::unordered_map<std::string, std::int64_t> counts;
        while (select->step())
            for (std::string &token : tokenizer.tokenize(select->textView(0)))
                ++counts[std::move(token)];
        if (select->failed())
            return Error{"cannot read posts: " + select->lastError()};
        const std::int64_t minCount = params.value("min_count", std::int64_t(2));
        std::int64_t kept = 0;
        for (const auto &[word, n] : counts)
            kept += n >= minCount ? 1 : 0;
        return nlohmann::json{{"vocabulary", kept}};
    }
    if (spec.trainer == "recommender") {
        InteractionLoadOptions options;
        options.aggregation = params.value("aggregation", "sum") == "max" ? WeightAggregation::Max : WeightAggregation::Sum;
        options.kinds = RecommenderTrainer::interactionKinds(params.value("kinds", "all"));
        auto matrix = InteractionMatrix::load(project, config.dataset, options);
        if (!matrix)
            return matrix.error();
        return nlohmann::json{{"users", matrix->users()}, {"items", matrix->items()}};
    }
    if (spec.trainer == "seq2seq") {
        auto source = SequenceDataOptions::parseSource(params.value("source", "replies"));
        if (!source)
            return source.error();
        SequenceDataOptions options;
        options.source = *source;
        options.dataset = config.dataset;
        options.splitId = config.split.value_or(0);
        options.context = params.value("context", options.context);
        options.horizon = params.value("horizon", options.horizon);
        options.maxSourceLength = params.value("max_source_length", options.maxSourceLength);
        options.maxTargetLength = params.value("max_target_length", options.maxTargetLength);
        options.minCount = params.value("min_count", options.minCount);
        auto data = SequenceData::load(project, options);
        if (!data)
            return data.error();
        const bool behaviour = *source == SequenceSource::Behaviour;
        return nlohmann::json{
            {"vocabulary", data->vocabulary.size()},
            {"source_length", behaviour ? options.context : options.maxSourceLength},
            {"target_length", behaviour ? options.horizon + 1 : options.maxTargetLength}};
    }
    // Supervised families: the data options SupervisedTrainer::run() uses (a SentencePiece
    // tokenizer is trained here too, so the vocabulary is the run's).
    const SupervisedDataOptions options = SupervisedTrainingSetup::dataOptions(config, spec);
    const auto threadPosts = static_cast<std::int64_t>(options.threadPosts);
    auto data = SupervisedData::load(project, options);
    if (!data)
        return data.error();
    nlohmann::json tasks = nlohmann::json::array();
    for (const LabelTask &task : data->tasks)
        tasks.push_back({{"name", task.name}, {"classes", task.regression ? 0 : task.classes.size()}});
    nlohmann::json shape = {{"vocabulary", data->vocabulary.size()},
                            {"classes", data->primary().regression ? 1 : data->primary().classes.size()},
                            {"max_length", data->maxLength},
                            {"tasks", tasks}};
    // Only the sizes this family depends on, so that the shape a user sees says what sized the model.
    if (reads(spec, "image") || reads(spec, "video") || params.value("use_images", false))
        shape["image_size"] = params.value("image_size", std::int64_t(64));
    if (reads(spec, "video"))
        shape["frames"] = params.value("frames", std::int64_t(8));
    if (reads(spec, "thread"))
        shape["thread_posts"] = threadPosts;
    return shape;
}

Result<nlohmann::json> ArchitectureDescriber::describe(const ModelSpec &spec, const nlohmann::json &rawParams,
                                                      const nlohmann::json &givenShape)
{
    Result<nlohmann::json> resolved = spec.params.resolve(rawParams.is_null() ? nlohmann::json::object() : rawParams);
    if (!resolved)
        return resolved.error();
    const nlohmann::json &params = *resolved;
    // Sizes the trainer takes from the parameters when the data leaves them open.
    nlohmann::json shape = givenShape.is_object() ? givenShape : nlohmann::json::object();
    for (const char *key : {"image_size", "frames", "max_length"})
        if (!shape.contains(key) && params.contains(key) && params[key].is_number_integer())
            shape[key] = params[key];
    nlohmann::json out = {{"model", spec.name}, {"trainer", spec.trainer}, {"shape", shape}};
    try {
        if (spec.trainer == "word2vec" || spec.trainer == "recommender") {
            out["tree"] = spec.trainer == "word2vec" ? word2vecTree(spec, params, shape)
                                                     : recommenderTree(spec, params, shape);
        } else if (spec.trainer == "seq2seq") {
            const std::int64_t vocabulary = std::max<std::int64_t>(5, sizeOf(shape, "vocabulary", 5000));
            const std::int64_t sourceLength = std::max<std::int64_t>(1, sizeOf(shape, "source_length", 48));
            const std::int64_t targetLength = std::max<std::int64_t>(1, sizeOf(shape, "target_length", 24));
            Seq2seqModel model(seq2seqOptions(params, vocabulary));
            model->eval();
            const torch::Tensor source = torch::randint(4, vocabulary, {kBatch, sourceLength}, torch::kInt64);
            const torch::Tensor lengths = torch::full({kBatch}, sourceLength, torch::kInt64);
            const torch::Tensor target = torch::randint(4, vocabulary, {kBatch, targetLength}, torch::kInt64);
            ModuleShapeTracer tracer(*model);
            Seq2seqOutput result;
            tracer.trace([&] {
                torch::NoGradGuard noGrad;
                result = model->forward(source, lengths, target, 1.0);
            });
            out["inputs"] = {{"source", shapeOf(source)}, {"target", shapeOf(target)}};
            out["outputs"] = {{"logits", shapeOf(result.logits)}, {"cross_attention", shapeOf(result.attention)}};
            out["tree"] = tracer.tree(spec.name);
            out["tree"]["output_shape"] = shapeOf(result.logits);
            out["tree"].erase("output_from");
        } else if (spec.makeModel || spec.makeTextClassifier) {
            const ModelShape modelShape = toModelShape(shape);
            std::shared_ptr<SupervisedModelImpl> model =
                spec.makeModel ? spec.makeModel(params, modelShape)
                               : std::shared_ptr<SupervisedModelImpl>(spec.makeTextClassifier(
                                     params, TextModelShape{modelShape.vocabularySize, modelShape.classes,
                                                            modelShape.maxLength}));
            if (!model)
                return Error{"model: the " + spec.name + " factory built nothing"};
            model->eval();
            const std::int64_t threadPosts = std::max<std::int64_t>(
                1, sizeOf(shape, "thread_posts", params.value("max_posts", kDefaultThreadPosts)));
            const ModelInputs inputs = dummyInputs(spec, params, modelShape, threadPosts);
            ModuleShapeTracer tracer(*model);
            ModelOutputs result;
            tracer.trace([&] {
                torch::NoGradGuard noGrad;
                result = model->forward(inputs);
            });
            out["inputs"] = inputShapes(inputs);
            out["outputs"] = outputShapes(result);
            out["tree"] = tracer.tree(spec.name);
            // The whole model's output is what it returns, not its last layer's.
            if (result.logits.defined()) {
                out["tree"]["output_shape"] = shapeOf(result.logits);
                out["tree"].erase("output_from");
            }
        } else {
            return Error{"model: " + spec.name + " has nothing to describe (no module and no parameter table)"};
        }
    } catch (const std::exception &e) {
        return Error{"model: could not build and run " + spec.name + ": " + e.what()};
    }
    out["batch"] = kBatch;
    out["parameters"] = out["tree"].value("parameters", std::int64_t(0));
    out["trainable"] = out["tree"].value("trainable", std::int64_t(0));
    return out;
}

} // namespace chorus
