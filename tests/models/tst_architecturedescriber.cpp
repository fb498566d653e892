// `chorus-cli describe` and ArchitectureDescriber: every family's layer tree, with parameter
// totals equal to the parameter count of the module the trainer would build, children adding up
// to their parents, and output shapes from the dry run (the logits, a convolution's feature maps,
// a Transformer's attention projection). The command reads the data's sizes from a project.
// LibTorch before Qt: Qt's keyword macros clash with ATen headers (and this target sets QT_NO_KEYWORDS).
#include <torch/torch.h>

#include "core/demo/demogenerator.h"
#include "core/split/datasetsplitter.h"
#include "core/store/project.h"
#include "core/training/superviseddata.h"
#include "models/registry/modelregistry.h"
#include "models/seq2seq/seq2seqmodel.h"
#include "models/training/architecturedescriber.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;
using json = nlohmann::json;

namespace {

std::int64_t parameterCount(torch::nn::Module &module)
{
    std::int64_t total = 0;
    for (const torch::Tensor &p : module.parameters())
        total += p.numel();
    return total;
}

// Finds a node by its dotted path ("" is the root). The children are walked in place (not through
// value(), which returns a copy) so that the pointer returned stays valid.
const json *node(const json &tree, const std::string &path)
{
    if (tree.value("path", std::string()) == path)
        return &tree;
    const auto children = tree.find("children");
    if (children == tree.end() || !children->is_array())
        return nullptr;
    for (const json &child : *children)
        if (const json *found = node(child, path))
            return found;
    return nullptr;
}

// Every node's count is its own parameters plus its children's.
bool countsAddUp(const json &tree)
{
    std::int64_t sum = tree.value("own_parameters", std::int64_t(0));
    for (const json &child : tree.value("children", json::array())) {
        if (!countsAddUp(child))
            return false;
        sum += child.value("parameters", std::int64_t(0));
    }
    return tree.value("parameters", std::int64_t(-1)) == sum;
}

std::vector<std::int64_t> shapeOf(const json *n)
{
    return n && n->contains("output_shape") && (*n)["output_shape"].is_array()
               ? (*n)["output_shape"].get<std::vector<std::int64_t>>()
               : std::vector<std::int64_t>();
}

} // namespace

class ArchitectureDescriberTest : public QObject {
    Q_OBJECT

private:
    // Describes a family with a hand-given shape and checks the totals against the module its
    // factory builds from the same parameters and shape.
    json describeAndCount(const std::string &family, const json &params, const json &shape, std::int64_t *expected)
    {
        const ModelSpec *spec = ModelRegistry::instance().find(family);
        if (!spec)
            qFatal("no family %s", family.c_str());
        auto described = ArchitectureDescriber::describe(*spec, params, shape);
        if (!described)
            qFatal("%s: %s", family.c_str(), described.message().c_str());
        auto resolved = spec->params.resolve(params);
        ModelShape modelShape;
        modelShape.vocabularySize = shape.value("vocabulary", std::int64_t(5000));
        modelShape.classes = shape.value("classes", std::int64_t(2));
        modelShape.maxLength = shape.value("max_length", std::int64_t(64));
        modelShape.imageSize = shape.value("image_size", std::int64_t(64));
        modelShape.frames = shape.value("frames", std::int64_t(8));
        for (const json &task : shape.value("tasks", json::array()))
            modelShape.tasks.push_back({task["name"].get<std::string>(), task["classes"].get<std::int64_t>()});
        if (modelShape.tasks.empty())
            modelShape.tasks.push_back({"task", modelShape.classes});
        std::shared_ptr<torch::nn::Module> module;
        if (spec->makeModel)
            module = spec->makeModel(*resolved, modelShape);
        else
            module = spec->makeTextClassifier(*resolved, TextModelShape{modelShape.vocabularySize, modelShape.classes,
                                                                        modelShape.maxLength});
        *expected = parameterCount(*module);
        return *described;
    }

private Q_SLOTS:
    void textCnnTree()
    {
        std::int64_t expected = 0;
        const json d = describeAndCount("textcnn", {{"embedding_dim", 16}, {"kernel_sizes", {2, 3}}, {"filters", 8}},
                                        {{"vocabulary", 50}, {"classes", 3}, {"max_length", 12}}, &expected);
        QCOMPARE(d["parameters"].get<std::int64_t>(), expected);
        // Computed by hand for the record: the 50x16 embedding, the width-2 and width-3 convolutions
        // (16 in, 8 filters, with biases) and the output layer from the 2*8 pooled features to 3 classes.
        QCOMPARE(expected, std::int64_t(50 * 16 + (16 * 8 * 2 + 8) + (16 * 8 * 3 + 8) + (2 * 8 * 3 + 3)));
        QCOMPARE(d["trainable"].get<std::int64_t>(), expected);
        const json &tree = d["tree"];
        QVERIFY(countsAddUp(tree));
        QCOMPARE(tree["type"].get<std::string>(), std::string("TextCnn"));
        QCOMPARE(shapeOf(&tree), (std::vector<std::int64_t>{2, 3}));
        QCOMPARE(node(tree, "embedding")->value("parameters", 0), 50 * 16);
        QCOMPARE(node(tree, "conv1")->value("type", std::string()), std::string("Conv1d"));
        QCOMPARE(d["inputs"]["tokens"].get<std::vector<std::int64_t>>(), (std::vector<std::int64_t>{2, 12}));
        // The max-pooled features of both widths: what the output layer reads.
        QCOMPARE(d["outputs"]["representation"].get<std::vector<std::int64_t>>(), (std::vector<std::int64_t>{2, 16}));
#ifdef NDEBUG
        QVERIFY(tree["traced"].get<bool>());
        QCOMPARE(shapeOf(node(tree, "embedding")), (std::vector<std::int64_t>{2, 12, 16}));
        // Each window start gets one output (the input is right-padded by width - 1).
        QCOMPARE(shapeOf(node(tree, "conv0")), (std::vector<std::int64_t>{2, 8, 12}));
        QCOMPARE(shapeOf(node(tree, "output")), (std::vector<std::int64_t>{2, 3}));
        // Dropout has no parameters: its output is not traced.
        QVERIFY(node(tree, "dropout")->at("output_shape").is_null());
#endif
    }

