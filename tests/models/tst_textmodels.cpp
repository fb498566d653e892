// LibTorch before Qt: Qt's keyword macros clash with ATen headers (and this target sets QT_NO_KEYWORDS).
#include <torch/torch.h>

#include "core/util/deterministicrandom.h"
#include "models/text/bagofngrams.h"
#include "models/text/rnnattentionclassifier.h"
#include "models/text/textcnn.h"
#include "models/text/transformerclassifier.h"

#include <QtTest>

#include <algorithm>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace chorus;

namespace {

constexpr std::int64_t kVocabulary = 20;
constexpr std::int64_t kClasses = 3;

struct Family {
    std::string name;
    std::function<std::shared_ptr<TextClassifierImpl>(std::int64_t classes)> make;
};

// Small versions of every family and variant, so each test runs in well under a second per model.
std::vector<Family> families()
{
    return {
        {"textcnn",
         [](std::int64_t classes) {
             return std::make_shared<TextCnnImpl>(
                 TextCnnOptions(kVocabulary, classes).embedding_dim(16).kernel_sizes({2, 3, 5}).filters(8).dropout(0.2));
         }},
        {"rnn_attention/lstm",
         [](std::int64_t classes) {
             return std::make_shared<RnnAttentionClassifierImpl>(RnnAttentionClassifierOptions(kVocabulary, classes)
                                                                     .embedding_dim(16)
                                                                     .hidden(12)
                                                                     .layers(2)
                                                                     .attention_dim(10)
                                                                     .dropout(0.1));
         }},
        {"rnn_attention/gru",
         [](std::int64_t classes) {
             return std::make_shared<RnnAttentionClassifierImpl>(
                 RnnAttentionClassifierOptions(kVocabulary, classes).embedding_dim(16).cell("gru").hidden(12).attention_dim(10));
         }},
        {"transformer/learned",
         [](std::int64_t classes) {
             return std::make_shared<TransformerClassifierImpl>(TransformerClassifierOptions(kVocabulary, classes)
                                                                    .embedding_dim(16)
                                                                    .heads(2)
                                                                    .layers(2)
                                                                    .ff_dim(32)
                                                                    .max_length(16));
         }},
        {"transformer/sinusoidal",
         [](std::int64_t classes) {
             // 3 heads on width 16: each head is rounded up to 6 dimensions.
             return std::make_shared<TransformerClassifierImpl>(TransformerClassifierOptions(kVocabulary, classes)
                                                                    .embedding_dim(16)
                                                                    .heads(3)
                                                                    .layers(1)
                                                                    .ff_dim(32)
                                                                    .positions("sinusoidal"));
         }},
        {"bag_of_ngrams",
         [](std::int64_t classes) {
             return std::make_shared<BagOfNgramsImpl>(
                 BagOfNgramsOptions(kVocabulary, classes).embedding_dim(16).buckets(97).dropout(0.1));
         }},
    };
}

struct Batch {
    torch::Tensor tokens;  // [B, T], 0 after each row's length
    torch::Tensor lengths; // [B]
};

// Random real tokens in [1, kVocabulary), padding after each length.
Batch makeBatch(const std::vector<std::int64_t> &lengths, std::int64_t width, std::uint64_t seed)
{
    DeterministicRandom random(seed);
    Batch batch;
    batch.tokens = torch::zeros({static_cast<std::int64_t>(lengths.size()), width}, torch::kLong);
    auto access = batch.tokens.accessor<std::int64_t, 2>();
    for (std::size_t row = 0; row < lengths.size(); ++row)
        for (std::int64_t t = 0; t < lengths[row]; ++t)
            access[static_cast<std::int64_t>(row)][t] = random.between(1, static_cast<int>(kVocabulary) - 1);
    batch.lengths = torch::tensor(lengths, torch::kLong);
    return batch;
}

// The same batch padded to `width` columns with `fill` (0, or any id: the lengths say what is real).
Batch padTo(const Batch &batch, std::int64_t width, std::int64_t fill)
{
    Batch wider = batch;
    const std::int64_t extra = width - batch.tokens.size(1);
    wider.tokens = torch::cat({batch.tokens, torch::full({batch.tokens.size(0), extra}, fill, torch::kLong)}, 1);
    // Replace the original padding too, so the test also catches a model that reads token id 0.
    const torch::Tensor real = torch::arange(width).unsqueeze(0) < batch.lengths.unsqueeze(1);
    wider.tokens = torch::where(real, wider.tokens, torch::full_like(wider.tokens, fill));
    return wider;
}

double maxAbsDifference(const torch::Tensor &a, const torch::Tensor &b)
{
    return (a - b).abs().max().item<double>();
}

} // namespace

class TextModelsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { torch::manual_seed(7); }

    void outputShapes()
    {
        const std::vector<std::vector<std::int64_t>> batches = {{7, 4, 1}, {1, 1, 1}};
        for (const Family &family : families()) {
            for (const auto &lengths : batches) {
                const std::int64_t width = *std::max_element(lengths.begin(), lengths.end());
                auto model = family.make(kClasses);
                const Batch batch = makeBatch(lengths, width, 1);
                const TextClassifierOutput out = model->forward(batch.tokens, batch.lengths);
                const QString what = QString::fromStdString(family.name) + " width " + QString::number(width);
                QVERIFY2(out.logits.sizes() == torch::IntArrayRef({3, kClasses}), qPrintable(what));
                QVERIFY2(torch::isfinite(out.logits).all().item<bool>(), qPrintable(what));
                QVERIFY2(model->embeddingWeight().defined(), qPrintable(what));
                if (family.name.rfind("rnn_attention", 0) == 0) {
                    QVERIFY2(out.tokenAttention.sizes() == torch::IntArrayRef({3, width}), qPrintable(what));
                } else {
                    QVERIFY2(!out.tokenAttention.defined(), qPrintable(what));
                }
                if (family.name.rfind("transformer", 0) == 0) {
                    auto *transformer = dynamic_cast<TransformerClassifierImpl *>(model.get());
                    QVERIFY(transformer);
                    QCOMPARE(static_cast<std::int64_t>(out.layerAttention.size()), transformer->options().layers());
                    for (const torch::Tensor &weights : out.layerAttention)
                        QVERIFY2(weights.sizes() == torch::IntArrayRef({3, transformer->options().heads(), width, width}),
                                 qPrintable(what));
                } else {
                    QVERIFY2(out.layerAttention.empty(), qPrintable(what));
                }
            }
        }
    }

    void emptyPostsGiveFiniteLogits()
    {
        for (const Family &family : families()) {
            auto model = family.make(kClasses);
            model->eval();
            const Batch batch = makeBatch({0, 3, 0}, 4, 2);
            const TextClassifierOutput out = model->forward(batch.tokens, batch.lengths);
            QVERIFY2(torch::isfinite(out.logits).all().item<bool>(), family.name.c_str());
        }
    }

    void gradientsReachEveryParameter()
    {
        for (const Family &family : families()) {
            auto model = family.make(kClasses);
            model->train();
            const Batch batch = makeBatch({7, 4, 1}, 7, 3);
            const TextClassifierOutput out = model->forward(batch.tokens, batch.lengths);
            const torch::Tensor loss = torch::nn::functional::cross_entropy(out.logits, torch::tensor({0, 1, 2}, torch::kLong));
            loss.backward();
            for (const auto &item : model->named_parameters()) {
                const QString what = QString::fromStdString(family.name + ": " + item.key());
                const torch::Tensor &grad = item.value().grad();
                QVERIFY2(grad.defined(), qPrintable(what + " has no gradient"));
                QVERIFY2(torch::isfinite(grad).all().item<bool>(), qPrintable(what + " has a non-finite gradient"));
                QVERIFY2(grad.abs().sum().item<double>() > 0, qPrintable(what + " has an all-zero gradient"));
            }
            // The padding row of the embedding never learns (the bag of n-grams has no padding row:
            // padding is simply not in any bag).
            if (family.name != "bag_of_ngrams") {
                const torch::Tensor paddingRow = model->embeddingWeight().grad()[0];
                QVERIFY2(paddingRow.abs().sum().item<double>() == 0, family.name.c_str());
            }
        }
    }

    void paddingChangesNothing()
    {
        for (const Family &family : families()) {
            auto model = family.make(kClasses);
            model->eval();
            torch::NoGradGuard noGrad;
            const Batch batch = makeBatch({7, 4, 1}, 7, 4);
            const TextClassifierOutput reference = model->forward(batch.tokens, batch.lengths);
            for (std::int64_t fill : {0, 9}) {
                const Batch wider = padTo(batch, 12, fill);
                const TextClassifierOutput out = model->forward(wider.tokens, wider.lengths);
                const QString what = QString::fromStdString(family.name) + " padded with " + QString::number(fill);
                QVERIFY2(maxAbsDifference(reference.logits, out.logits) < 1e-5, qPrintable(what));
                if (reference.tokenAttention.defined()) {
                    QVERIFY2(maxAbsDifference(reference.tokenAttention, out.tokenAttention.narrow(1, 0, 7)) < 1e-6,
                             qPrintable(what));
                    QVERIFY2(out.tokenAttention.narrow(1, 7, 5).abs().sum().item<double>() == 0, qPrintable(what));
                }
                for (std::size_t layer = 0; layer < reference.layerAttention.size(); ++layer) {
                    const torch::Tensor cut = out.layerAttention[layer].narrow(2, 0, 7).narrow(3, 0, 7);
                    QVERIFY2(maxAbsDifference(reference.layerAttention[layer], cut) < 1e-5, qPrintable(what));
                }
            }
        }
    }

    void paddingChangesSomethingWhenLengthsDo()
    {
        // The counterpart of the test above: the same tokens read with longer lengths must differ,
        // or padding invariance would hold trivially.
        for (const Family &family : families()) {
            auto model = family.make(kClasses);
            model->eval();
            torch::NoGradGuard noGrad;
            Batch batch = makeBatch({7, 7, 7}, 7, 5);
            const torch::Tensor full = model->forward(batch.tokens, batch.lengths).logits;
            batch.lengths = torch::tensor({7, 4, 1}, torch::kLong);
            const torch::Tensor cut = model->forward(batch.tokens, batch.lengths).logits;
            QVERIFY2(maxAbsDifference(full[0], cut[0]) < 1e-6, family.name.c_str());
            QVERIFY2(maxAbsDifference(full[1], cut[1]) > 1e-4, family.name.c_str());
        }
    }

    void attentionRowsSumToOneOverRealTokens()
    {
        const std::vector<std::int64_t> lengths = {7, 4, 1};
        for (const Family &family : families()) {
            auto model = family.make(kClasses);
            model->eval();
            torch::NoGradGuard noGrad;
            const Batch batch = makeBatch(lengths, 9, 6);
            const TextClassifierOutput out = model->forward(batch.tokens, batch.lengths);
            const torch::Tensor real = torch::arange(9).unsqueeze(0) < batch.lengths.unsqueeze(1); // [B, T]
            if (out.tokenAttention.defined()) {
                const torch::Tensor sums = (out.tokenAttention * real).sum(1);
                QVERIFY2(maxAbsDifference(sums, torch::ones({3})) < 1e-5, family.name.c_str());
                QVERIFY2(out.tokenAttention.masked_select(real.logical_not()).abs().sum().item<double>() == 0,
                         family.name.c_str());
                QVERIFY2((out.tokenAttention.masked_select(real) > 0).all().item<bool>(), family.name.c_str());
            }
            for (const torch::Tensor &weights : out.layerAttention) {
                const torch::Tensor keyReal = real.view({3, 1, 1, 9}).expand_as(weights);
                const torch::Tensor queryReal = real.view({3, 1, 9, 1}).expand_as(weights);
                QVERIFY2(weights.masked_select(keyReal.logical_not()).abs().sum().item<double>() == 0,
                         family.name.c_str());
                const torch::Tensor rowSums = weights.sum(3); // [B, H, T]
                const torch::Tensor realRows = real.view({3, 1, 9}).expand_as(rowSums);
                QVERIFY2((rowSums.masked_select(realRows) - 1).abs().max().item<double>() < 1e-5, family.name.c_str());
                QVERIFY2(weights.masked_select(queryReal.logical_not()).abs().sum().item<double>() == 0,
                         family.name.c_str());
            }
        }
    }

    void saveAndLoadRoundTrip()
    {
        for (const Family &family : families()) {
            torch::manual_seed(11);
            std::shared_ptr<TextClassifierImpl> saved = family.make(kClasses);
            torch::manual_seed(12);
            std::shared_ptr<TextClassifierImpl> loaded = family.make(kClasses);
            saved->eval();
            loaded->eval();
            torch::NoGradGuard noGrad;
            const Batch batch = makeBatch({7, 4, 1}, 7, 8);
            const torch::Tensor expected = saved->forward(batch.tokens, batch.lengths).logits;
            QVERIFY2(maxAbsDifference(expected, loaded->forward(batch.tokens, batch.lengths).logits) > 1e-6,
                     family.name.c_str());

            std::stringstream buffer;
            torch::save(saved, buffer);
            torch::load(loaded, buffer);
            loaded->eval();
            const torch::Tensor actual = loaded->forward(batch.tokens, batch.lengths).logits;
            QVERIFY2(torch::equal(expected, actual), family.name.c_str());
        }
    }

    void transformerReadsAtMostMaxLength()
    {
        TransformerClassifierImpl model(
            TransformerClassifierOptions(kVocabulary, kClasses).embedding_dim(8).heads(2).layers(1).ff_dim(16).max_length(5));
        model.eval();
        torch::NoGradGuard noGrad;
        const Batch longBatch = makeBatch({9, 3, 6}, 9, 9);
        const TextClassifierOutput out = model.forward(longBatch.tokens, longBatch.lengths);
        QVERIFY(torch::isfinite(out.logits).all().item<bool>());
        QVERIFY(out.layerAttention[0].sizes() == torch::IntArrayRef({3, 2, 5, 5}));
        const Batch cut = {longBatch.tokens.narrow(1, 0, 5).clone(), torch::tensor({5, 3, 5}, torch::kLong)};
        QVERIFY(maxAbsDifference(out.logits, model.forward(cut.tokens, cut.lengths).logits) < 1e-5);
    }

    void eachFamilyLearnsAToyTask()
    {
        // Class 1 iff token 5 occurs anywhere in the post: needs position-free detection of one token.
        const int samples = 200;
        const std::int64_t width = 8;
        DeterministicRandom random(21);
        std::vector<std::int64_t> lengths;
        for (int i = 0; i < samples; ++i)
            lengths.push_back(random.between(2, static_cast<int>(width)));
        const Batch data = makeBatch(lengths, width, 22);
        const torch::Tensor real = torch::arange(width).unsqueeze(0) < data.lengths.unsqueeze(1);
        const torch::Tensor labels = ((data.tokens == 5) & real).any(1).to(torch::kLong);
        const double positives = labels.sum().item<double>() / samples;
        QVERIFY2(positives > 0.2 && positives < 0.8, qPrintable(QString::number(positives)));

        for (const Family &family : families()) {
            torch::manual_seed(23);
            auto model = family.make(2);
            torch::optim::AdamW optimizer(model->parameters(), torch::optim::AdamWOptions(1e-2).weight_decay(0.0));
            double accuracy = 0;
            for (int step = 1; step <= 400 && accuracy < 0.98; ++step) {
                model->train();
                optimizer.zero_grad();
                const torch::Tensor logits = model->forward(data.tokens, data.lengths).logits;
                torch::nn::functional::cross_entropy(logits, labels).backward();
                optimizer.step();
                if (step % 10 == 0) {
                    model->eval();
                    torch::NoGradGuard noGrad;
                    const torch::Tensor predicted = model->forward(data.tokens, data.lengths).logits.argmax(1);
                    accuracy = (predicted == labels).to(torch::kDouble).mean().item<double>();
                }
            }
            QVERIFY2(accuracy >= 0.95,
                     qPrintable(QString::fromStdString(family.name) + " reached only " + QString::number(accuracy)));
        }
    }
};

QTEST_APPLESS_MAIN(TextModelsTest)
#include "tst_textmodels.moc"
