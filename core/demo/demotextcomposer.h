#pragma once

#include "core/demo/demolabels.h"

#include <string>

namespace chorus {

class DeterministicRandom;

// Writes the demo's post texts, replies and article titles, in English or Chinese. Sentiment
// shows in words and emoji (positive and negative posts share sentence templates, so only their
// wording tells them apart); neutral posts state facts. Topics show in their vocabulary: besides
// its noun, every post names two or more things of its topic's world (places, participants,
// what was done, hashtags, some of which both languages use), so topics can be found from word
// co-occurrence as in real posts; none of these words carries sentiment. About 6% of
// opinions deny the opposite ("not terrible at all"), which word counts alone get wrong. Templates and
// fillers are drawn at random, so texts vary enough not to be memorised yet stay learnable.
//
// A noun index names the same thing in both languages, so a reply can answer a post in the
// other language about the same subject.
class DemoTextComposer {
public:
    static constexpr int kNounsPerTopic = 12;

    static std::string post(DeterministicRandom &random, bool chinese, DemoTopic topic, DemoSentiment sentiment,
                            int noun);
    // Addresses the parent's author (@handle), then reacts on the same subject.
    static std::string reply(DeterministicRandom &random, bool chinese, DemoTopic topic, DemoSentiment sentiment,
                             int noun, const std::string &parentHandle);
    // An English article headline about noun of topic.
    static std::string itemTitle(DeterministicRandom &random, DemoTopic topic, int noun);
    // A screen name such as "maple_fox42".
    static std::string handle(DeterministicRandom &random);
};

} // namespace chorus