    void transformerTree()
    {
        std::int64_t expected = 0;
        const json d = describeAndCount("transformer",
                                        {{"embedding_dim", 16}, {"heads", 2}, {"layers", 2}, {"ff_dim", 24}},
                                        {{"vocabulary", 40}, {"classes", 4}, {"max_length", 10}}, &expected);
        QCOMPARE(d["parameters"].get<std::int64_t>(), expected);
        const json &tree = d["tree"];
        QVERIFY(countsAddUp(tree));
        QVERIFY(node(tree, "layer1.attention.input_projection"));
        QCOMPARE(shapeOf(&tree), (std::vector<std::int64_t>{2, 4}));
        QCOMPARE(d["outputs"]["layer_attention:0"].get<std::vector<std::int64_t>>(), (std::vector<std::int64_t>{2, 2, 10, 10}));
        QCOMPARE(d["outputs"]["representation"].get<std::vector<std::int64_t>>(), (std::vector<std::int64_t>{2, 16}));
#ifdef NDEBUG
        QCOMPARE(shapeOf(node(tree, "layer0.attention.input_projection")), (std::vector<std::int64_t>{2, 10, 48}));
        QCOMPARE(shapeOf(node(tree, "layer0.feed_forward_in")), (std::vector<std::int64_t>{2, 10, 24}));
        // A block gets the shape of its last layer with parameters, and says which.
        QCOMPARE(shapeOf(node(tree, "layer0")), (std::vector<std::int64_t>{2, 10, 16}));
        QCOMPARE(node(tree, "layer0")->value("output_from", std::string()), std::string("layer0.feed_forward_out"));
#endif
    }

