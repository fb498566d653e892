#include "models/seq2seq/seq2seqmodel.h"

#include "core/training/sequencedata.h"
#include "core/util/deterministicrandom.h"
#include "models/text/sequencemask.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace chorus {
namespace {

std::vector<std::int64_t> realLengthsOf(const torch::Tensor &lengths, std::int64_t width)
{
    const torch::Tensor clamped = effectiveLengths(lengths, width, torch::kCPU).contiguous();
    const std::int64_t *data = clamped.data_ptr<std::int64_t>();
    return std::vector<std::int64_t>(data, data + clamped.numel());
}

// Rows of per-step attention [S] -> [steps, realLength].
torch::Tensor attentionMatrix(const std::vector<torch::Tensor> &rows, std::int64_t realLength)
{
    if (rows.empty())
        return torch::zeros({0, realLength});
    return torch::stack(rows).narrow(1, 0, realLength).contiguous();
}

} // namespace

Seq2seqModelImpl::Seq2seqModelImpl(const Seq2seqModelOptions &options) : m_options(options)
{
    const std::int64_t specials = std::max({options.pad_id(), options.bos_id(), options.eos_id()});
    if (options.target_vocabulary_size() <= specials || options.source_vocabulary_size() <= options.pad_id())
        throw std::invalid_argument("seq2seq: the vocabularies must hold the pad, bos and eos ids");
    if (options.bos_id() == options.eos_id() || options.pad_id() == options.eos_id())
        throw std::invalid_argument("seq2seq: pad, bos and eos need distinct ids");
    m_encoder = register_module("encoder", Seq2seqEncoder(Seq2seqEncoderOptions(options.source_vocabulary_size())
                                                              .embedding_dim(options.embedding_dim())
                                                              .hidden(options.hidden())
                                                              .layers(options.layers())
                                                              .decoder_hidden(options.hidden())
                                                              .dropout(options.dropout())
                                                              .pad_id(options.pad_id())));
    m_decoder = register_module("decoder",
                                Seq2seqDecoder(Seq2seqDecoderOptions(options.target_vocabulary_size(), 2 * options.hidden())
                                                   .embedding_dim(options.embedding_dim())
                                                   .hidden(options.hidden())
                                                   .layers(options.layers())
                                                   .attention_dim(options.hidden())
                                                   .dropout(options.dropout())
                                                   .pad_id(options.pad_id())));
}

double Seq2seqModelImpl::lengthPenalty(std::int64_t length, double alpha)
{
    return std::pow((5.0 + static_cast<double>(length)) / 6.0, alpha);
}

EncodedSource Seq2seqModelImpl::encode(const torch::Tensor &source, const torch::Tensor &sourceLengths)
{
    return m_encoder->forward(source, sourceLengths);
}

Seq2seqOutput Seq2seqModelImpl::forward(const torch::Tensor &source, const torch::Tensor &sourceLengths,
                                        const torch::Tensor &target, double teacherForcing, DeterministicRandom *random)
{
    const bool mixed = teacherForcing > 0 && teacherForcing < 1;
    if (mixed && !random)
        throw std::invalid_argument("seq2seq: a teacher-forcing ratio between 0 and 1 needs a random generator");
    const EncodedSource encoded = encode(source, sourceLengths);
    const torch::Tensor keys = m_decoder->projectKeys(encoded.states);
    const std::int64_t batch = source.size(0);
    const std::int64_t steps = target.size(1);
    const auto longOnDevice = torch::TensorOptions().dtype(torch::kLong).device(source.device());
    torch::Tensor previous = torch::full({batch}, m_options.bos_id(), longOnDevice);
    torch::Tensor hidden = encoded.hidden;
    std::vector<torch::Tensor> logits, attention;
    logits.reserve(static_cast<std::size_t>(steps));
    attention.reserve(static_cast<std::size_t>(steps));
    for (std::int64_t t = 0; t < steps; ++t) {
        DecoderStep step = m_decoder->step(previous, hidden, encoded.states, keys, encoded.mask);
        hidden = step.hidden;
        if (t + 1 < steps) {
            const torch::Tensor gold = target.select(1, t).to(source.device(), torch::kLong);
            if (teacherForcing >= 1) {
                previous = gold;
            } else {
                const torch::Tensor own = step.logits.detach().argmax(1);
                if (!mixed) {
                    previous = own;
                } else {
                    std::vector<std::int64_t> draws(static_cast<std::size_t>(batch));
                    for (std::int64_t &d : draws)
                        d = random->chance(teacherForcing) ? 1 : 0;
                    const torch::Tensor useGold = torch::tensor(draws).to(source.device()).to(torch::kBool);
                    previous = torch::where(useGold, gold, own);
                }
            }
        }
        logits.push_back(step.logits);
        attention.push_back(step.attention);
    }
    if (steps == 0)
        return {torch::zeros({batch, 0, m_options.target_vocabulary_size()}, source.options().dtype(torch::kFloat)),
                torch::zeros({batch, 0, source.size(1)}, source.options().dtype(torch::kFloat))};
    return {torch::stack(logits, 1), torch::stack(attention, 1)};
}

