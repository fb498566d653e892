// LibTorch before Qt: Qt's keyword macros clash with ATen headers (and this target sets QT_NO_KEYWORDS).
#include <torch/torch.h>

#include "models/registry/modelregistry.h"

#include <QtTest>

#include <set>
#include <string>

using namespace chorus;

namespace {

const TextModelShape kShape{50, 3, 16};

bool contains(const std::vector<std::string> &values, const std::string &value)
{
    return std::find(values.begin(), values.end(), value) != values.end();
}

// Small but non-default parameters per family, to keep the forward passes fast.
nlohmann::json smallParams(const std::string &name)
{
    if (name == "textcnn")
        return {{"embedding_dim", 16}, {"kernel_sizes", {2, 3}}, {"filters", 4}};
    if (name == "rnn_attention")
        return {{"embedding_dim", 16}, {"cell", "gru"}, {"hidden", 8}, {"attention_dim", 8}};
    if (name == "transformer")
        return {{"embedding_dim", 16}, {"heads", 2}, {"layers", 1}, {"ff_dim", 16}, {"positions", "sinusoidal"}};
    return {{"embedding_dim", 8}, {"buckets", 64}};
}

} // namespace

class ModelRegistryTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { torch::manual_seed(3); }

    void builtInFamiliesArePresent()
    {
        const ModelRegistry &registry = ModelRegistry::instance();
        const std::vector<std::string> expected = {"textcnn", "rnn_attention", "transformer", "bag_of_ngrams"};
        for (const std::string &name : expected) {
            const ModelSpec *spec = registry.find(name);
            QVERIFY2(spec, name.c_str());
            QCOMPARE(spec->name, name);
            QVERIFY(!spec->displayName.empty());
            QVERIFY(!spec->description.empty());
            QVERIFY(contains(spec->inputs, "text"));
            QVERIFY(spec->supervised);
            QVERIFY(bool(spec->makeTextClassifier));
            QVERIFY(!spec->params.specs().empty());
            for (const ParamSpec &param : spec->params.specs())
                QVERIFY2(!param.help.empty(), (name + "." + param.name).c_str());
        }
        QVERIFY(contains(registry.find("rnn_attention")->explains, "token_attention"));
        QVERIFY(contains(registry.find("transformer")->explains, "layer_attention"));
        QVERIFY(registry.find("textcnn")->explains.empty());
        QVERIFY(!registry.find("no_such_model"));
        // Display order is registration order.
        QVERIFY(registry.models().size() >= expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i)
            QCOMPARE(registry.models()[i].name, expected[i]);
    }

    void schemasResolveTheirOwnDefaults()
    {
        for (const ModelSpec &spec : ModelRegistry::instance().models()) {
            const nlohmann::json defaults = spec.params.defaults();
            for (const ParamSpec &param : spec.params.specs())
                QVERIFY2(param.check(param.defaultValue, param.name).ok(), (spec.name + "." + param.name).c_str());
            const Result<nlohmann::json> fromNothing = spec.params.resolve(nlohmann::json::object());
            QVERIFY2(fromNothing.ok(), fromNothing.ok() ? "" : fromNothing.message().c_str());
            QCOMPARE(*fromNothing, defaults);
            const Result<nlohmann::json> fromDefaults = spec.params.resolve(defaults);
            QVERIFY(fromDefaults.ok());
            QCOMPARE(*fromDefaults, defaults);
        }
        const ParamSchema &cnn = ModelRegistry::instance().find("textcnn")->params;
        QCOMPARE(cnn.defaults()["kernel_sizes"], nlohmann::json({3, 4, 5}));
        QCOMPARE(ModelRegistry::instance().find("rnn_attention")->params.find("cell")->choices,
                 std::vector<std::string>({"lstm", "gru"}));
    }

    void unknownAndOutOfRangeParamsAreRefused()
    {
        const ModelRegistry &registry = ModelRegistry::instance();
        const Result<nlohmann::json> unknown = registry.find("textcnn")->params.resolve({{"kernel_size", 3}});
        QVERIFY(!unknown.ok());
        QVERIFY2(unknown.message().find("params.kernel_size") != std::string::npos, unknown.message().c_str());

        const Result<nlohmann::json> range = registry.find("textcnn")->params.resolve({{"kernel_sizes", {3, 0}}});
        QVERIFY(!range.ok());
        QVERIFY2(range.message().find("params.kernel_sizes[1]") != std::string::npos, range.message().c_str());

        QVERIFY(!registry.find("rnn_attention")->params.resolve({{"cell", "rnn"}}).ok());
        QVERIFY(!registry.find("transformer")->params.resolve({{"dropout", 1.5}}).ok());

        // The building entry point refuses the same way instead of building something else.
        const auto built = registry.makeTextClassifier("transformer", {{"heads", 0}}, kShape);
        QVERIFY(!built.ok());
        QVERIFY2(built.message().find("params.heads") != std::string::npos, built.message().c_str());
        QVERIFY(!registry.makeTextClassifier("no_such_model", {}, kShape).ok());
        QVERIFY(!registry.makeTextClassifier("textcnn", {}, TextModelShape{0, 3, 16}).ok());
        QVERIFY(!registry.makeTextClassifier("textcnn", {}, TextModelShape{50, 0, 16}).ok());
    }

    void factoriesBuildWorkingModules()
    {
        const ModelRegistry &registry = ModelRegistry::instance();
        const torch::Tensor tokens = torch::randint(1, kShape.vocabularySize, {3, 7}, torch::kLong);
        const torch::Tensor lengths = torch::tensor({7, 4, 1}, torch::kLong);
        for (const ModelSpec &spec : registry.models()) {
            if (spec.trainer != "text_classifier")
                continue; // word embeddings have no classifier module
            // Straight through the spec's factory, as the trainer does after resolving.
            const Result<nlohmann::json> resolved = spec.params.resolve(smallParams(spec.name));
            QVERIFY2(resolved.ok(), resolved.ok() ? "" : resolved.message().c_str());
            std::shared_ptr<TextClassifierImpl> direct = spec.makeTextClassifier(*resolved, kShape);
            QVERIFY(direct);

            auto built = registry.makeTextClassifier(spec.name, smallParams(spec.name), kShape);
            QVERIFY2(built.ok(), built.ok() ? "" : built.message().c_str());
            for (const std::shared_ptr<TextClassifierImpl> &model : {direct, *built}) {
                const TextClassifierOutput out = model->forward(tokens, lengths);
                QVERIFY2(out.logits.sizes() == torch::IntArrayRef({3, kShape.classes}), spec.name.c_str());
                QVERIFY(torch::isfinite(out.logits).all().item<bool>());
                QCOMPARE(contains(spec.explains, "token_attention"), out.tokenAttention.defined());
                QCOMPARE(contains(spec.explains, "layer_attention"), !out.layerAttention.empty());
            }
        }
        // Resolved params reach the module: the embedding width follows embedding_dim.
        auto cnn = registry.makeTextClassifier("textcnn", {{"embedding_dim", 24}}, kShape);
        QVERIFY(cnn.ok());
        QVERIFY((*cnn)->embeddingWeight().sizes() == torch::IntArrayRef({kShape.vocabularySize, 24}));
        auto bag = registry.makeTextClassifier("bag_of_ngrams", {{"embedding_dim", 8}, {"buckets", 64}}, kShape);
        QVERIFY(bag.ok());
        QVERIFY((*bag)->embeddingWeight().sizes() == torch::IntArrayRef({kShape.vocabularySize + 64, 8}));
    }

    void duplicateNamesAreRefused()
    {
        ModelRegistry &registry = ModelRegistry::instance();
        const std::size_t before = registry.models().size();
        ModelSpec copy = *registry.find("textcnn");
        const Status status = registry.add(copy);
        QVERIFY(!status.ok());
        QVERIFY2(status.message().find("textcnn") != std::string::npos, status.message().c_str());
        QCOMPARE(registry.models().size(), before);
        QVERIFY(!registry.add(ModelSpec{}).ok());

        ModelSpec extra = copy;
        extra.name = "test_only_textcnn";
        QVERIFY(registry.add(extra).ok());
        QCOMPARE(registry.models().size(), before + 1);
        QVERIFY(registry.find("test_only_textcnn"));
        QVERIFY(registry.makeTextClassifier("test_only_textcnn", {}, kShape).ok());
    }

    void jsonListsFamiliesAndSchemas()
    {
        const nlohmann::json json = ModelRegistry::instance().toJson();
        QVERIFY(json.is_array());
        std::set<std::string> names;
        for (const nlohmann::json &entry : json) {
            names.insert(entry.at("name").get<std::string>());
            for (const char *key : {"display_name", "description", "inputs", "explains", "supervised", "params"})
                QVERIFY2(entry.contains(key), key);
        }
        for (const char *name : {"textcnn", "rnn_attention", "transformer", "bag_of_ngrams"})
            QVERIFY2(names.count(name), name);
        const nlohmann::json &cnn = json[0];
        QCOMPARE(cnn.at("name").get<std::string>(), std::string("textcnn"));
        QCOMPARE(cnn.at("params")[1].at("name").get<std::string>(), std::string("kernel_sizes"));
        QCOMPARE(cnn.at("params")[1].at("type").get<std::string>(), std::string("int_list"));
    }
};

QTEST_APPLESS_MAIN(ModelRegistryTest)
#include "tst_modelregistry.moc"
