#include "core/util/deterministicrandom.h"

namespace chorus {
namespace {

inline std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

} // namespace

std::uint64_t DeterministicRandom::mix(std::uint64_t value)
{
    std::uint64_t z = value + 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

DeterministicRandom::DeterministicRandom(std::uint64_t seed)
{
    // splitmix64 as a sequence: consecutive outputs fill the state, never all zero.
    std::uint64_t s = seed;
    for (std::uint64_t &word : m_state) {
        word = mix(s);
        s += 0x9e3779b97f4a7c15ULL;
    }
}

std::uint64_t DeterministicRandom::next()
{
    const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

std::uint64_t DeterministicRandom::below(std::uint64_t bound)
{
    if (bound <= 1)
        return 0;
    // Values under `threshold` would make some residues more likely than others.
    const std::uint64_t threshold = (0 - bound) % bound;
    for (;;) {
        const std::uint64_t r = next();
        if (r >= threshold)
            return r % bound;
    }
}

int DeterministicRandom::between(int low, int high)
{
    if (high <= low)
        return low;
    const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(high) - low) + 1;
    return static_cast<int>(low + static_cast<std::int64_t>(below(span)));
}

double DeterministicRandom::uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }

double DeterministicRandom::roughNormal()
{
    // The sum of four U(0,1) has mean 2 and variance 4/12; sqrt(3) rescales it to variance 1.
    const double sum = uniform() + uniform() + uniform() + uniform();
    return (sum - 2.0) * 1.7320508075688772;
}

std::size_t DeterministicRandom::weighted(const std::vector<double> &weights)
{
    double total = 0;
    for (double w : weights)
        total += w;
    if (weights.empty())
        return 0;
    double target = uniform() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (target < weights[i])
            return i;
        target -= weights[i];
    }
    // Rounding can leave target a hair above the last weight: the last non-zero one wins.
    for (std::size_t i = weights.size(); i > 0; --i)
        if (weights[i - 1] > 0)
            return i - 1;
    return weights.size() - 1;
}

} // namespace chorus
