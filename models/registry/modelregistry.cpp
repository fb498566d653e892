#include "models/registry/modelregistry.h"

#include "models/registry/fusionmodelspecs.h"
#include "models/registry/recommendermodelspecs.h"
#include "models/registry/seq2seqmodelspecs.h"
#include "models/registry/videomodelspecs.h"
#include "models/registry/visionmodelspecs.h"
#include "models/text/bagofngrams.h"
#include "models/text/rnnattentionclassifier.h"
#include "models/text/textcnn.h"
#include "models/text/transformerclassifier.h"

#include <algorithm>
#include <exception>

namespace chorus {
namespace {

// Position tables need a size before any data is seen; used when the trainer gives no maxLength.
constexpr std::int64_t kDefaultMaxLength = 512;

std::int64_t integer(const nlohmann::json &params, const char *name)
{
    return params.at(name).get<std::int64_t>();
}

double real(const nlohmann::json &params, const char *name)
{
    return params.at(name).get<double>();
}

ParamSpec embeddingDim(long long fallback)
{
    return ParamSpec::integer("embedding_dim", fallback, 8, 1024, "Width of the token embedding vectors.");
}

ParamSpec dropout(double fallback, const std::string &where)
{
    return ParamSpec::real("dropout", fallback, 0.0, 0.9, "Fraction of " + where + " zeroed at random while training.");
}

ModelSpec textCnnSpec()
{
    ModelSpec spec;
    spec.name = "textcnn";
    spec.displayName = "TextCNN";
    spec.description = "Convolutions of several widths slide over the token embeddings and keep each filter's "
                       "strongest match (Kim 2014). Fast, and strong on short posts where a few phrases decide.";
    spec.inputs = {"text"};
    spec.supervised = true;
    spec.params = ParamSchema({
        embeddingDim(128),
        ParamSpec::integerList("kernel_sizes", {3, 4, 5}, 1, 15,
                               "Window widths in tokens; one bank of filters per width."),
        ParamSpec::integer("filters", 100, 1, 1024, "Filters per window width."),
        dropout(0.5, "the pooled features"),
    });
    spec.makeTextClassifier = [](const nlohmann::json &params, const TextModelShape &shape) {
        TextCnnOptions options(shape.vocabularySize, shape.classes);
        options.embedding_dim(integer(params, "embedding_dim"))
            .kernel_sizes(params.at("kernel_sizes").get<std::vector<std::int64_t>>())
            .filters(integer(params, "filters"))
            .dropout(real(params, "dropout"));
        return std::shared_ptr<TextClassifierImpl>(std::make_shared<TextCnnImpl>(options));
    };
    return spec;
}

ModelSpec rnnAttentionSpec()
{
    ModelSpec spec;
    spec.name = "rnn_attention";
    spec.displayName = "BiLSTM/BiGRU + attention";
    spec.description = "A bidirectional LSTM or GRU reads the post both ways; additive attention weighs its tokens "
                       "and the weights show which words the prediction rests on.";
    spec.inputs = {"text"};
    spec.explains = {"token_attention"};
    spec.supervised = true;
    spec.params = ParamSchema({
        embeddingDim(128),
        ParamSpec::choice("cell", "lstm", {"lstm", "gru"}, "Recurrent cell: LSTM, or GRU (fewer weights, faster)."),
        ParamSpec::integer("hidden", 128, 4, 1024, "Hidden units per direction."),
        ParamSpec::integer("layers", 1, 1, 4, "Stacked recurrent layers."),
        ParamSpec::integer("attention_dim", 128, 4, 1024, "Width of the attention scoring layer."),
        dropout(0.3, "the attended summary (and the outputs between stacked layers)"),
    });
    spec.makeTextClassifier = [](const nlohmann::json &params, const TextModelShape &shape) {
        RnnAttentionClassifierOptions options(shape.vocabularySize, shape.classes);
        options.embedding_dim(integer(params, "embedding_dim"))
            .cell(params.at("cell").get<std::string>())
            .hidden(integer(params, "hidden"))
            .layers(integer(params, "layers"))
            .attention_dim(integer(params, "attention_dim"))
            .dropout(real(params, "dropout"));
        return std::shared_ptr<TextClassifierImpl>(std::make_shared<RnnAttentionClassifierImpl>(options));
    };
    return spec;
}

ModelSpec transformerSpec()
{
    ModelSpec spec;
    spec.name = "transformer";
    spec.displayName = "Transformer encoder";
    spec.description = "Self-attention layers relate every token to every other; the attention of each layer and "
                       "head can be inspected. Needs more data than the others to shine.";
    spec.inputs = {"text"};
    spec.explains = {"layer_attention"};
    spec.supervised = true;
    spec.params = ParamSchema({
        embeddingDim(128),
        ParamSpec::integer("heads", 4, 1, 16,
                           "Attention heads per layer; each head gets embedding_dim / heads dimensions (rounded up)."),
        ParamSpec::integer("layers", 2, 1, 12, "Encoder layers."),
        ParamSpec::integer("ff_dim", 256, 8, 4096, "Width of the feed-forward block inside each layer."),
        dropout(0.1, "activations and attention weights"),
        ParamSpec::choice("positions", "learned", {"learned", "sinusoidal"},
                          "Position encoding: a learned table, or fixed sine waves (no extra weights)."),
    });
    spec.makeTextClassifier = [](const nlohmann::json &params, const TextModelShape &shape) {
        TransformerClassifierOptions options(shape.vocabularySize, shape.classes);
        options.embedding_dim(integer(params, "embedding_dim"))
            .heads(integer(params, "heads"))
            .layers(integer(params, "layers"))
            .ff_dim(integer(params, "ff_dim"))
            .dropout(real(params, "dropout"))
            .positions(params.at("positions").get<std::string>())
            .max_length(shape.maxLength > 0 ? shape.maxLength : kDefaultMaxLength);
        return std::shared_ptr<TextClassifierImpl>(std::make_shared<TransformerClassifierImpl>(options));
    };
    return spec;
}

ModelSpec bagOfNgramsSpec()
{
    ModelSpec spec;
    spec.name = "bag_of_ngrams";
    spec.displayName = "Bag of n-grams";
    spec.description = "The fastText-style baseline: the mean embedding of a post's words and hashed word pairs, then "
                       "a linear classifier. Trains in seconds; anything else should beat it.";
    spec.inputs = {"text"};
    spec.supervised = true;
    spec.params = ParamSchema({
        ParamSpec::integer("embedding_dim", 64, 2, 1024, "Width of the n-gram embedding vectors."),
        ParamSpec::boolean("bigrams", true, "Add hashed pairs of adjacent words to the bag of words."),
        ParamSpec::integer("buckets", 100000, 1, 10000000,
                           "Hash buckets for word pairs; fewer buckets share rows between more pairs."),
        dropout(0.0, "the mean embedding"),
    });
    spec.makeTextClassifier = [](const nlohmann::json &params, const TextModelShape &shape) {
        BagOfNgramsOptions options(shape.vocabularySize, shape.classes);
        options.embedding_dim(integer(params, "embedding_dim"))
            .bigrams(params.at("bigrams").get<bool>())
            .buckets(integer(params, "buckets"))
            .dropout(real(params, "dropout"));
        return std::shared_ptr<TextClassifierImpl>(std::make_shared<BagOfNgramsImpl>(options));
    };
    return spec;
}

ModelSpec word2vecSpec()
{
    ModelSpec spec;
    spec.name = "word2vec";
    spec.displayName = "Word2Vec";
    spec.description = "Word embeddings learned from the dataset's post text: skip-gram or CBOW with negative "
                        "sampling; the vectors initialise text models or are explored in the projector.";
    spec.inputs = {"text"};
    spec.explains = {"nearest_words"};
    spec.supervised = false;
    spec.trainer = "word2vec";
    spec.params = ParamSchema({
        ParamSpec::choice("architecture", "skipgram", {"skipgram", "cbow"},
                          "Skip-gram predicts context from a word (better for rare words); CBOW the reverse (faster)."),
        ParamSpec::integer("dimensions", 100, 2, 1000, "Length of each word vector."),
        ParamSpec::integer("window", 5, 1, 50, "Words on each side that count as context."),
        ParamSpec::integer("negative", 5, 1, 50, "Noise words drawn per positive pair."),
        ParamSpec::integer("min_count", 2, 1, 100000, "Words seen fewer times are left out of the vocabulary."),
        ParamSpec::real("sample", 1e-3, 0.0, 0.1, "Down-sampling threshold for very frequent words (0: off)."),
        ParamSpec::real("alpha", 0.025, 1e-5, 1.0, "Starting learning rate, decaying linearly to min_alpha."),
        ParamSpec::real("min_alpha", 1e-4, 0.0, 1.0, "Learning rate at the end of training."),
        ParamSpec::integer("threads", 0, 0, 256, "Worker threads (0: one per core; 1: bit-reproducible)."),
    });
    return spec;
}

} // namespace

ModelRegistry::ModelRegistry()
{
    for (ModelSpec spec : {textCnnSpec(), rnnAttentionSpec(), transformerSpec(), bagOfNgramsSpec(), word2vecSpec()})
        add(std::move(spec));
    for (auto family : {imageModelSpecs, videoModelSpecs, fusionModelSpecs, seq2seqModelSpecs, recommenderModelSpecs})
        for (ModelSpec &spec : family())
            add(std::move(spec));
}

ModelRegistry &ModelRegistry::instance()
{
    static ModelRegistry registry;
    return registry;
}

const ModelSpec *ModelRegistry::find(const std::string &name) const
{
    for (const ModelSpec &spec : m_models)
        if (spec.name == name)
            return &spec;
    return nullptr;
}

Status ModelRegistry::add(ModelSpec spec)
{
    if (spec.name.empty())
        return Error{"model registry: a model family needs a name"};
    if (find(spec.name))
        return Error{"model registry: a model family named \"" + spec.name + "\" is already registered"};
    // Every supervised family that reads post text, plugins included, offers both tokenizers.
    const bool readsText = std::find(spec.inputs.begin(), spec.inputs.end(), "text") != spec.inputs.end();
    if ((spec.trainer == "text_classifier" || spec.trainer == "supervised") && readsText && !spec.params.find("tokenizer")) {
        std::vector<ParamSpec> params = spec.params.specs();
        params.push_back(ParamSpec::choice(
            "tokenizer", "social", {"social", "sentencepiece"},
            "How post text becomes tokens: Chorus's social-media tokenizer (words, emoji, #hashtags, @mentions, URLs "
            "as tokens), or SentencePiece subword pieces learned from this run's training posts (suits languages "
            "without spaces and text full of rare word forms)."));
        params.push_back(ParamSpec::integer(
            "sentencepiece_pieces", 8000, 100, 100000,
            "With the SentencePiece tokenizer: pieces in its model, at most (fewer when the training text is small)."));
        spec.params = ParamSchema(std::move(params));
    }
    m_models.push_back(std::move(spec));
    return {};
}

nlohmann::json ModelRegistry::toJson() const
{
    nlohmann::json out = nlohmann::json::array();
    for (const ModelSpec &spec : m_models) {
        out.push_back({{"name", spec.name},
                       {"display_name", spec.displayName},
                       {"description", spec.description},
                       {"inputs", spec.inputs},
                       {"explains", spec.explains},
                       {"supervised", spec.supervised},
                       {"trainer", spec.trainer},
                       {"params", spec.params.toJson()}});
    }
    return out;
}

Result<std::shared_ptr<TextClassifierImpl>> ModelRegistry::makeTextClassifier(const std::string &name,
                                                                              const nlohmann::json &params,
                                                                              const TextModelShape &shape) const
{
    const ModelSpec *spec = find(name);
    if (!spec) {
        std::string known;
        for (const ModelSpec &s : m_models)
            known += (known.empty() ? "" : ", ") + s.name;
        return Error{"model: unknown model family \"" + name + "\" (known: " + known + ")"};
    }
    if (!spec->makeTextClassifier)
        return Error{"model: " + name + " is not a text classifier"};
    if (shape.vocabularySize < 1)
        return Error{"model: the vocabulary is empty (build the dataset's vocabulary first)"};
    if (shape.classes < 1)
        return Error{"model: the task has no classes"};
    Result<nlohmann::json> resolved = spec->params.resolve(params);
    if (!resolved)
        return resolved.error();
    try {
        std::shared_ptr<TextClassifierImpl> module = spec->makeTextClassifier(*resolved, shape);
        if (!module)
            return Error{"model: the " + name + " factory built nothing"};
        return module;
    } catch (const std::exception &e) {
        // Out of memory for a huge table, or a plugin factory's own failure.
        return Error{"model: could not build " + name + ": " + e.what()};
    }
}

} // namespace chorus
