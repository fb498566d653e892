#include "models/registry/seq2seqmodelspecs.h"

namespace chorus {
namespace {

ModelSpec seq2seqSpec()
{
    ModelSpec spec;
    spec.name = "seq2seq";
    spec.displayName = "Seq2seq GRU + Bahdanau attention";
    spec.description = "A bidirectional GRU encoder and an attending GRU decoder generate a sequence from a sequence: "
                       "users' next actions from their last ones, or a reply from the post it answers. Beam search "
                       "decodes; the cross-attention shows which source tokens each output token looked at.";
    spec.inputs = {"sequences", "text"};
    spec.explains = {"cross_attention"};
    spec.supervised = false;
    spec.trainer = "seq2seq";
    spec.params = ParamSchema({
        ParamSpec::choice("source", "replies", {"replies", "behaviour"},
                          "What to learn: replies (parent post -> reply text) or behaviour (a user's last actions "
                          "-> their next ones, from an interactions dataset)."),
        ParamSpec::integer("embedding_dim", 64, 8, 1024, "Width of the token embedding vectors."),
        ParamSpec::integer("hidden", 128, 8, 1024,
                           "GRU units: per direction in the encoder, and the decoder's state."),
        ParamSpec::integer("layers", 1, 1, 4, "Stacked GRU layers in the encoder and the decoder."),
        ParamSpec::real("dropout", 0.2, 0.0, 0.9, "Fraction of embeddings and decoder features zeroed while training."),
        ParamSpec::real("teacher_forcing_start", 1.0, 0.0, 1.0,
                        "Probability of feeding the true previous token to the decoder at the first step."),
        ParamSpec::real("teacher_forcing_end", 0.5, 0.0, 1.0,
                        "The same probability at the last step; it decays linearly in between."),
        ParamSpec::integer("beam_width", 4, 1, 32, "Hypotheses kept by beam search at test time (1: greedy)."),
        ParamSpec::real("length_penalty", 0.6, 0.0, 2.0,
                        "GNMT length penalty alpha: scores are log P / ((5 + length) / 6)^alpha."),
        ParamSpec::integer("max_target_length", 24, 2, 256,
                           "Longest output in tokens, <eos> included; longer reply texts are cut."),
        ParamSpec::integer("max_source_length", 48, 1, 1024, "Replies: parent-post tokens read (the first ones)."),
        ParamSpec::integer("context", 8, 1, 256, "Behaviour: previous actions in the source, at most."),
        ParamSpec::integer("horizon", 4, 1, 32, "Behaviour: next actions to predict."),
        ParamSpec::integer("min_count", 2, 1, 100000, "Tokens seen fewer times in training become <unk>."),
    });
    return spec;
}

} // namespace

std::vector<ModelSpec> seq2seqModelSpecs()
{
    return {seq2seqSpec()};
}

} // namespace chorus
