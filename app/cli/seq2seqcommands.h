#pragma once

#include <cstdint>
#include <string>

class Arguments;
class CliContext;

namespace chorus {
class Project;
}

// predict and explain meeting a seq2seq run: generation by the run's beam search instead of
// classification (Seq2seqGenerator).
bool isSeq2seqRun(chorus::Project &project, std::int64_t runId);
int predictWithSeq2seq(CliContext &ctx, chorus::Project &project, std::int64_t runId, const Arguments &args);
int explainWithSeq2seq(CliContext &ctx, chorus::Project &project, std::int64_t runId, std::int64_t postId,
                       const std::string &givenText);
