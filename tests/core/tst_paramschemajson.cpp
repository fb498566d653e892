// ParamSchema::fromJson is the inverse of toJson: a client that only has the registry as JSON (the
// GUI) validates configs exactly as the trainer does.
#include "core/training/paramspec.h"
#include "core/training/runconfig.h"

#include <QtTest>

using namespace chorus;

class ParamSchemaJsonTest : public QObject {
    Q_OBJECT

private:
    static ParamSchema sample()
    {
        return ParamSchema({ParamSpec::integer("embedding_dim", 64, 8, 1024, "Width."),
                            ParamSpec::real("dropout", 0.5, 0.0, 0.9, "Dropout."),
                            ParamSpec::boolean("bidirectional", true, "Both ways."),
                            ParamSpec::text("note", "x", "Free text."),
                            ParamSpec::choice("cell", "lstm", {"lstm", "gru"}, "Cell."),
                            ParamSpec::integerList("kernel_sizes", {3, 4, 5}, 1, 15, "Windows.")});
    }

private slots:
    void roundTrips()
    {
        const ParamSchema original = sample();
        auto parsed = ParamSchema::fromJson(original.toJson());
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.message().c_str());
        QCOMPARE(parsed->toJson(), original.toJson());
        QCOMPARE(parsed->specs().size(), original.specs().size());
        QVERIFY(parsed->find("cell")->choices == original.find("cell")->choices);
        QVERIFY(!parsed->find("bidirectional")->bounded);
    }

    void validatesLikeTheOriginal()
    {
        auto parsed = ParamSchema::fromJson(sample().toJson());
        QVERIFY(parsed.ok());
        const nlohmann::json config = {{"model", "m"}, {"dataset", "d"}, {"task", "t"}, {"seed", 1}, {"epochs", 1},
                                       {"params", {{"dropout", 1.5}}}};
        auto a = RunConfig::parse(config, &*parsed, true);
        const ParamSchema original = sample();
        auto b = RunConfig::parse(config, &original, true);
        QVERIFY(!a.ok() && !b.ok());
        QCOMPARE(a.message(), b.message());
        QVERIFY2(a.message().rfind("params.dropout:", 0) == 0, a.message().c_str());
        auto bad = RunConfig::parse({{"model", "m"}, {"dataset", "d"}, {"task", "t"}, {"seed", 1}, {"epochs", 1},
                                     {"params", {{"kernel_sizes", {3, 0}}}}},
                                    &*parsed, true);
        QVERIFY(!bad.ok());
        QVERIFY2(bad.message().rfind("params.kernel_sizes[1]:", 0) == 0, bad.message().c_str());
    }

    void rejectsMalformedDescriptions()
    {
        QVERIFY(!ParamSchema::fromJson(nlohmann::json::object()).ok());
        auto noName = ParamSchema::fromJson(nlohmann::json::array({{{"type", "int"}}}));
        QVERIFY(!noName.ok());
        auto badType = ParamSchema::fromJson(nlohmann::json::array({{{"name", "x"}, {"type", "complex"}, {"default", 1}}}));
        QVERIFY(!badType.ok());
        QVERIFY2(badType.message().find("x.type") != std::string::npos, badType.message().c_str());
        auto badDefault = ParamSchema::fromJson(
            nlohmann::json::array({{{"name", "n"}, {"type", "int"}, {"default", 99}, {"min", 1}, {"max", 10}}}));
        QVERIFY(!badDefault.ok());
        QVERIFY2(badDefault.message().find("n.default") != std::string::npos, badDefault.message().c_str());
        auto noChoices = ParamSchema::fromJson(nlohmann::json::array({{{"name", "c"}, {"type", "choice"}, {"default", "a"}}}));
        QVERIFY(!noChoices.ok());
    }
};

QTEST_GUILESS_MAIN(ParamSchemaJsonTest)
#include "tst_paramschemajson.moc"
