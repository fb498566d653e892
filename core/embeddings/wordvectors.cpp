#include "core/embeddings/wordvectors.h"

#include "core/text/unicode.h"
#include "core/util/deterministicrandom.h"
#include "core/util/inputstream.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <queue>
#include <system_error>

namespace chorus {
namespace {

constexpr std::size_t kMaxBinaryWordBytes = 1 << 16;
constexpr std::size_t kMissingExamples = 20;

bool hostIsLittleEndian()
{
    const std::uint32_t one = 1;
    unsigned char first = 0;
    std::memcpy(&first, &one, 1);
    return first == 1;
}

void swapBytes(char *four)
{
    std::swap(four[0], four[3]);
    std::swap(four[1], four[2]);
}

std::string shownWord(const std::string &word)
{
    constexpr std::size_t kShown = 40;
    return "'" + (word.size() > kShown ? word.substr(0, kShown) + "..." : word) + "'";
}

bool isSeparator(char c) { return c == ' ' || c == '\t'; }

std::vector<std::string_view> splitFields(std::string_view line)
{
    std::vector<std::string_view> fields;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && isSeparator(line[i]))
            ++i;
        const std::size_t start = i;
        while (i < line.size() && !isSeparator(line[i]))
            ++i;
        if (i > start)
            fields.push_back(line.substr(start, i - start));
    }
    return fields;
}

