#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace chorus {

// SHA-256 (FIPS 180-4), incremental, for media digests and keyed pseudonyms.
class Sha256 {
public:
    Sha256();
    void update(const void *data, std::size_t size);
    void update(std::string_view data) { update(data.data(), data.size()); }
    std::array<std::uint8_t, 32> finish();

    static std::string hex(std::string_view data);
    // HMAC-SHA256 (RFC 2104) as lowercase hex.
    static std::string hmacHex(std::string_view key, std::string_view message);
    // Digest of a file's bytes as hex; empty string when the file cannot be read.
    static std::string fileHex(const std::string &path);
    static std::string toHex(const std::array<std::uint8_t, 32> &digest);

private:
    void block(const std::uint8_t *data);

    std::array<std::uint32_t, 8> m_state;
    std::array<std::uint8_t, 64> m_buffer;
    std::size_t m_buffered = 0;
    std::uint64_t m_length = 0;
};

} // namespace chorus
