#include "models/training/pretrainedembeddings.h"

#include "core/embeddings/wordvectors.h"

#include <numeric>
#include <stdexcept>

namespace chorus {

nlohmann::json loadPretrainedVectorsInto(SupervisedModelImpl &model, const Vocabulary &vocabulary, const std::string &path,
                                         std::uint64_t seed)
{
    torch::Tensor weight = model.embeddingWeight();
    if (!weight.defined())
        throw std::runtime_error("pretrained_vectors: this model has no token embeddings to initialise");
    const bool binary = path.size() > 4 && path.compare(path.size() - 4, 4, ".bin") == 0;
    auto vectors = WordVectors::load(path, binary ? WordVectorFormat::Binary : WordVectorFormat::Text);
    if (!vectors)
        throw std::runtime_error("pretrained_vectors: " + vectors.message());
    if (static_cast<std::int64_t>(vectors->dimensions()) != weight.size(1))
        throw std::runtime_error("pretrained_vectors: the vectors have " + std::to_string(vectors->dimensions()) +
                                 " dimensions but the model's embeddings " + std::to_string(weight.size(1)) +
                                 " (set params.embedding_dim to match)");
    std::vector<std::int64_t> ids(static_cast<std::size_t>(weight.size(0)));
    std::iota(ids.begin(), ids.end(), 0);
    std::vector<float> matrix;
    EmbeddingFillOptions options;
    options.seed = seed;
    const EmbeddingFillReport report = vectors->fillEmbedding(vocabulary.decode(ids), matrix, options);
    torch::NoGradGuard noGrad;
    weight.copy_(torch::from_blob(matrix.data(), {weight.size(0), weight.size(1)}, torch::kFloat).to(weight.dtype()));
    return {{"path", path}, {"found", report.found}, {"missing", report.missing}, {"missing_examples", report.missingExamples}};
}

} // namespace chorus
