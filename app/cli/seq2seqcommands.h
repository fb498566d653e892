#pragma once

#include <cstdint>
#include <string>

class Arguments;
class CliContext;

namespace chorus {
class Project;
}

// explain's --beam-width and --length-penalty: 0 and a negative penalty keep the run's settings.
struct Seq2seqDecoding {
    std::int64_t beamWidth = 0;
    double lengthPenalty = -1;
};

// predict and explain meeting a seq2seq run: generation by the run's beam search instead of
// classification (Seq2seqGenerator).
bool isSeq2seqRun(chorus::Project &project, std::int64_t runId);
int predictWithSeq2seq(CliContext &ctx, chorus::Project &project, std::int64_t runId, const Arguments &args);
int explainWithSeq2seq(CliContext &ctx, chorus::Project &project, std::int64_t runId, std::int64_t postId,
                       const std::string &givenText, const Seq2seqDecoding &decoding = {});