template <typename T>
bool parseInteger(std::string_view text, T &value)
{
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

// from_chars, unlike strtof, ignores the C locale, which a Qt application sets from the user's
// environment (a German locale would otherwise read "0.5" as 0).
bool parseFloat(std::string_view text, float &value)
{
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

struct Header {
    std::size_t words = 0;
    std::size_t dimensions = 0;
};

Result<Header> parseHeader(const std::string &path, std::string_view line)
{
    const auto fields = splitFields(line);
    Header header;
    if (fields.size() != 2 || !parseInteger(fields[0], header.words) || !parseInteger(fields[1], header.dimensions)
        || header.dimensions == 0)
        return Error{path + ":1: bad header: expected \"<word count> <dimensions>\" (two positive integers), found \""
                     + std::string(line.substr(0, 80)) + "\""};
    return header;
}

// Buffered bytes over an InputStream, for the binary layout (which is not line-based).
class ByteReader {
public:
    explicit ByteReader(InputStream &input) : m_input(input), m_buffer(1 << 20) {}

    int get()
    {
        if (m_begin == m_end && !fill())
            return -1;
        return static_cast<unsigned char>(m_buffer[m_begin++]);
    }
    // Copies up to size bytes; fewer only at the end of input.
    std::size_t read(char *out, std::size_t size)
    {
        std::size_t done = 0;
        while (done < size) {
            if (m_begin == m_end && !fill())
                break;
            const std::size_t n = std::min(size - done, m_end - m_begin);
            std::memcpy(out + done, m_buffer.data() + m_begin, n);
            m_begin += n;
            done += n;
        }
        return done;
    }

private:
    bool fill()
    {
        m_begin = 0;
        m_end = m_input.read(m_buffer.data(), m_buffer.size());
        return m_end > 0;
    }

    InputStream &m_input;
    std::vector<char> m_buffer;
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
};

struct LoadedTable {
    std::size_t dimensions = 0;
    std::vector<std::string> words;
    std::vector<float> matrix;
    std::unordered_map<std::string, std::int64_t> index;
};

// Keeps the first vector of a repeated word (some published tables repeat a few).
void addEntry(LoadedTable &table, std::string word, const float *values, std::size_t dimensions)
{
    if (table.index.count(word))
        return;
    table.index.emplace(word, static_cast<std::int64_t>(table.words.size()));
    table.words.push_back(std::move(word));
    table.matrix.insert(table.matrix.end(), values, values + dimensions);
}

Result<LoadedTable> loadText(const std::string &path, InputStream &input, std::size_t limit)
{
    LineReader lines(input);
    std::string line;
    if (!lines.next(line))
        return Error{path + ": " + (input.error().empty() ? "empty file, expected a \"<word count> <dimensions>\" header"
                                                          : input.error())};
    const auto header = parseHeader(path, line);
    if (!header)
        return header.error();
    const std::size_t dims = header->dimensions;
    const std::size_t wanted = limit > 0 ? std::min(limit, header->words) : header->words;

    LoadedTable table;
    table.dimensions = dims;
    table.words.reserve(std::min<std::size_t>(wanted, 1 << 20));
    std::vector<float> values(dims);
    std::size_t entries = 0;
    while (entries < wanted && lines.next(line)) {
        const std::string where = path + ":" + std::to_string(lines.lineNumber()) + ": ";
        if (lines.truncated())
            return Error{where + "line too long"};
        const auto fields = splitFields(line);
        if (fields.empty())
            continue;
        if (fields.size() != dims + 1)
            return Error{where + "expected a word and " + std::to_string(dims) + " values, found "
                         + std::to_string(fields.size() - 1) + " values after " + shownWord(std::string(fields[0]))};
        for (std::size_t d = 0; d < dims; ++d)
            if (!parseFloat(fields[d + 1], values[d]))
                return Error{where + "value " + std::to_string(d + 1) + " of " + shownWord(std::string(fields[0]))
                             + " is not a number: " + shownWord(std::string(fields[d + 1]))};
        addEntry(table, std::string(fields[0]), values.data(), dims);
        ++entries;
    }
    if (!input.error().empty())
        return Error{path + ": " + input.error()};
    if (entries < wanted)
        return Error{path + ":" + std::to_string(lines.lineNumber() + 1) + ": file ends after " + std::to_string(entries)
                     + " of the " + std::to_string(header->words) + " words its header announces"};
    if (limit == 0) {
        // Anything after the announced words means the header is wrong; say so rather than drop it.
        while (lines.next(line))
            if (!splitFields(line).empty())
                return Error{path + ":" + std::to_string(lines.lineNumber()) + ": more words than the "
                             + std::to_string(header->words) + " its header announces"};
    }
    return table;
}

Result<LoadedTable> loadBinary(const std::string &path, InputStream &input, std::size_t limit)
{
    ByteReader reader(input);
    std::string headerLine;
    for (int c = reader.get(); c != '\n'; c = reader.get()) {
        if (c < 0 || headerLine.size() > 200)
            return Error{path + ":1: bad header: expected \"<word count> <dimensions>\" and a newline"};
        headerLine += static_cast<char>(c);
    }
    if (!headerLine.empty() && headerLine.back() == '\r')
        headerLine.pop_back();
    const auto header = parseHeader(path, headerLine);
    if (!header)
        return header.error();
    const std::size_t dims = header->dimensions;
    const std::size_t wanted = limit > 0 ? std::min(limit, header->words) : header->words;
    const bool swap = !hostIsLittleEndian();

    LoadedTable table;
    table.dimensions = dims;
    table.words.reserve(std::min<std::size_t>(wanted, 1 << 20));
    std::vector<float> values(dims);
    std::string word;
    for (std::size_t entry = 0; entry < wanted; ++entry) {
        const std::string where = path + ": entry " + std::to_string(entry + 1) + ": ";
        word.clear();
        int c = reader.get();
        while (c == '\n' || c == '\r') // the newline that ends the previous vector
            c = reader.get();
        for (; c != ' '; c = reader.get()) {
            if (c < 0)
                return Error{where + "truncated: file ends " + (word.empty() ? "before the word" : "inside the word")
                             + " (the header announces " + std::to_string(header->words) + " words)"};
            if (word.size() >= kMaxBinaryWordBytes)
                return Error{where + "no space after the word within " + std::to_string(kMaxBinaryWordBytes)
                             + " bytes: not a word2vec binary file?"};
            word += static_cast<char>(c);
        }
        const std::size_t bytes = dims * sizeof(float);
        const std::size_t got = reader.read(reinterpret_cast<char *>(values.data()), bytes);
        if (got != bytes)
            return Error{where + "truncated: " + shownWord(word) + " has " + std::to_string(got / sizeof(float)) + " of "
                         + std::to_string(dims) + " values"};
        if (swap)
            for (std::size_t d = 0; d < dims; ++d)
                swapBytes(reinterpret_cast<char *>(values.data() + d));
        addEntry(table, word, values.data(), dims);
    }
    if (!input.error().empty())
        return Error{path + ": " + input.error()};
    return table;
}

// Writes to a sibling file and renames it over the target, so a failed save never leaves a
// half-written table where a good one was.
Status writeAtomically(const std::string &path, const std::string &what,
                       const std::function<bool(std::ofstream &)> &write)
{
    const std::string temporary = path + ".part";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out)
            return Error{path + ": cannot open for writing"};
        if (!write(out) || !out.flush())
            return Error{path + ": write failed while saving " + what + " (disk full?)"};
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        return Error{path + ": cannot replace the file: " + ec.message()};
    }
    return Status::success();
}

float dot(const float *a, const float *b, std::size_t n)
{
    float sum = 0;
    for (std::size_t i = 0; i < n; ++i)
        sum += a[i] * b[i];
    return sum;
}

