// The GRU encoder-decoder with Bahdanau attention: shapes, gradients, attention that ignores source
// padding, reproducible teacher forcing, decoding (width-1 beam = greedy, wider beams never below
// greedy, a beam wide enough to be exhaustive finds the true best), and that a small model learns to
// reverse short sequences.
#include <torch/torch.h>

#include "core/util/deterministicrandom.h"
#include "models/seq2seq/seq2seqmodel.h"
#include "models/seq2seq/teacherforcingschedule.h"

#include <QtTest>

#include <cmath>

using namespace chorus;

namespace {

constexpr std::int64_t kPad = 0, kBos = 2, kEos = 3;

Seq2seqModel smallModel(std::int64_t vocabulary, std::int64_t layers = 1, std::int64_t hidden = 16)
{
    torch::manual_seed(3);
    Seq2seqModel model(
        Seq2seqModelOptions(vocabulary, vocabulary).embedding_dim(8).hidden(hidden).layers(layers).dropout(0.1));
    model->eval();
    return model;
}

// Rows of symbols (ids >= 4), padded with 0.
torch::Tensor padded(const std::vector<std::vector<std::int64_t>> &rows, std::int64_t width)
{
    auto out = torch::zeros({static_cast<std::int64_t>(rows.size()), width}, torch::kInt64);
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t t = 0; t < rows[r].size(); ++t)
            out[static_cast<std::int64_t>(r)][static_cast<std::int64_t>(t)] = rows[r][t];
    return out;
}

torch::Tensor lengthsOf(const std::vector<std::vector<std::int64_t>> &rows)
{
    std::vector<std::int64_t> lengths;
    for (const auto &row : rows)
        lengths.push_back(static_cast<std::int64_t>(row.size()));
    return torch::tensor(lengths, torch::kInt64);
}

// Reversal task: random symbols 4..11, 3 to 6 long.
struct ReverseData {
    std::vector<std::vector<std::int64_t>> sources, targets;
};

ReverseData reverseData(std::uint64_t seed, int count)
{
    DeterministicRandom random(seed);
    ReverseData data;
    for (int i = 0; i < count; ++i) {
        std::vector<std::int64_t> source;
        const int length = random.between(3, 6);
        for (int t = 0; t < length; ++t)
            source.push_back(4 + static_cast<std::int64_t>(random.below(8)));
        std::vector<std::int64_t> target(source.rbegin(), source.rend());
        target.push_back(kEos);
        data.sources.push_back(source);
        data.targets.push_back(target);
    }
    return data;
}

void checkAttentionRows(const torch::Tensor &attention, const std::vector<std::int64_t> &realLengths)
{
    // attention [B, T, S]
    for (std::int64_t b = 0; b < attention.size(0); ++b) {
        const std::int64_t real = realLengths[static_cast<std::size_t>(b)];
        const torch::Tensor rows = attention[b];
        QVERIFY(torch::allclose(rows.sum(1), torch::ones({rows.size(0)}), 1e-5, 1e-5));
        if (real < rows.size(1))
            QCOMPARE(rows.narrow(1, real, rows.size(1) - real).abs().max().item<float>(), 0.0f);
        QVERIFY(rows.narrow(1, 0, real).min().item<float>() > 0.0f);
    }
}

} // namespace

