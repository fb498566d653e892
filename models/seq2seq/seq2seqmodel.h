#pragma once

#include "models/seq2seq/seq2seqdecoder.h"
#include "models/seq2seq/seq2seqencoder.h"
#include "models/seq2seq/seq2seqhypothesis.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace chorus {

class DeterministicRandom;

struct Seq2seqModelOptions {
    Seq2seqModelOptions(std::int64_t sourceVocabularySize, std::int64_t targetVocabularySize)
        : source_vocabulary_size_(sourceVocabularySize), target_vocabulary_size_(targetVocabularySize)
    {
    }
    TORCH_ARG(std::int64_t, source_vocabulary_size);
    TORCH_ARG(std::int64_t, target_vocabulary_size);
    TORCH_ARG(std::int64_t, embedding_dim) = 64;
    TORCH_ARG(std::int64_t, hidden) = 128; // encoder per direction, and the decoder
    TORCH_ARG(std::int64_t, layers) = 1;   // encoder and decoder alike
    TORCH_ARG(double, dropout) = 0.2;
    TORCH_ARG(std::int64_t, pad_id) = 0;
    TORCH_ARG(std::int64_t, bos_id) = 2;
    TORCH_ARG(std::int64_t, eos_id) = 3;
};

// Training output: every step's logits and cross-attention.
struct Seq2seqOutput {
    torch::Tensor logits;    // [B, T, V]
    torch::Tensor attention; // [B, T, S]: rows sum to 1 and are 0 on source padding
};

// GRU encoder-decoder with Bahdanau attention (Bahdanau, Cho & Bengio 2015): a bidirectional GRU
// encoder whose final states are bridged into the decoder's initial state, and a GRU decoder that
// attends over every source position at each step. Trains with teacher forcing at a chosen ratio;
// decodes greedily or with beam search.
class Seq2seqModelImpl : public torch::nn::Module {
public:
    explicit Seq2seqModelImpl(const Seq2seqModelOptions &options);

    EncodedSource encode(const torch::Tensor &source, const torch::Tensor &sourceLengths);

    // source [B, S] with sourceLengths [B]; target [B, T]: the gold tokens after <bos>, each row ending
    // with <eos> and padded with pad_id. Step 0 reads <bos>; step t > 0 reads the gold token t - 1 with
    // probability teacherForcing and the model's own argmax of step t - 1 otherwise, one draw per row
    // and step from `random` (needed when 0 < teacherForcing < 1; no draw is made at 0 or 1).
    Seq2seqOutput forward(const torch::Tensor &source, const torch::Tensor &sourceLengths,
                          const torch::Tensor &target, double teacherForcing = 1.0,
                          DeterministicRandom *random = nullptr);

    // The argmax token at each step until <eos> or maxLength steps, for every row of the batch.
    // Scores use the GNMT length penalty lengthPenalty(length, alpha), as beam search does.
    std::vector<Seq2seqHypothesis> greedy(const torch::Tensor &source, const torch::Tensor &sourceLengths,
                                          std::int64_t maxLength, double alpha = 0.0);

    // Beam search per row (as in fairseq): each step extends every live hypothesis by every token and
    // keeps the best `width` candidates by log-probability; a candidate ending in <eos> among the top
    // `width` is set aside as finished, and the search ends once `width` hypotheses have finished or
    // maxLength steps are done (live ones are then kept unfinished). Finished hypotheses are ranked by
    // the length-penalised score. The greedy hypothesis is always one of the candidates ranked, so a
    // wider beam never returns a best hypothesis that scores below greedy decoding; with width 1 the
    // search is greedy decoding exactly. Returns the n best per row, best first.
    std::vector<std::vector<Seq2seqHypothesis>> beamSearch(const torch::Tensor &source,
                                                           const torch::Tensor &sourceLengths,
                                                           const BeamSearchOptions &options);

    // ((5 + length) / 6)^alpha
    static double lengthPenalty(std::int64_t length, double alpha);

    const Seq2seqModelOptions &options() const { return m_options; }

private:
    std::vector<Seq2seqHypothesis> beamSearchRow(const EncodedSource &encoded, std::int64_t row,
                                                 std::int64_t realLength, const BeamSearchOptions &options);

    Seq2seqModelOptions m_options;
    Seq2seqEncoder m_encoder{nullptr};
    Seq2seqDecoder m_decoder{nullptr};
};

TORCH_MODULE(Seq2seqModel);

// The model a seq2seq run's params describe (embedding_dim, hidden, layers, dropout), one vocabulary
// for both sides, with SequenceData's special ids: what the trainer builds, and what describing or
// loading a run rebuilds.
Seq2seqModelOptions seq2seqOptions(const nlohmann::json &params, std::int64_t vocabularySize);

} // namespace chorus
