#include "core/text/posttokenizer.h"

#include <array>

namespace chorus {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string toBase64(const std::string &bytes)
{
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t chunk = 0;
        for (std::size_t k = 0; k < 3; ++k)
            chunk = (chunk << 8) | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
        for (std::size_t k = 0; k < 4; ++k)
            out += k <= n ? kAlphabet[(chunk >> (18 - 6 * k)) & 63u] : '=';
    }
    return out;
}

Result<std::string> fromBase64(const std::string &text)
{
    std::array<int, 256> value{};
    value.fill(-1);
    for (int i = 0; i < 64; ++i)
        value[static_cast<unsigned char>(kAlphabet[i])] = i;
    if (text.size() % 4 != 0)
        return Error{"not base64 (its length is not a multiple of 4)"};
    std::string out;
    out.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        std::uint32_t chunk = 0;
        int padding = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            const char c = text[i + k];
            if (c == '=' && i + 4 == text.size() && k >= 2) {
                ++padding;
                chunk <<= 6;
                continue;
            }
            const int v = value[static_cast<unsigned char>(c)];
            if (v < 0 || padding > 0)
                return Error{"not base64 (character " + std::to_string(i + k) + ")"};
            chunk = (chunk << 6) | static_cast<std::uint32_t>(v);
        }
        for (int k = 0; k < 3 - padding; ++k)
            out += static_cast<char>((chunk >> (16 - 8 * k)) & 0xffu);
    }
    return out;
}

} // namespace

PostTokenizer::PostTokenizer(TokenizerOptions options) : m_options(options) {}

PostTokenizer PostTokenizer::sentencePiece(SentencePieceModel model)
{
    PostTokenizer tokenizer;
    tokenizer.m_pieces = std::make_shared<const SentencePieceModel>(std::move(model));
    return tokenizer;
}

int PostTokenizer::pieceCount() const { return m_pieces ? m_pieces->vocabSize() : 0; }

std::vector<std::string> PostTokenizer::tokenize(std::string_view text) const
{
    if (m_pieces)
        return m_pieces->encodePieces(text);
    return SocialTokenizer(m_options).tokenize(text);
}

void PostTokenizer::writeTo(nlohmann::json &encoding) const
{
    encoding["tokenizer"] = m_options.toJson();
    if (m_pieces)
        encoding["sentencepiece"] = {{"model", toBase64(m_pieces->serialized())}, {"pieces", m_pieces->vocabSize()}};
    else
        encoding.erase("sentencepiece");
}

Result<PostTokenizer> PostTokenizer::readFrom(const nlohmann::json &encoding)
{
    if (!encoding.is_object() || !encoding.contains("tokenizer"))
        return Error{"encoding: no 'tokenizer'"};
    auto options = TokenizerOptions::fromJson(encoding.at("tokenizer"));
    if (!options)
        return Error{"encoding.tokenizer: " + options.message()};
    if (!encoding.contains("sentencepiece"))
        return PostTokenizer(*options);
    const nlohmann::json &pieces = encoding.at("sentencepiece");
    if (!pieces.is_object() || !pieces.contains("model") || !pieces.at("model").is_string())
        return Error{"encoding.sentencepiece.model: expected the model's bytes as a base64 string"};
    auto bytes = fromBase64(pieces.at("model").get<std::string>());
    if (!bytes)
        return Error{"encoding.sentencepiece.model: " + bytes.message()};
    auto model = SentencePieceModel::fromSerialized(std::move(*bytes));
    if (!model)
        return Error{"this run splits text with SentencePiece: " + model.message()};
    PostTokenizer tokenizer = sentencePiece(std::move(*model));
    tokenizer.m_options = *options;
    return tokenizer;
}

} // namespace chorus