class Seq2seqTest : public QObject {
    Q_OBJECT

private:
    Seq2seqModel m_trained{nullptr};
    ReverseData m_heldOut;

private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }

    void shapesAndAttentionMasking()
    {
        Seq2seqModel model = smallModel(12, 2);
        const std::vector<std::vector<std::int64_t>> sources = {{4, 5, 6, 7, 8}, {9, 10, 11}, {4}};
        const torch::Tensor source = padded(sources, 5);
        const torch::Tensor lengths = lengthsOf(sources);
        const torch::Tensor target = padded({{5, 6, kEos, kPad}, {7, 8, 9, kEos}, {kEos, kPad, kPad, kPad}}, 4);

        EncodedSource encoded = model->encode(source, lengths);
        QCOMPARE(encoded.states.sizes().vec(), (std::vector<std::int64_t>{3, 5, 32}));
        QCOMPARE(encoded.hidden.sizes().vec(), (std::vector<std::int64_t>{2, 3, 16}));
        QCOMPARE(encoded.mask.sum().item<std::int64_t>(), std::int64_t(9));
        // Padding never enters the encoder: states past each row's length are zero.
        QCOMPARE(encoded.states[1].narrow(0, 3, 2).abs().max().item<float>(), 0.0f);

        Seq2seqOutput out = model->forward(source, lengths, target);
        QCOMPARE(out.logits.sizes().vec(), (std::vector<std::int64_t>{3, 4, 12}));
        QCOMPARE(out.attention.sizes().vec(), (std::vector<std::int64_t>{3, 4, 5}));
        checkAttentionRows(out.attention, {5, 3, 1});

        // Padding the batch further changes nothing for a row.
        Seq2seqOutput wider = model->forward(padded(sources, 8), lengths, target);
        QVERIFY(torch::allclose(wider.logits, out.logits, 1e-5, 1e-5));
        QCOMPARE(wider.attention.narrow(2, 5, 3).abs().max().item<float>(), 0.0f);

        // Decoded hypotheses carry [steps, real source length] matrices whose rows sum to 1.
        for (const Seq2seqHypothesis &h : model->greedy(source, lengths, 6, 0.6)) {
            QVERIFY(h.length() >= 1 && h.length() <= 6);
            QCOMPARE(h.attention.size(0), h.length());
            QVERIFY(torch::allclose(h.attention.sum(1), torch::ones({h.length()}), 1e-5, 1e-5));
        }
        auto beams = model->beamSearch(source, lengths, BeamSearchOptions{3, 0.6, 6, 2});
        QCOMPARE(beams.size(), std::size_t(3));
        QCOMPARE(beams[1].front().attention.size(1), std::int64_t(3));
        QCOMPARE(beams[2].front().attention.size(1), std::int64_t(1));
        for (const auto &nBest : beams) {
            QCOMPARE(nBest.size(), std::size_t(2));
            QVERIFY(nBest[0].score >= nBest[1].score);
        }

        QVERIFY_EXCEPTION_THROWN(Seq2seqModel(Seq2seqModelOptions(12, 3)), std::invalid_argument);
        QVERIFY_EXCEPTION_THROWN(model->forward(source, lengths, target, 0.5, nullptr), std::invalid_argument);
    }

    void gradientsReachEveryParameter()
    {
        Seq2seqModel model = smallModel(12, 2);
        model->train();
        const std::vector<std::vector<std::int64_t>> sources = {{4, 5, 6}, {7, 8}};
        const torch::Tensor target = padded({{6, 5, 4, kEos}, {8, 7, kEos, kPad}}, 4);
        Seq2seqOutput out = model->forward(padded(sources, 3), lengthsOf(sources), target);
        auto loss = torch::nn::functional::cross_entropy(out.logits.reshape({-1, 12}), target.reshape({-1}),
                                                         torch::nn::functional::CrossEntropyFuncOptions().ignore_index(kPad));
        loss.backward();
        for (const auto &named : model->named_parameters()) {
            const torch::Tensor grad = named.value().grad();
            QVERIFY2(grad.defined(), named.key().c_str());
            QVERIFY2(torch::isfinite(grad).all().item<bool>(), named.key().c_str());
            QVERIFY2(grad.abs().sum().item<double>() > 0, named.key().c_str());
        }
        // The padding embedding rows learn nothing.
        for (const auto &named : model->named_parameters())
            if (named.key().find("embedding") != std::string::npos)
                QCOMPARE(named.value().grad()[kPad].abs().sum().item<float>(), 0.0f);
    }

    void teacherForcingIsScheduledAndReproducible()
    {
        const TeacherForcingSchedule schedule{1.0, 0.2};
        QCOMPARE(schedule.ratio(0, 101), 1.0);
        QVERIFY(std::abs(schedule.ratio(50, 101) - 0.6) < 1e-12);
        QVERIFY(std::abs(schedule.ratio(100, 101) - 0.2) < 1e-12);
        QVERIFY(std::abs(schedule.ratio(500, 101) - 0.2) < 1e-12);

        Seq2seqModel model = smallModel(12);
        const ReverseData data = reverseData(5, 16);
        const torch::Tensor source = padded(data.sources, 6), lengths = lengthsOf(data.sources);
        const torch::Tensor target = padded(data.targets, 7);
        DeterministicRandom a(9), b(9);
        const torch::Tensor first = model->forward(source, lengths, target, 0.5, &a).logits;
        const torch::Tensor second = model->forward(source, lengths, target, 0.5, &b).logits;
        QVERIFY(torch::equal(first, second));
        // Fully forced and free-running differ after the first step, never at the first.
        const torch::Tensor forced = model->forward(source, lengths, target, 1.0).logits;
        const torch::Tensor free = model->forward(source, lengths, target, 0.0).logits;
        QVERIFY(torch::equal(forced.select(1, 0), free.select(1, 0)));
        QVERIFY(!torch::allclose(forced, free));
        // Free running feeds back its own argmax: the same as greedy decoding's choices.
        const auto greedy = model->greedy(source, lengths, 7);
        const torch::Tensor choices = free.argmax(2);
        for (std::size_t r = 0; r < greedy.size(); ++r)
            for (std::size_t t = 0; t < greedy[r].tokens.size(); ++t)
                QCOMPARE(choices[static_cast<std::int64_t>(r)][static_cast<std::int64_t>(t)].item<std::int64_t>(),
                         greedy[r].tokens[t]);
    }

    void exhaustiveBeamFindsTheBestSequence()
    {
        // Vocabulary of 6 (pad, unk, bos, eos and two symbols), at most 3 steps: few enough sequences to
        // score them all. A beam as wide as every prefix must return the best of them.
        Seq2seqModel model = smallModel(6);
        const std::vector<std::vector<std::int64_t>> sources = {{4, 5, 4}};
        const torch::Tensor source = padded(sources, 3), lengths = lengthsOf(sources);
        std::vector<std::vector<std::int64_t>> sequences; // decoded steps, <eos> included when finished
        std::vector<std::int64_t> prefix;
        std::function<void(int)> grow = [&](int depth) {
            auto finished = prefix;
            finished.push_back(kEos);
            sequences.push_back(finished);
            if (depth == 3) {
                sequences.back() = prefix; // cut at the maximum length instead
                return;
            }
            for (std::int64_t token : {0, 1, 2, 4, 5}) {
                prefix.push_back(token);
                grow(depth + 1);
                prefix.pop_back();
            }
        };
        grow(0);
        double best = -INFINITY;
        std::vector<std::int64_t> bestSequence;
        for (const auto &sequence : sequences) {
            const auto steps = static_cast<std::int64_t>(sequence.size());
            if (steps == 0)
                continue;
            torch::Tensor target = torch::tensor(sequence, torch::kInt64).unsqueeze(0);
            torch::NoGradGuard noGrad;
            const torch::Tensor logProbabilities = torch::log_softmax(model->forward(source, lengths, target).logits, 2)[0];
            double total = 0;
            for (std::int64_t t = 0; t < steps; ++t)
                total += logProbabilities[t][sequence[static_cast<std::size_t>(t)]].item<double>();
            if (total > best) {
                best = total;
                bestSequence = sequence;
            }
        }
        torch::NoGradGuard noGrad;
        auto found = model->beamSearch(source, lengths, BeamSearchOptions{125, 0.0, 3, 1}).front().front();
        QVERIFY2(std::abs(found.logProbability - best) < 1e-4,
                 qPrintable(QString("beam %1, exhaustive %2").arg(found.logProbability).arg(best)));
        std::vector<std::int64_t> foundSteps = found.tokens;
        if (found.finished)
            foundSteps.push_back(kEos);
        QCOMPARE(foundSteps, bestSequence);
    }

    void reverseIsLearned()
    {
        torch::manual_seed(1);
        m_trained = Seq2seqModel(Seq2seqModelOptions(12, 12).embedding_dim(16).hidden(48).dropout(0.0));
        torch::optim::Adam optimizer(m_trained->parameters(), torch::optim::AdamOptions(0.01));
        const ReverseData train = reverseData(11, 64 * 250);
        m_trained->train();
        for (std::size_t begin = 0; begin < train.sources.size(); begin += 64) {
            std::vector<std::vector<std::int64_t>> sources(train.sources.begin() + static_cast<std::ptrdiff_t>(begin),
                                                           train.sources.begin() + static_cast<std::ptrdiff_t>(begin + 64));
            std::vector<std::vector<std::int64_t>> targets(train.targets.begin() + static_cast<std::ptrdiff_t>(begin),
                                                           train.targets.begin() + static_cast<std::ptrdiff_t>(begin + 64));
            const torch::Tensor target = padded(targets, 7);
            optimizer.zero_grad();
            Seq2seqOutput out = m_trained->forward(padded(sources, 6), lengthsOf(sources), target);
            auto loss = torch::nn::functional::cross_entropy(
                out.logits.reshape({-1, 12}), target.reshape({-1}),
                torch::nn::functional::CrossEntropyFuncOptions().ignore_index(kPad));
            loss.backward();
            optimizer.step();
        }
        m_trained->eval();
        torch::NoGradGuard noGrad;
        m_heldOut = reverseData(99, 200);
        const auto decoded = m_trained->greedy(padded(m_heldOut.sources, 6), lengthsOf(m_heldOut.sources), 8);
        std::size_t correct = 0, total = 0;
        for (std::size_t i = 0; i < decoded.size(); ++i) {
            std::vector<std::int64_t> steps = decoded[i].tokens;
            if (decoded[i].finished)
                steps.push_back(kEos);
            for (std::size_t t = 0; t < m_heldOut.targets[i].size(); ++t, ++total)
                correct += t < steps.size() && steps[t] == m_heldOut.targets[i][t];
        }
        const double accuracy = static_cast<double>(correct) / static_cast<double>(total);
        QVERIFY2(accuracy >= 0.9, qPrintable(QString("token accuracy %1").arg(accuracy)));
        // Reversal: the first output token attends most to the last source token.
        const Seq2seqHypothesis &first = decoded.front();
        QCOMPARE(first.attention[0].argmax().item<std::int64_t>(),
                 static_cast<std::int64_t>(m_heldOut.sources.front().size()) - 1);
    }

    void beamWidthOneIsGreedy()
    {
        QVERIFY(m_trained);
        torch::NoGradGuard noGrad;
        // The trained model and an untrained one (whose outputs rarely end early).
        for (Seq2seqModel model : {m_trained, smallModel(12)}) {
            for (std::size_t i = 0; i < 40; ++i) {
                const std::vector<std::vector<std::int64_t>> one = {m_heldOut.sources[i]};
                const torch::Tensor source = padded(one, 6), lengths = lengthsOf(one);
                const Seq2seqHypothesis greedy = model->greedy(source, lengths, 8, 0.6).front();
                const auto beam = model->beamSearch(source, lengths, BeamSearchOptions{1, 0.6, 8, 0});
                QCOMPARE(beam.front().size(), std::size_t(1));
                const Seq2seqHypothesis &b = beam.front().front();
                QCOMPARE(b.tokens, greedy.tokens);
                QCOMPARE(b.finished, greedy.finished);
                QVERIFY(std::abs(b.logProbability - greedy.logProbability) < 1e-6);
                QVERIFY(std::abs(b.score - greedy.score) < 1e-6);
                QVERIFY(torch::allclose(b.attention, greedy.attention));
            }
        }
    }

    void widerBeamsNeverScoreBelowGreedy()
    {
        QVERIFY(m_trained);
        torch::NoGradGuard noGrad;
        int strictlyBetter = 0;
        for (Seq2seqModel model : {m_trained, smallModel(12)}) {
            const torch::Tensor source = padded(m_heldOut.sources, 6), lengths = lengthsOf(m_heldOut.sources);
            for (double alpha : {0.0, 0.6, 1.0}) {
                const auto greedy = model->greedy(source.narrow(0, 0, 30), lengths.narrow(0, 0, 30), 8, alpha);
                for (std::int64_t width : {2, 4}) {
                    const auto beams =
                        model->beamSearch(source.narrow(0, 0, 30), lengths.narrow(0, 0, 30), BeamSearchOptions{width, alpha, 8, 0});
                    for (std::size_t i = 0; i < greedy.size(); ++i) {
                        QVERIFY(!beams[i].empty() && beams[i].size() <= static_cast<std::size_t>(width));
                        QVERIFY2(beams[i].front().score >= greedy[i].score - 1e-6,
                                 qPrintable(QString("row %1 width %2 alpha %3").arg(i).arg(width).arg(alpha)));
                        strictlyBetter += beams[i].front().score > greedy[i].score + 1e-6;
                        for (std::size_t k = 1; k < beams[i].size(); ++k)
                            QVERIFY(beams[i][k - 1].score >= beams[i][k].score);
                    }
                }
            }
        }
        // The untrained model leaves room to improve on greedy: the beam must actually search.
        QVERIFY(strictlyBetter > 0);
    }
};

QTEST_GUILESS_MAIN(Seq2seqTest)
#include "tst_seq2seq.moc"
