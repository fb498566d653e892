#pragma once

#include "core/projection/nearestneighbours.h"
#include "core/util/result.h"

#include <cstddef>
#include <vector>

namespace chorus {

class TopicCorpus;
class WordVectors;

// One dense row per post of a TopicCorpus (same order), row-major. Rows are unit length, except
// the zero rows of posts with nothing to embed (no kept term, or no term with a vector).
struct EmbeddingMatrix {
    std::size_t rows = 0;
    std::size_t dimensions = 0;
    std::vector<float> values;

    MatrixView view() const { return MatrixView{values.data(), rows, dimensions}; }
    bool isZeroRow(std::size_t row) const;
};

// Scales every row to unit length (zero rows stay zero).
void normalizeRows(EmbeddingMatrix &matrix);

struct AveragedVectorOptions {
    // Smooth inverse frequency (Arora et al. 2017): each word weighs a / (a + p(word)), so the
    // words every post has contribute little. 0 gives the plain average.
    double sifWeight = 1e-3;
    // Removes each row's projection on the first principal direction of all rows (the "common
    // discourse" component of SIF), estimated by power iteration.
    bool removeCommonComponent = true;
};

// Posts as the (weighted) average of their terms' word vectors, e.g. those of a word2vec run.
// Terms without a vector are skipped; their lowercase form is tried first, and a CJK bigram without
// one of its own takes the mean of its characters' vectors. Errors when no term of
// the corpus has a vector at all.
Result<EmbeddingMatrix> averagedWordVectors(const TopicCorpus &corpus, const WordVectors &vectors,
                                            const AveragedVectorOptions &options = {});

} // namespace chorus