std::vector<Seq2seqHypothesis> Seq2seqModelImpl::greedy(const torch::Tensor &source, const torch::Tensor &sourceLengths,
                                                        std::int64_t maxLength, double alpha)
{
    const EncodedSource encoded = encode(source, sourceLengths);
    const torch::Tensor keys = m_decoder->projectKeys(encoded.states);
    const std::int64_t batch = source.size(0);
    const std::vector<std::int64_t> realLengths = realLengthsOf(sourceLengths, source.size(1));
    std::vector<Seq2seqHypothesis> out(static_cast<std::size_t>(batch));
    std::vector<std::vector<torch::Tensor>> rows(static_cast<std::size_t>(batch));
    std::vector<bool> alive(static_cast<std::size_t>(batch), true);
    torch::Tensor previous =
        torch::full({batch}, m_options.bos_id(), torch::TensorOptions().dtype(torch::kLong).device(source.device()));
    torch::Tensor hidden = encoded.hidden;
    std::int64_t living = batch;
    for (std::int64_t t = 0; t < maxLength && living > 0; ++t) {
        DecoderStep step = m_decoder->step(previous, hidden, encoded.states, keys, encoded.mask);
        const torch::Tensor logProbabilities = torch::log_softmax(step.logits, 1);
        auto [best, chosen] = logProbabilities.max(1);
        const torch::Tensor bestCpu = best.to(torch::kCPU, torch::kDouble);
        const torch::Tensor chosenCpu = chosen.to(torch::kCPU);
        const torch::Tensor attentionCpu = step.attention.to(torch::kCPU, torch::kFloat);
        for (std::int64_t b = 0; b < batch; ++b) {
            const auto i = static_cast<std::size_t>(b);
            if (!alive[i])
                continue;
            Seq2seqHypothesis &h = out[i];
            rows[i].push_back(attentionCpu[b]);
            h.logProbability += bestCpu[b].item<double>();
            const std::int64_t token = chosenCpu[b].item<std::int64_t>();
            if (token == m_options.eos_id()) {
                h.finished = true;
                alive[i] = false;
                --living;
            } else {
                h.tokens.push_back(token);
            }
        }
        previous = chosen;
        hidden = step.hidden;
    }
    for (std::int64_t b = 0; b < batch; ++b) {
        Seq2seqHypothesis &h = out[static_cast<std::size_t>(b)];
        h.attention = attentionMatrix(rows[static_cast<std::size_t>(b)], realLengths[static_cast<std::size_t>(b)]);
        h.score = h.logProbability / lengthPenalty(h.length(), alpha);
    }
    return out;
}

std::vector<std::vector<Seq2seqHypothesis>> Seq2seqModelImpl::beamSearch(const torch::Tensor &source,
                                                                         const torch::Tensor &sourceLengths,
                                                                         const BeamSearchOptions &options)
{
    if (options.width < 1)
        throw std::invalid_argument("beam search: the width must be at least 1");
    const EncodedSource encoded = encode(source, sourceLengths);
    const std::vector<std::int64_t> realLengths = realLengthsOf(sourceLengths, source.size(1));
    std::vector<std::vector<Seq2seqHypothesis>> out;
    for (std::int64_t row = 0; row < source.size(0); ++row)
        out.push_back(beamSearchRow(encoded, row, realLengths[static_cast<std::size_t>(row)], options));
    return out;
}