    void otherTextFamilies()
    {
        for (const auto &[family, params] : std::vector<std::pair<std::string, json>>{
                 {"rnn_attention", {{"embedding_dim", 16}, {"hidden", 8}, {"attention_dim", 6}}},
                 {"rnn_attention", {{"embedding_dim", 16}, {"hidden", 8}, {"cell", "gru"}, {"layers", 2}}},
                 {"bag_of_ngrams", {{"embedding_dim", 16}, {"buckets", 100}}},
                 {"multitask", {{"embedding_dim", 16}, {"text_hidden", 8}, {"head_hidden", 8}}}}) {
            std::int64_t expected = 0;
            const json shape = {{"vocabulary", 30},
                                {"classes", 3},
                                {"max_length", 9},
                                {"tasks", {{{"name", "sentiment"}, {"classes", 3}}, {{"name", "post.likes"}, {"classes", 0}}}}};
            const json d = describeAndCount(family, params, shape, &expected);
            QVERIFY2(d["parameters"].get<std::int64_t>() == expected, family.c_str());
            QVERIFY2(countsAddUp(d["tree"]), family.c_str());
            QCOMPARE(shapeOf(&d["tree"]), (std::vector<std::int64_t>{2, 3}));
            // Every family says what its output layer reads: the projector's post representation.
            const auto representation = d["outputs"].value("representation", std::vector<std::int64_t>());
            QVERIFY2(representation.size() == 2 && representation[0] == 2 && representation[1] > 0, d["outputs"].dump().c_str());
        }
    }

    void mediaFamilies()
    {
        for (const auto &[family, params] : std::vector<std::pair<std::string, json>>{
                 {"image_cnn", {{"base_channels", 4}, {"stages", 2}, {"image_size", 32}}},
                 {"video_temporal", {{"image_size", 32}, {"frames", 4}}},
                 {"fusion", {{"fusion", "coattention"}, {"embedding_dim", 8}, {"text_hidden", 8}, {"image_channels", 4},
                             {"image_stages", 2}, {"attention_dim", 8}, {"head_hidden", 8}}}}) {
            const ModelSpec *spec = ModelRegistry::instance().find(family);
            QVERIFY2(spec, family.c_str());
            std::int64_t expected = 0;
            const json shape = {{"vocabulary", 30}, {"classes", 3}, {"max_length", 6}};
            json withSizes = shape;
            if (params.contains("image_size"))
                withSizes["image_size"] = params["image_size"];
            if (params.contains("frames"))
                withSizes["frames"] = params["frames"];
            const json d = describeAndCount(family, params, withSizes, &expected);
            QVERIFY2(d["parameters"].get<std::int64_t>() == expected, family.c_str());
            QVERIFY2(countsAddUp(d["tree"]), family.c_str());
            QCOMPARE(shapeOf(&d["tree"]), (std::vector<std::int64_t>{2, 3}));
            QVERIFY2(d["inputs"].contains(family == "video_temporal" ? "frames" : "images"), family.c_str());
            const auto representation = d["outputs"].value("representation", std::vector<std::int64_t>());
            QVERIFY2(representation.size() == 2 && representation[0] == 2 && representation[1] > 0, d["outputs"].dump().c_str());
        }
    }

    void seq2seqAndTables()
    {
        const ModelSpec *seq2seq = ModelRegistry::instance().find("seq2seq");
        auto d = ArchitectureDescriber::describe(*seq2seq, {{"embedding_dim", 8}, {"hidden", 12}},
                                                 {{"vocabulary", 25}, {"source_length", 7}, {"target_length", 5}});
        QVERIFY2(d.ok(), d.ok() ? "" : d.message().c_str());
        Seq2seqModel model(Seq2seqModelOptions(25, 25).embedding_dim(8).hidden(12));
        QCOMPARE((*d)["parameters"].get<std::int64_t>(), parameterCount(*model));
        QCOMPARE((*d)["outputs"]["logits"].get<std::vector<std::int64_t>>(), (std::vector<std::int64_t>{2, 5, 25}));
        QCOMPARE((*d)["outputs"]["cross_attention"].get<std::vector<std::int64_t>>(), (std::vector<std::int64_t>{2, 5, 7}));
        QVERIFY(countsAddUp((*d)["tree"]));

        auto w2v = ArchitectureDescriber::describe(*ModelRegistry::instance().find("word2vec"), {{"dimensions", 10}},
                                                   {{"vocabulary", 300}});
        QVERIFY(w2v.ok());
        QCOMPARE((*w2v)["parameters"].get<std::int64_t>(), std::int64_t(2 * 300 * 10));
        auto mf = ArchitectureDescriber::describe(*ModelRegistry::instance().find("recommender_mf"), {{"factors", 4}},
                                                  {{"users", 20}, {"items", 30}});
        QVERIFY(mf.ok());
        QCOMPARE((*mf)["parameters"].get<std::int64_t>(), std::int64_t((20 + 30) * 4));
        auto knn = ArchitectureDescriber::describe(*ModelRegistry::instance().find("recommender_itemknn"),
                                                   {{"neighbours", 5}}, {{"users", 20}, {"items", 30}});
        QVERIFY(knn.ok());
        QCOMPARE((*knn)["parameters"].get<std::int64_t>(), std::int64_t(0));
        QCOMPARE(shapeOf(node((*knn)["tree"], "item_neighbours")), (std::vector<std::int64_t>{30, 5}));
    }

