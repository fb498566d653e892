#include "ui/models/modelschematext.h"

#include <QCoreApplication>

namespace {

// The English texts of the model registry (display names, family descriptions, parameter help) as
// `chorus-cli models --json` prints them, built-in families and the shipped plugins' alike, listed
// here so that lupdate extracts them for translation. tst_localisation fails when a family or
// parameter of the registry has a text missing here, so a change in models/ cannot silently fall
// back to English.
const char *const kSources[] = {
    QT_TRANSLATE_NOOP("ModelSchemaText", "TextCNN"),
    QT_TRANSLATE_NOOP("ModelSchemaText", "BiLSTM/BiGRU + attention"),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Transformer encoder"),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Bag of n-grams"),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Word2Vec"),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Image CNN (ResNet-style)"),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Pretrained backbone (TorchScript)"),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Video: frame CNN + temporal GRU/attention"),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Text + image fusion"),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Multi-task"),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Seq2seq GRU + Bahdanau attention"),
    QT_TRANSLATE_NOOP("ModelSchemaText", "User-kNN recommender"),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Item-kNN recommender"),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Content recommender (TF-IDF)"),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Matrix factorisation (implicit ALS)"),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Hybrid recommender"),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Hierarchical attention network (reply threads)"),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Convolutions of several widths slide over the token embeddings and keep each filter's strongest match (Kim 2014). Fast, and strong on short posts where a few phrases decide."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Width of the token embedding vectors."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Window widths in tokens; one bank of filters per width."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Filters per window width."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Fraction of the pooled features zeroed at random while training."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "A bidirectional LSTM or GRU reads the post both ways; additive attention weighs its tokens and the weights show which words the prediction rests on."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Recurrent cell: LSTM, or GRU (fewer weights, faster)."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Hidden units per direction."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Stacked recurrent layers."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Width of the attention scoring layer."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Fraction of the attended summary (and the outputs between stacked layers) zeroed at random while training."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Self-attention layers relate every token to every other; the attention of each layer and head can be inspected. Needs more data than the others to shine."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Attention heads per layer; each head gets embedding_dim / heads dimensions (rounded up)."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Encoder layers."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Width of the feed-forward block inside each layer."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Fraction of activations and attention weights zeroed at random while training."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Position encoding: a learned table, or fixed sine waves (no extra weights)."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "The fastText-style baseline: the mean embedding of a post's words and hashed word pairs, then a linear classifier. Trains in seconds; anything else should beat it."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Width of the n-gram embedding vectors."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Add hashed pairs of adjacent words to the bag of words."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Hash buckets for word pairs; fewer buckets share rows between more pairs."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Fraction of the mean embedding zeroed at random while training."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Word embeddings learned from the dataset's post text: skip-gram or CBOW with negative sampling; the vectors initialise text models or are explored in the projector."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Skip-gram predicts context from a word (better for rare words); CBOW the reverse (faster)."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Length of each word vector."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Words on each side that count as context."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Noise words drawn per positive pair."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Words seen fewer times are left out of the vocabulary."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Down-sampling threshold for very frequent words (0: off)."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Starting learning rate, decaying linearly to min_alpha."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Learning rate at the end of training."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Worker threads (0: one per core; 1: bit-reproducible)."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "A small residual network trained from scratch on the posts' pictures, then average pooling and a linear layer. Grad-CAM shows which regions a prediction rests on."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Filters of the first stage; each later stage doubles them."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Stages of residual blocks; each after the first halves the resolution."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Residual blocks (two 3x3 convolutions each) per stage."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Pictures are scaled (shorter side) and centre-cropped to this many pixels square."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "While training, show each picture with a random crop and left-right flip."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Your own TorchScript network (e.g. a torchvision ResNet saved with torch.jit.trace, its last layer removed) as a frozen feature extractor, with a linear layer trained on top. Grad-CAM works when the backbone returns feature maps."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "TorchScript file (.pt) mapping [B, 3, H, W] pictures to [B, D] or [B, C, h, w] features."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Fraction of the backbone's features zeroed at random while training."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Frames sampled uniformly over each clip go through a small ResNet-style CNN; a GRU or position-aware attention combines them, and the per-frame weights show which moments the prediction rests on."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Frames sampled per clip, spread evenly over its duration."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Side of the square each frame is resized and cropped to."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Width of the frame CNN's first stage; each later stage doubles it."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Stages of the frame CNN; each after the first halves the resolution."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "How frames are combined: a GRU over time, or attention with learned frame positions."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Width of the per-frame temporal states."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Fraction of the attended clip summary zeroed at random while training."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Each frame is summarised on a grid x grid layout; 1 ignores where things are, more keeps the layout that motion shows in."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "A BiGRU reads the post's text and a small ResNet its image; the two are fused by concatenation, a per-post gate, co-attention between words and image regions, or multi-view heads that must agree. Posts without an image still train and predict."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "concat: join both vectors; gated: weigh the modalities per post (weights shown); coattention: words and image regions attend to each other (maps shown); multiview: a head per modality plus a fused head, trained to agree."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "GRU units per direction; token and image features are twice this wide."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Stacked bidirectional GRU layers."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Channels of the image trunk's first stage; each later stage doubles them."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Residual stages; each after the first halves the grid of image regions."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Width of the gate's scoring layer and of co-attention queries and keys."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Hidden units of the classification head(s)."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Fraction of head activations zeroed at random while training."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "multiview only: weight of the term that pulls the text and image heads towards each other and towards the fused prediction."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "One shared BiGRU encoder with a head per label task (e.g. sentiment, topic and an engagement regression); each task's loss is weighted (the run config's task_weights) and a post may lack some labels."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Hidden units of each task's head."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Add the image trunk to the shared encoder (posts without an image use a learned stand-in)."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "A bidirectional GRU encoder and an attending GRU decoder generate a sequence from a sequence: users' next actions from their last ones, or a reply from the post it answers. Beam search decodes; the cross-attention shows which source tokens each output token looked at."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "What to learn: replies (parent post -> reply text) or behaviour (a user's last actions -> their next ones, from an interactions dataset)."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "GRU units: per direction in the encoder, and the decoder's state."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Stacked GRU layers in the encoder and the decoder."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Fraction of embeddings and decoder features zeroed while training."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Probability of feeding the true previous token to the decoder at the first step."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "The same probability at the last step; it decays linearly in between."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Hypotheses kept by beam search at test time (1: greedy)."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "GNMT length penalty alpha: scores are log P / ((5 + length) / 6)^alpha."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Longest output in tokens, <eos> included; longer reply texts are cut."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Replies: parent-post tokens read (the first ones)."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Behaviour: previous actions in the source, at most."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Behaviour: next actions to predict."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Tokens seen fewer times in training become <unk>."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Users whose histories resemble yours (cosine over their items) vote for their items. Evaluated leave-last-out (NDCG@K, recall@K, hit rate, coverage) beside the popularity baseline."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Most similar users or items kept per user or item (fewer: faster, less noise)."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Shrunk cosine a.b / (|a| |b| + shrinkage): similarities backed by little data count less (0: plain cosine)."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Length of the recommendation lists scored by the leave-last-out evaluation (NDCG@K, ...)."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Interaction kinds to learn from, comma-separated (view,like,share), or all."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "How repeated interactions of a user with an item combine: their weights add up, or the strongest counts."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Items the same users interacted with are similar; your items vote for their neighbours. Evaluated leave-last-out (NDCG@K, recall@K, hit rate, coverage) beside the popularity baseline."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Items whose titles and topics share terms with those of your items; ranks new items too. Evaluated leave-last-out (NDCG@K, recall@K, hit rate, coverage) beside the popularity baseline."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Latent user and item factors fitted by alternating least squares on implicit feedback; the factors open in the embedding projector. Evaluated leave-last-out (NDCG@K, recall@K, hit rate, coverage) beside the popularity baseline."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Latent factors per user and item."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Weight of the factors' squared norms: keeps rarely seen users and items near zero."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Confidence in an observed interaction is 1 + alpha x weight (unobserved: 1)."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Alternating least-squares sweeps (users, then items)."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "A weighted blend of item-kNN, user-kNN, matrix factorisation and content scores, each normalised per user. Evaluated leave-last-out (NDCG@K, recall@K, hit rate, coverage) beside the popularity baseline."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Weight of item-kNN in the blend (0: left out)."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Weight of user-kNN in the blend (0: left out)."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Weight of matrix factorisation in the blend (0: left out)."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Weight of the content (TF-IDF of item titles) model in the blend (0: left out)."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Reads each post with its reply thread: a BiGRU with attention summarises every post from its words, a second BiGRU with attention summarises the thread from its posts. Both levels of attention show which posts of the thread, and which of their words, the prediction rests on."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Hidden units per direction of the word-level GRU (reads one post)."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Hidden units per direction of the post-level GRU (reads the thread's post vectors)."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Width of the word- and post-level attention scoring layers."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Posts of the thread read with each post: itself, its ancestors, then earlier replies (1: every post alone)."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Tokens kept per post; longer posts are cut."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "Fraction of the embeddings, post vectors and summary zeroed at random while training."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "How post text becomes tokens: Chorus's social-media tokenizer (words, emoji, #hashtags, @mentions, URLs as tokens), or SentencePiece subword pieces learned from this run's training posts (suits languages without spaces and text full of rare word forms)."),
    QT_TRANSLATE_NOOP("ModelSchemaText", "With the SentencePiece tokenizer: pieces in its model, at most (fewer when the training text is small)."),
};

} // namespace

QString ModelSchemaText::translated(const std::string &english)
{
    if (english.empty())
        return QString();
    // Unknown texts (a third-party plugin's) are shown as they are.
    return QCoreApplication::translate("ModelSchemaText", english.c_str());
}

QStringList ModelSchemaText::sources()
{
    QStringList list;
    for (const char *source : kSources)
        list << QString::fromUtf8(source);
    return list;
}
