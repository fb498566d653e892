#pragma once

#include "core/text/tokenizer.h"
#include "core/text/vocabulary.h"
#include "core/training/sequencedata.h"
#include "core/util/result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace chorus {

class Project;

// One decoded output for one source.
struct GeneratedSequence {
    std::vector<std::string> tokens; // without <bos>/<eos>
    bool finished = false;           // ended with <eos> (false: cut at the maximum length)
    double score = 0;                // log P over the GNMT length penalty, as beam search ranks
    double logProbability = 0;
    // Cross-attention: one row per decoding step (each token, then <eos> when finished) over the
    // source tokens.
    std::vector<std::vector<double>> attention;

    std::string text() const; // tokens joined by spaces
};

// A trained seq2seq run (reply generation or next-actions prediction) loaded for generating from new
// input: its best checkpoint (the latest when it never evaluated), the vocabulary and tokenizer saved
// with it, and its decoding settings (beam width, length penalty, maximum length). On the CPU.
class Seq2seqGenerator {
public:
    static Result<Seq2seqGenerator> load(Project &project, std::int64_t runId);

    SequenceSource source() const;
    const std::string &dataset() const;
    std::size_t context() const;         // behaviour: actions read per source
    std::int64_t beamWidth() const;
    double lengthPenalty() const;

    // Decodes with another beam width or length penalty than the run was trained with (explain
    // tries them out); generators copied before keep the run's settings.
    void setDecoding(std::int64_t beamWidth, double lengthPenalty);

    // The source tokens a text becomes (replies), as the run's training sources did: tokenised,
    // cut to the maximum source length; words the vocabulary lacks show as <unk>.
    std::vector<std::string> sourceOfText(const std::string &text) const;

    // The n best outputs for each source (token lists), best first; nBest 0 gives the beam width.
    Result<std::vector<std::vector<GeneratedSequence>>> generate(const std::vector<std::vector<std::string>> &sources,
                                                                 std::size_t nBest = 1) const;

    // Behaviour runs: every user of the run's dataset with their latest actions ("kind:item", oldest
    // first, at most context()), the source their next actions are predicted from.
    struct UserHistory {
        std::string user; // the user's source id (a pseudonym when imported with privacy on)
        std::vector<std::string> actions;
    };
    Result<std::vector<UserHistory>> latestHistories(Project &project) const;

private:
    struct State;
    std::shared_ptr<State> m_state;
};

} // namespace chorus