std::vector<Seq2seqHypothesis> Seq2seqModelImpl::beamSearchRow(const EncodedSource &encoded, std::int64_t row,
                                                               std::int64_t realLength, const BeamSearchOptions &options)
{
    const std::int64_t width = options.width;
    const std::int64_t vocabulary = m_options.target_vocabulary_size();
    const torch::Tensor states = encoded.states.narrow(0, row, 1);
    const torch::Tensor mask = encoded.mask.narrow(0, row, 1);
    const torch::Tensor keys = m_decoder->projectKeys(states);
    const auto longOnDevice = torch::TensorOptions().dtype(torch::kLong).device(states.device());

    struct Live {
        std::vector<std::int64_t> tokens;
        double logProbability = 0;
    };
    std::vector<Live> live(1);
    torch::Tensor history; // [k, steps so far, S] on the CPU
    torch::Tensor hidden = encoded.hidden.narrow(1, row, 1);
    torch::Tensor previous = torch::full({1}, m_options.bos_id(), longOnDevice);
    std::vector<Seq2seqHypothesis> finished;

    auto finalize = [&](const Live &from, const torch::Tensor &rows, double logProbability, bool ended) {
        Seq2seqHypothesis h;
        h.tokens = from.tokens;
        h.finished = ended;
        h.logProbability = logProbability;
        h.score = logProbability / lengthPenalty(h.length(), options.lengthPenalty);
        h.attention = rows.narrow(1, 0, realLength).contiguous();
        finished.push_back(std::move(h));
    };

    for (std::int64_t t = 0; t < options.maxLength; ++t) {
        const auto k = static_cast<std::int64_t>(live.size());
        DecoderStep step = m_decoder->step(previous, hidden, states.expand({k, -1, -1}), keys.expand({k, -1, -1}),
                                           mask.expand({k, -1}));
        // The same float log-probabilities greedy decoding sums, so width 1 reproduces it exactly.
        const torch::Tensor logProbabilities = torch::log_softmax(step.logits, 1).to(torch::kCPU, torch::kDouble);
        std::vector<double> prefix;
        prefix.reserve(live.size());
        for (const Live &l : live)
            prefix.push_back(l.logProbability);
        const torch::Tensor candidates =
            (logProbabilities + torch::tensor(prefix, torch::kDouble).unsqueeze(1)).reshape({-1});
        const std::int64_t considered = std::min<std::int64_t>(2 * width, candidates.numel());
        auto [values, indices] = candidates.topk(considered);
        const torch::Tensor attentionCpu = step.attention.to(torch::kCPU, torch::kFloat).unsqueeze(1); // [k, 1, S]
        const torch::Tensor steps = history.defined() ? torch::cat({history, attentionCpu}, 1) : attentionCpu;

        std::vector<Live> next;
        std::vector<std::int64_t> origins, tokens;
        for (std::int64_t i = 0; i < considered && static_cast<std::int64_t>(next.size()) < width; ++i) {
            const double value = values[i].item<double>();
            const std::int64_t flat = indices[i].item<std::int64_t>();
            const std::int64_t beam = flat / vocabulary;
            const std::int64_t token = flat % vocabulary;
            const Live &from = live[static_cast<std::size_t>(beam)];
            if (token == m_options.eos_id()) {
                if (i < width)
                    finalize(from, steps[beam], value, true);
                continue;
            }
            Live extended{from.tokens, value};
            extended.tokens.push_back(token);
            next.push_back(std::move(extended));
            origins.push_back(beam);
            tokens.push_back(token);
        }
        if (static_cast<std::int64_t>(finished.size()) >= width || next.empty())
            break;
        const torch::Tensor originIndex = torch::tensor(origins, torch::kLong);
        history = steps.index_select(0, originIndex);
        if (t + 1 == options.maxLength) {
            // Out of steps: the live hypotheses are kept as they are, unfinished.
            for (std::size_t j = 0; j < next.size(); ++j)
                finalize(next[j], history[static_cast<std::int64_t>(j)], next[j].logProbability, false);
            break;
        }
        live = std::move(next);
        hidden = step.hidden.index_select(1, originIndex.to(states.device()));
        previous = torch::tensor(tokens, torch::kLong).to(states.device());
    }

    if (width > 1) {
        // Beam search can prune the greedy path and end lower than it: rank greedy among the finalists.
        auto greedyHypothesis = [&] {
            Seq2seqHypothesis h;
            std::vector<torch::Tensor> rows;
            torch::Tensor state = encoded.hidden.narrow(1, row, 1);
            torch::Tensor token = torch::full({1}, m_options.bos_id(), longOnDevice);
            for (std::int64_t t = 0; t < options.maxLength; ++t) {
                DecoderStep step = m_decoder->step(token, state, states, keys, mask);
                auto [best, chosen] = torch::log_softmax(step.logits, 1).max(1);
                rows.push_back(step.attention.to(torch::kCPU, torch::kFloat)[0]);
                h.logProbability += best.to(torch::kCPU, torch::kDouble).item<double>();
                const std::int64_t id = chosen.to(torch::kCPU).item<std::int64_t>();
                if (id == m_options.eos_id()) {
                    h.finished = true;
                    break;
                }
                h.tokens.push_back(id);
                token = chosen;
                state = step.hidden;
            }
            h.attention = attentionMatrix(rows, realLength);
            h.score = h.logProbability / lengthPenalty(h.length(), options.lengthPenalty);
            return h;
        }();
        const bool present = std::any_of(finished.begin(), finished.end(), [&](const Seq2seqHypothesis &h) {
            return h.tokens == greedyHypothesis.tokens && h.finished == greedyHypothesis.finished;
        });
        if (!present)
            finished.push_back(std::move(greedyHypothesis));
    }
    std::stable_sort(finished.begin(), finished.end(),
                     [](const Seq2seqHypothesis &a, const Seq2seqHypothesis &b) { return a.score > b.score; });
    const std::int64_t keep = options.nBest > 0 ? options.nBest : width;
    if (static_cast<std::int64_t>(finished.size()) > keep)
        finished.resize(static_cast<std::size_t>(keep));
    return finished;
}

Seq2seqModelOptions seq2seqOptions(const nlohmann::json &params, std::int64_t vocabularySize)
{
    return Seq2seqModelOptions(vocabularySize, vocabularySize)
        .embedding_dim(params.at("embedding_dim").get<std::int64_t>())
        .hidden(params.at("hidden").get<std::int64_t>())
        .layers(params.at("layers").get<std::int64_t>())
        .dropout(params.at("dropout").get<double>())
        .pad_id(SequenceData::kPadId)
        .bos_id(SequenceData::kBeginId)
        .eos_id(SequenceData::kEndId);
}

} // namespace chorus
