#pragma once

#include <array>
#include <cstddef>

namespace chorus {

// The label values of the demo datasets. Their order is part of the demo's determinism: a
// generated value is an index into these arrays.

enum class DemoSentiment { Positive, Negative, Neutral };
enum class DemoTopic { Sports, Politics, Tech, Food };
enum class DemoMotion { LeftToRight, RightToLeft, Static };

inline constexpr std::array<const char *, 3> kDemoSentimentNames = {"positive", "negative", "neutral"};
inline constexpr std::array<const char *, 4> kDemoTopicNames = {"sports", "politics", "tech", "food"};
inline constexpr std::array<const char *, 3> kDemoMotionNames = {"left_to_right", "right_to_left", "static"};

inline const char *demoName(DemoSentiment value) { return kDemoSentimentNames[static_cast<std::size_t>(value)]; }
inline const char *demoName(DemoTopic value) { return kDemoTopicNames[static_cast<std::size_t>(value)]; }
inline const char *demoName(DemoMotion value) { return kDemoMotionNames[static_cast<std::size_t>(value)]; }

} // namespace chorus