    void badParametersAreErrors()
    {
        auto d = ArchitectureDescriber::describe(*ModelRegistry::instance().find("textcnn"), {{"filters", -3}},
                                                 {{"vocabulary", 10}});
        QVERIFY(!d.ok());
        QVERIFY2(d.message().find("filters") != std::string::npos, d.message().c_str());
    }

    // The command reads the sizes from the project as the trainer would: the vocabulary of the
    // training part and the task's classes.
    void commandReadsTheProject()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("demo.chorus").toStdString();
        {
            auto project = Project::open(path);
            QVERIFY(project.ok());
            DemoOptions demo;
            demo.posts = 300;
            demo.users = 30;
            demo.items = 20;
            demo.withMedia = false;
            QVERIFY(DemoGenerator(demo).generate(**project).ok());
            SplitOptions split;
            split.seed = 2;
            QVERIFY(DatasetSplitter::create(**project, "demo", split).ok());
        }
        const json config = {{"model", "textcnn"}, {"dataset", "demo"}, {"task", "sentiment"}, {"seed", 1}, {"epochs", 1},
                             {"params", {{"embedding_dim", 8}, {"filters", 4}}}};
        QProcess process;
        process.start(QStringLiteral(CHORUS_CLI_PATH),
                      {"describe", "--config", "-", QString::fromStdString(path), "--json"});
        QVERIFY(process.waitForStarted());
        process.write(QByteArray::fromStdString(config.dump()));
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(120000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        const json d = json::parse(process.readAllStandardOutput().toStdString());

        auto project = Project::open(path, Project::OpenMode::OpenExisting);
        QVERIFY(project.ok());
        SupervisedDataOptions options;
        options.dataset = "demo";
        options.tasks = {"sentiment"};
        auto data = SupervisedData::load(**project, options);
        QVERIFY(data.ok());
        QCOMPARE(d["shape"]["vocabulary"].get<std::size_t>(), data->vocabulary.size());
        QCOMPARE(d["shape"]["classes"].get<std::size_t>(), data->primary().classes.size());
        const std::int64_t vocabulary = d["shape"]["vocabulary"].get<std::int64_t>();
        QCOMPARE(node(d["tree"], "embedding")->value("parameters", std::int64_t(0)), vocabulary * 8);
        QCOMPARE(shapeOf(&d["tree"]), (std::vector<std::int64_t>{2, std::int64_t(data->primary().classes.size())}));

        // --shape: no project needed; a human-readable tree without --json.
        QProcess byShape;
        byShape.start(QStringLiteral(CHORUS_CLI_PATH), {"describe", "--config", "-", "--shape", R"({"vocabulary": 100})"});
        QVERIFY(byShape.waitForStarted());
        byShape.write(QByteArray::fromStdString(config.dump()));
        byShape.closeWriteChannel();
        QVERIFY(byShape.waitForFinished(60000));
        QCOMPARE(byShape.exitCode(), 0);
        const QByteArray text = byShape.readAllStandardOutput();
        QVERIFY2(text.contains("embedding (Embedding)") && text.contains("parameters,"), text.constData());

        // An unknown family is an error, not a crash.
        QProcess unknown;
        unknown.start(QStringLiteral(CHORUS_CLI_PATH), {"describe", "--config", "-", "--shape", "{}", "--json"});
        QVERIFY(unknown.waitForStarted());
        unknown.write(R"({"model": "no_such_family"})");
        unknown.closeWriteChannel();
        QVERIFY(unknown.waitForFinished(60000));
        QCOMPARE(unknown.exitCode(), 1);
        QVERIFY(unknown.readAllStandardOutput().contains("unknown model"));
    }
};

QTEST_GUILESS_MAIN(ArchitectureDescriberTest)
#include "tst_architecturedescriber.moc"