std::uint64_t fnv1a(const std::string &text)
{
    std::uint64_t hash = 1469598103934665603ULL;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return hash;
}

} // namespace

WordVectors::WordVectors(std::vector<std::string> words, std::size_t dimensions, std::vector<float> matrix,
                         std::unordered_map<std::string, std::int64_t> index)
    : m_words(std::move(words)),
      m_dimensions(dimensions),
      m_matrix(std::move(matrix)),
      m_index(std::move(index))
{
    m_unit = m_matrix;
    for (std::size_t row = 0; row < m_words.size(); ++row) {
        float *v = m_unit.data() + row * m_dimensions;
        const float length = std::sqrt(dot(v, v, m_dimensions));
        if (length > 0)
            for (std::size_t d = 0; d < m_dimensions; ++d)
                v[d] /= length;
    }
}

Result<WordVectors> WordVectors::create(std::vector<std::string> words, std::size_t dimensions,
                                        std::vector<float> matrix)
{
    if (dimensions == 0 && !words.empty())
        return Error{"word vectors need at least one dimension"};
    if (matrix.size() != words.size() * dimensions)
        return Error{"word vectors: " + std::to_string(words.size()) + " words of " + std::to_string(dimensions)
                     + " dimensions need " + std::to_string(words.size() * dimensions) + " values, got "
                     + std::to_string(matrix.size())};
    std::unordered_map<std::string, std::int64_t> index;
    index.reserve(words.size());
    for (std::size_t i = 0; i < words.size(); ++i)
        if (!index.emplace(words[i], static_cast<std::int64_t>(i)).second)
            return Error{"word vectors: " + shownWord(words[i]) + " appears twice"};
    return WordVectors(std::move(words), dimensions, std::move(matrix), std::move(index));
}

std::int64_t WordVectors::indexOf(const std::string &word) const
{
    const auto it = m_index.find(word);
    return it == m_index.end() ? -1 : it->second;
}

const float *WordVectors::vector(const std::string &word) const
{
    const std::int64_t i = indexOf(word);
    return i < 0 ? nullptr : vectorAt(static_cast<std::size_t>(i));
}

std::optional<float> WordVectors::similarity(const std::string &a, const std::string &b) const
{
    const std::int64_t i = indexOf(a);
    const std::int64_t j = indexOf(b);
    if (i < 0 || j < 0)
        return std::nullopt;
    return dot(m_unit.data() + i * m_dimensions, m_unit.data() + j * m_dimensions, m_dimensions);
}

Result<std::vector<WordNeighbour>> WordVectors::nearest(const std::string &word, std::size_t k) const
{
    const std::int64_t i = indexOf(word);
    if (i < 0)
        return Error{shownWord(word) + " is not in the word vectors"};
    return nearestTo(vectorAt(static_cast<std::size_t>(i)), k, {word});
}

std::vector<WordNeighbour> WordVectors::nearestTo(const float *query, std::size_t k,
                                                  const std::unordered_set<std::string> &exclude) const
{
    std::vector<float> unit(query, query + m_dimensions);
    const float length = std::sqrt(dot(unit.data(), unit.data(), m_dimensions));
    if (length > 0)
        for (float &v : unit)
            v /= length;

    // Min-heap of the best k so far; the worst of them (lowest score, then latest row) on top.
    using Scored = std::pair<float, std::size_t>;
    const auto worse = [](const Scored &a, const Scored &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    };
    std::priority_queue<Scored, std::vector<Scored>, decltype(worse)> best(worse);
    for (std::size_t row = 0; row < m_words.size() && k > 0; ++row) {
        if (!exclude.empty() && exclude.count(m_words[row]))
            continue;
        const float score = dot(unit.data(), m_unit.data() + row * m_dimensions, m_dimensions);
        if (best.size() < k) {
            best.emplace(score, row);
        } else if (score > best.top().first) {
            best.pop();
            best.emplace(score, row);
        }
    }
    std::vector<WordNeighbour> result(best.size());
    for (std::size_t i = result.size(); i > 0; --i) {
        result[i - 1] = {m_words[best.top().second], best.top().first};
        best.pop();
    }
    return result;
}

