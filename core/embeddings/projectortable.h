#pragma once

#include "core/util/result.h"

#include <cstddef>
#include <string>
#include <vector>

namespace chorus {

class WordVectors;

// Vectors with metadata per row, in the layout TensorBoard's embedding projector exchanges:
// vectors.tsv holds one row of tab-separated numbers per point, metadata.tsv one line per point;
// with a single column it has no header, with several the first line names the columns.
struct ProjectorTable {
    std::size_t rows = 0;
    std::size_t dimensions = 0;
    std::vector<float> matrix;                     // rows x dimensions, row-major
    std::vector<std::string> columns;              // metadata column names; columns[0] gives the labels
    std::vector<std::vector<std::string>> values;  // per column, rows values
    // Rows are sorted by corpus frequency, most frequent first (word2vec vectors, a vocabulary's
    // token embeddings), so a row's index is its frequency rank.
    bool frequencyOrdered = false;

    const std::string &label(std::size_t row) const { return values.front()[row]; }

    // Reads a vectors.tsv and its metadata.tsv (empty path: labels are the row numbers). Every
    // vector row must have the same number of values and the metadata as many rows as there are
    // vectors; an Error names the file and line that breaks this.
    static Result<ProjectorTable> loadTsv(const std::string &vectorsPath, const std::string &metadataPath);
    // Writes the pair loadTsv reads: numbers with 7 significant digits; tabs and line breaks in a
    // metadata cell become spaces and an empty cell "-", so every line keeps its columns. Written
    // under ".partial" names and renamed at the end: a failed write leaves no half file behind.
    Status saveTsv(const std::string &vectorsPath, const std::string &metadataPath) const;
    // The words as labels, in table order (word2vec tables are frequency ordered).
    static ProjectorTable fromWordVectors(const WordVectors &vectors, bool frequencyOrdered);
};

} // namespace chorus
