#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <utility>
#include <vector>

namespace chorus {

// xoshiro256** seeded through splitmix64, with its own bounded draws and shuffle. Splits and demo
// data must come out identical on every machine for a given seed, and std::shuffle and the
// std:: distributions are implemented differently by each standard library; this class is not.
class DeterministicRandom {
public:
    explicit DeterministicRandom(std::uint64_t seed);

    // splitmix64's output function: a well-mixed 64-bit value from any input. Used to derive
    // independent streams (seed, purpose) so that changing one use does not shift another.
    static std::uint64_t mix(std::uint64_t value);
    static std::uint64_t derive(std::uint64_t seed, std::uint64_t stream) { return mix(mix(seed) ^ mix(stream + 1)); }

    std::uint64_t next();
    // Uniform in [0, bound); bound must be > 0. Rejection keeps it unbiased.
    std::uint64_t below(std::uint64_t bound);
    // Uniform in [low, high], both inclusive.
    int between(int low, int high);
    // Uniform in [0, 1) with 53 random bits.
    double uniform();
    bool chance(double probability) { return uniform() < probability; }
    // Roughly normal (Irwin-Hall sum of four uniforms, scaled to unit variance): only additions,
    // so the result does not depend on the platform's math library.
    double roughNormal();
    // Index drawn with probability proportional to weights[i] (all >= 0, not all 0).
    std::size_t weighted(const std::vector<double> &weights);

    // Fisher-Yates, from the last element down.
    template <typename T>
    void shuffle(std::vector<T> &values)
    {
        for (std::size_t i = values.size(); i > 1; --i) {
            const std::size_t j = static_cast<std::size_t>(below(i));
            std::swap(values[i - 1], values[j]);
        }
    }

    template <typename Container>
    const auto &pick(const Container &values)
    {
        return values[static_cast<std::size_t>(below(static_cast<std::uint64_t>(std::size(values))))];
    }

private:
    std::uint64_t m_state[4];
};

} // namespace chorus
