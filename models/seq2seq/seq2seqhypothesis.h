#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace chorus {

// One decoded sequence.
struct Seq2seqHypothesis {
    std::vector<std::int64_t> tokens; // without <bos> and <eos>
    bool finished = false;            // ended with <eos> (false: cut at the maximum length)
    double logProbability = 0;        // sum of the chosen tokens' log-probabilities, <eos> included
    double score = 0;                 // logProbability / the GNMT length penalty of its length
    // [steps, source length] cross-attention: row i is what step i (token i, or <eos> on the last row
    // of a finished hypothesis) attended to. Columns cover the real source tokens only. CPU, float.
    torch::Tensor attention;

    // Steps decoded: tokens plus the <eos> when finished. The length the penalty is taken of.
    std::int64_t length() const { return static_cast<std::int64_t>(tokens.size()) + (finished ? 1 : 0); }
};

struct BeamSearchOptions {
    std::int64_t width = 4;
    // GNMT (Wu et al. 2016) length penalty exponent alpha: scores are log P / ((5 + length) / 6)^alpha;
    // 0 ranks by log P alone (favouring short outputs), about 0.6-1.0 evens that out.
    double lengthPenalty = 0.6;
    std::int64_t maxLength = 32; // decoding steps, <eos> included
    std::int64_t nBest = 0;      // hypotheses returned per source; 0: width
};

} // namespace chorus