Status WordVectors::save(const std::string &path, WordVectorFormat format) const
{
    for (const std::string &word : m_words)
        if (word.empty() || word.find_first_of(" \t\n\r") != std::string::npos)
            return Error{path + ": cannot save " + shownWord(word)
                         + ": word2vec files cannot hold empty words or words with whitespace"};
    const std::string header = std::to_string(m_words.size()) + " " + std::to_string(m_dimensions) + "\n";
    if (format == WordVectorFormat::Text) {
        return writeAtomically(path, "word vectors", [&](std::ofstream &out) {
            out << header;
            std::string line;
            char number[32];
            for (std::size_t row = 0; row < m_words.size(); ++row) {
                line = m_words[row];
                const float *v = vectorAt(row);
                for (std::size_t d = 0; d < m_dimensions; ++d) {
                    // Shortest text that reads back as the same float: the round trip is exact.
                    const auto [end, ec] = std::to_chars(number, number + sizeof number, v[d]);
                    line += ' ';
                    line.append(number, end);
                }
                line += '\n';
                if (!out.write(line.data(), static_cast<std::streamsize>(line.size())))
                    return false;
            }
            return true;
        });
    }
    return writeAtomically(path, "word vectors", [&](std::ofstream &out) {
        out << header;
        const bool swap = !hostIsLittleEndian();
        std::vector<float> row(m_dimensions);
        for (std::size_t r = 0; r < m_words.size(); ++r) {
            std::memcpy(row.data(), vectorAt(r), m_dimensions * sizeof(float));
            if (swap)
                for (float &v : row)
                    swapBytes(reinterpret_cast<char *>(&v));
            out << m_words[r] << ' ';
            out.write(reinterpret_cast<const char *>(row.data()),
                      static_cast<std::streamsize>(m_dimensions * sizeof(float)));
            out << '\n';
            if (!out)
                return false;
        }
        return true;
    });
}

Result<WordVectors> WordVectors::load(const std::string &path, WordVectorFormat format, std::size_t limit)
{
    auto input = InputStream::open(path);
    if (!input)
        return input.error();
    auto table = format == WordVectorFormat::Text ? loadText(path, **input, limit) : loadBinary(path, **input, limit);
    if (!table)
        return table.error();
    return WordVectors(std::move(table->words), table->dimensions, std::move(table->matrix), std::move(table->index));
}

EmbeddingFillReport WordVectors::fillEmbedding(const std::vector<std::string> &vocabulary, std::vector<float> &matrix,
                                               const EmbeddingFillOptions &options) const
{
    EmbeddingFillReport report;
    const std::size_t dims = m_dimensions;
    matrix.assign(vocabulary.size() * dims, 0.0f);

    report.scale = options.scale;
    if (report.scale <= 0) {
        // Uniform on [-a, a] has variance a^2/3: a = sqrt(3) * the pretrained values' deviation.
        double sum = 0, squares = 0;
        for (float v : m_matrix) {
            sum += v;
            squares += static_cast<double>(v) * v;
        }
        const double n = static_cast<double>(m_matrix.size());
        const double variance = n > 0 ? std::max(0.0, squares / n - (sum / n) * (sum / n)) : 0.0;
        report.scale = variance > 0 ? static_cast<float>(std::sqrt(3.0 * variance)) : 0.1f;
    }

    std::unordered_map<std::string, std::int64_t> byLowercase; // built on the first miss
    bool lowercaseBuilt = false;
    for (std::size_t row = 0; row < vocabulary.size(); ++row) {
        const std::string &word = vocabulary[row];
        float *out = matrix.data() + row * dims;
        if (options.zeroWords.count(word)) {
            ++report.zeroed;
            continue;
        }
        std::int64_t source = indexOf(word);
        if (source < 0 && options.caseInsensitiveFallback) {
            const std::string lower = unicode::toLower(word);
            source = indexOf(lower);
            if (source < 0) {
                if (!lowercaseBuilt) {
                    for (std::size_t i = 0; i < m_words.size(); ++i)
                        byLowercase.emplace(unicode::toLower(m_words[i]), static_cast<std::int64_t>(i));
                    lowercaseBuilt = true;
                }
                const auto it = byLowercase.find(lower);
                if (it != byLowercase.end())
                    source = it->second;
            }
            if (source >= 0)
                ++report.foundLowercase;
        }
        if (source >= 0) {
            std::memcpy(out, vectorAt(static_cast<std::size_t>(source)), dims * sizeof(float));
            ++report.found;
            continue;
        }
        ++report.missing;
        if (report.missingExamples.size() < kMissingExamples)
            report.missingExamples.push_back(word);
        DeterministicRandom random(DeterministicRandom::derive(options.seed, fnv1a(word)));
        for (std::size_t d = 0; d < dims; ++d)
            out[d] = static_cast<float>((random.uniform() * 2.0 - 1.0) * report.scale);
    }
    return report;
}

} // namespace chorus
