#include "core/demo/demotextcomposer.h"

#include "core/util/deterministicrandom.h"

#include <array>
#include <functional>
#include <vector>

namespace chorus {
namespace {

using Words = std::vector<std::string>;

constexpr double kNegatedShare = 0.06;

// Everything one language needs. Opinion words are indexed [0] positive, [1] negative; topic
// words by DemoTopic. Noun lists are parallel between the languages.
struct Lexicon {
    std::array<Words, 4> nouns, entities, tags;
    std::array<Words, 2> adjectives, verbs, feelings, closers, emoji, replyOpeners;
    // Opinions stated by denying the opposite ("not terrible at all"): a bag of words is misled by
    // them, a model that reads word order is not. {oppAdj} and {oppFeel} draw from the other side.
    Words negatedTemplates;
    Words opinionTemplates, neutralTemplates, neutralEmoji, neutralOpeners;
    Words times, fillers, intensifiers, facts, days, clocks, cities, months;
    std::string replyFormat; // {handle} and {body}
    bool english = false;    // articles and sentence case to tidy
};

const Lexicon &english()
{
    static const Lexicon lexicon = [] {
        Lexicon l;
        l.nouns = {{
            {"match", "final", "team", "coach", "goal", "league", "season", "stadium", "striker", "derby", "marathon",
             "penalty"},
            {"election", "debate", "policy", "minister", "vote", "campaign", "budget", "reform", "parliament session",
             "bill", "referendum", "tax plan"},
            {"phone", "app", "update", "laptop", "software", "AI model", "battery", "chip", "startup", "browser",
             "smartwatch", "headphones"},
            {"restaurant", "noodles", "pizza", "recipe", "dessert", "coffee", "dumplings", "menu", "ramen", "hotpot",
             "bakery", "brunch"},
        }};
        l.entities = {{
            {"the Falcons", "Riverside United", "the Tigers", "the national team", "our club", "the home side"},
            {"the mayor", "the senator", "the government", "the opposition", "the council", "the party leader"},
            {"the startup", "the dev team", "Nimbus Labs", "the open-source project", "the vendor", "Orbit Devices"},
            {"the new place downtown", "my favourite cafe", "the food truck", "Chef Rossi", "the night market",
             "grandma's kitchen"},
        }};
        l.tags = {{
            {"#football", "#matchday", "#sports", "#NBA", "#derbyday"},
            {"#election", "#politics", "#vote", "#policy", "#budget"},
            {"#tech", "#AI", "#gadgets", "#software", "#startups"},
            {"#foodie", "#yum", "#dinner", "#recipe", "#brunch"},
        }};
        l.adjectives = {{
            {"amazing", "fantastic", "wonderful", "brilliant", "excellent", "superb", "awesome", "great", "lovely",
             "impressive", "outstanding", "delightful", "stunning", "perfect"},
            {"terrible", "awful", "horrible", "disappointing", "pathetic", "useless", "dreadful", "frustrating",
             "boring", "disgusting", "miserable", "embarrassing", "mediocre", "ridiculous"},
        }};
        l.verbs = {{
            {"I love", "Really enjoyed", "So happy with", "Absolutely adore", "Thrilled with", "Big thanks for",
             "Loving"},
            {"I hate", "Really regret", "So angry about", "Sick of", "Fed up with", "Can't stand",
             "Deeply annoyed by"},
        }};
        l.feelings = {{
            {"so happy", "delighted", "thrilled", "grateful", "over the moon", "proud", "excited"},
            {"so angry", "furious", "really sad", "disgusted", "upset", "annoyed", "heartbroken"},
        }};
        l.closers = {{
            {"Best day ever!", "Highly recommend!", "Made my week!", "So proud!", "Love it!", "Can't wait for more!",
             "Ten out of ten!"},
            {"Never again.", "What a waste.", "Total disaster.", "Ugh.", "So annoying.", "Worst ever.", "Zero stars."},
        }};
        l.emoji = {{
            {"😀", "👍", "🎉", "❤️", "😍", "🥳", "✨", "🙌", "😊"},
            {"😡", "👎", "😢", "😤", "💔", "😞", "🤬", "😠"},
        }};
        l.replyOpeners = {{
            {"Totally agree!", "So true!", "Yes, exactly!", "Couldn't agree more."},
            {"No way.", "Not buying it.", "Come on...", "Seriously?"},
        }};
        l.neutralOpeners = {"For context:", "FYI:", "Source says:", "Small correction:", "Noting for the record:"};
        l.opinionTemplates = {
            "{verb} the {noun} {time}! {adj} {emoji}",
            "What a {adj} {noun} {time} {emoji}{emoji} {tag}",
            "{entity} delivered a {intens} {adj} {noun}. {closer}",
            "Just saw the {noun} and it was {adj}, {feel} {emoji}",
            "{filler}the {noun} was {intens} {adj} {emoji}",
            "{feel} about the {noun} {time} {emoji} {closer}",
            "{tag} {adj} {noun}, {adj} {noun2} {emoji}",
            "Can't stop talking about the {noun}. {adj}! {closer}",
            "The {noun} from {entity}? {intens} {adj}. {emoji}",
            "{verb} how the {noun} turned out {time} {emoji}",
            "{verb} the {noun} and the {noun2}. {closer} {tag}",
            "Honest review of the {noun}: {adj}. {feel}.",
        };
        l.negatedTemplates = {
            "{filler}the {noun} {time} was not {oppAdj} at all.",
            "I would not call the {noun} {oppAdj}.",
            "The {noun} from {entity} was anything but {oppAdj}.",
            "The {noun} did not make me {oppFeel} at all.",
        };
        l.neutralTemplates = {
            "{entity} {fact} the {noun} on {day}.",
            "The {noun} is scheduled for {day} at {clock}.",
            "Reminder: the {noun} starts at {clock} on {day}. {nemoji}",
            "According to reports, the {noun} will take place in {city}.",
            "{number} people attended the {noun} in {city} on {day}.",
            "Update: details about the {noun} were {fact} {day}. {tag}",
            "The {noun} lasted about {number} minutes, {entity} said.",
            "Officials {fact} the {noun} schedule for {month}.",
            "Live thread for the {noun} in {city}, {day} {clock}. {nemoji}",
            "Q: when is the {noun}? A: {day} at {clock}, in {city}.",
            "{entity} shared the {noun} figures for {month}: {number} in total. {tag}",
        };
        l.neutralEmoji = {"📅", "📰", "ℹ️", "🕒", "📍", "", ""};
        l.times = {"today", "last night", "this weekend", "this morning", "yesterday", "tonight", "this week"};
        l.fillers = {"", "", "Honestly, ", "Tbh ", "Ngl ", "Okay so ", "Well, "};
        l.intensifiers = {"really", "absolutely", "truly", "incredibly", "totally", "quite"};
        l.facts = {"announced", "confirmed", "published", "reported", "listed", "released"};
        l.days = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "next Tuesday"};
        l.clocks = {"9:00", "10:30", "12:00", "15:00", "18:45", "20:00", "7 pm", "8 am"};
        l.cities = {"London", "Berlin", "Toronto", "Sydney", "Chicago", "Madrid", "Seoul", "Austin"};
        l.months = {"March", "April", "May", "June", "July", "September"};
        l.replyFormat = "@{handle} {body}";
        l.english = true;
        return l;
    }();
    return lexicon;
}

const Lexicon &chinese()
{
    static const Lexicon lexicon = [] {
        Lexicon l;
        l.nouns = {{
            {"比赛", "决赛", "球队", "教练", "进球", "联赛", "赛季", "球场", "前锋", "德比战", "马拉松", "点球"},
            {"选举", "辩论", "政策", "部长", "投票", "竞选活动", "预算", "改革", "议会会议", "法案", "公投",
             "税改方案"},
            {"手机", "应用", "系统更新", "笔记本电脑", "软件", "人工智能模型", "电池", "芯片", "创业公司", "浏览器",
             "智能手表", "耳机"},
            {"餐厅", "面条", "披萨", "食谱", "甜点", "咖啡", "饺子", "菜单", "拉面", "火锅", "面包店", "早午餐"},
        }};
        l.entities = {{
            {"主队", "国家队", "教练组", "俱乐部", "客队"},
            {"市长", "政府", "反对党", "议会", "发言人"},
            {"这家公司", "开发团队", "新品牌", "厂商", "开源社区"},
            {"楼下那家店", "新开的餐厅", "奶奶", "夜市", "街角小店"},
        }};
        l.tags = {{
            {"#足球#", "#体育#", "#比赛日#"},
            {"#选举#", "#时政#", "#政策#"},
            {"#科技#", "#数码#", "#人工智能#"},
            {"#美食#", "#吃货#", "#探店#"},
        }};
        l.adjectives = {{
            {"太棒了", "很精彩", "非常完美", "超赞", "很给力", "很优秀", "很出色", "令人惊艳", "太好了"},
            {"太糟糕了", "很差劲", "非常无聊", "太烂了", "很恶心", "一塌糊涂", "令人失望", "太离谱了"},
        }};
        l.verbs = {{
            {"喜欢", "爱死了", "支持", "推荐", "点赞", "期待"},
            {"讨厌", "受不了", "反感", "厌倦了", "看不惯"},
        }};
        l.feelings = {{
            {"开心", "感动", "满意", "惊喜", "幸福", "兴奋", "骄傲"},
            {"失望", "生气", "难过", "愤怒", "崩溃", "后悔", "郁闷"},
        }};
        l.closers = {{
            {"强烈推荐！", "太开心了！", "必须点赞！", "今天真好！", "爱了爱了！"},
            {"再也不来了。", "浪费时间。", "气死我了！", "太坑了。", "差评！"},
        }};
        l.emoji = english().emoji;
        l.replyOpeners = {{
            {"说得好！", "完全同意！", "没错！", "赞同！"},
            {"胡说，", "根本不是这样，", "拉倒吧，", "别扯了，"},
        }};
        l.neutralOpeners = {"补充一下：", "据我所知，", "顺便说一下：", "更正一下："};
        l.opinionTemplates = {
            "{time}的{noun}{adj}！{emoji}",
            "{time}去看了{noun}，{adj}，{closer}{emoji}",
            "真的{verb}这个{noun}{emoji}",
            "{entity}的{noun}让人很{feel}！{tag}",
            "说实话，{noun}{adj}。{closer}",
            "{filler}{noun}{adj}，{entity}的{noun2}也是{emoji}",
            "我对{noun}感到{feel}{emoji}{emoji}",
            "{tag} {noun}{adj}！{closer}",
            "{entity}这次的{noun}，{intens}{verb}。{emoji}",
        };
        l.negatedTemplates = {
            "{time}的{noun}一点也不让人{oppFeel}。",
            "说实话，{entity}的{noun}并不让我{oppFeel}。",
            "{noun}？我可没觉得{oppFeel}。",
        };
        l.neutralTemplates = {
            "{entity}宣布{noun}将于{day}举行。",
            "据报道，{noun}的时间安排已经公布。{tag}",
            "{noun}将在{city}举行，时间是{day}{clock}。",
            "提醒：{noun}{day}{clock}开始。{nemoji}",
            "官方确认了{month}的{noun}计划。",
            "{number}人参加了{city}的{noun}。",
            "消息：{entity}发布了关于{noun}的通知。",
            "{noun}持续了大约{number}分钟。{nemoji}",
        };
        l.neutralEmoji = english().neutralEmoji;
        l.times = {"今天", "昨晚", "周末", "刚才", "上周", "今晚"};
        l.fillers = {"", "", "说真的，", "哈哈，", "讲真，"};
        l.intensifiers = {"真心", "特别", "非常", "超级"};
        l.facts = {"宣布", "确认", "公布"};
        l.days = {"周一", "周二", "周三", "周四", "周五", "周六", "周日", "明天", "下周三"};
        l.clocks = {"上午9点", "上午10点半", "中午12点", "下午3点", "晚上8点"};
        l.cities = {"北京", "上海", "广州", "深圳", "成都", "杭州"};
        l.months = {"三月", "四月", "五月", "六月", "九月"};
        l.replyFormat = "回复@{handle}：{body}";
        return l;
    }();
    return lexicon;
}

// Replaces each {slot} of text with value(slot); each occurrence draws anew.
std::string expand(const std::string &text, const std::function<std::string(const std::string &)> &value)
{
    std::string out;
    out.reserve(text.size() + 32);
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '{') {
            const std::size_t close = text.find('}', i);
            if (close != std::string::npos) {
                out += value(text.substr(i + 1, close - i - 1));
                i = close + 1;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

// Template slots may be empty ("{filler}") or end a sentence, leaving doubled or trailing spaces.
std::string tidy(const std::string &text)
{
    std::string out;
    for (char c : text) {
        if (c == ' ' && (out.empty() || out.back() == ' '))
            continue;
        out += c;
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

bool isLower(char c) { return c >= 'a' && c <= 'z'; }

std::string capitalised(std::string text)
{
    if (!text.empty() && isLower(text[0]))
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

// English slots are filled independently, so "a" may meet "amazing" and a sentence may start
// with a lowercase adjective; both are put right here.
std::string englishSurface(const std::string &text)
{
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool wordStart = i == 0 || text[i - 1] == ' ';
        const char next = i + 2 < text.size() ? text[i + 2] : '\0';
        out += c;
        if ((c == 'a' || c == 'A') && wordStart && i + 1 < text.size() && text[i + 1] == ' ' &&
            std::string("aeiouAEIOU").find(next) != std::string::npos && next != '\0')
            out += 'n';
    }
    for (std::size_t i = 2; i < out.size(); ++i)
        if (out[i - 1] == ' ' && (out[i - 2] == '.' || out[i - 2] == '?' || out[i - 2] == '!') && isLower(out[i]))
            out[i] = static_cast<char>(out[i] - 'a' + 'A');
    return capitalised(out);
}

std::string compose(DeterministicRandom &random, const Lexicon &l, DemoTopic topic, DemoSentiment sentiment, int noun)
{
    const auto t = static_cast<std::size_t>(topic);
    const std::size_t s = sentiment == DemoSentiment::Negative ? 1 : 0;
    const Words &nouns = l.nouns[t];
    const std::string &subject = nouns[static_cast<std::size_t>(noun) % nouns.size()];
    auto value = [&](const std::string &slot) -> std::string {
        if (slot == "noun")
            return subject;
        if (slot == "noun2")
            return random.pick(nouns);
        if (slot == "entity")
            return random.pick(l.entities[t]);
        if (slot == "tag")
            return random.pick(l.tags[t]);
        if (slot == "adj")
            return random.pick(l.adjectives[s]);
        if (slot == "oppAdj")
            return random.pick(l.adjectives[1 - s]);
        if (slot == "oppFeel")
            return random.pick(l.feelings[1 - s]);
        if (slot == "verb")
            return random.pick(l.verbs[s]);
        if (slot == "feel")
            return random.pick(l.feelings[s]);
        if (slot == "closer")
            return random.pick(l.closers[s]);
        if (slot == "emoji")
            return random.pick(l.emoji[s]);
        if (slot == "nemoji")
            return random.pick(l.neutralEmoji);
        if (slot == "time")
            return random.pick(l.times);
        if (slot == "filler")
            return random.pick(l.fillers);
        if (slot == "intens")
            return random.pick(l.intensifiers);
        if (slot == "fact")
            return random.pick(l.facts);
        if (slot == "day")
            return random.pick(l.days);
        if (slot == "clock")
            return random.pick(l.clocks);
        if (slot == "city")
            return random.pick(l.cities);
        if (slot == "month")
            return random.pick(l.months);
        if (slot == "number")
            return std::to_string(random.between(12, 4800));
        return {};
    };
    const Words &templates = sentiment == DemoSentiment::Neutral ? l.neutralTemplates
                             : random.chance(kNegatedShare) ? l.negatedTemplates
                                                            : l.opinionTemplates;
    const std::string text = tidy(expand(random.pick(templates), value));
    return l.english ? englishSurface(text) : text;
}

} // namespace

std::string DemoTextComposer::post(DeterministicRandom &random, bool inChinese, DemoTopic topic,
                                   DemoSentiment sentiment, int noun)
{
    return compose(random, inChinese ? chinese() : english(), topic, sentiment, noun);
}

std::string DemoTextComposer::reply(DeterministicRandom &random, bool inChinese, DemoTopic topic,
                                    DemoSentiment sentiment, int noun, const std::string &parentHandle)
{
    const Lexicon &l = inChinese ? chinese() : english();
    const std::string opener = sentiment == DemoSentiment::Neutral
                                   ? random.pick(l.neutralOpeners)
                                   : random.pick(l.replyOpeners[sentiment == DemoSentiment::Negative ? 1 : 0]);
    const std::string body = compose(random, l, topic, sentiment, noun);
    const std::string separator = inChinese ? "" : " ";
    return expand(l.replyFormat, [&](const std::string &slot) {
        return slot == "handle" ? parentHandle : opener + separator + body;
    });
}

std::string DemoTextComposer::itemTitle(DeterministicRandom &random, DemoTopic topic, int noun)
{
    static const Words templates = {
        "Five things to know about the {noun}",
        "Why the {noun} matters this year",
        "{entity} and the {noun}: a closer look",
        "The {noun}, explained",
        "How {entity} changed the {noun}",
        "Inside the {noun}",
        "A beginner's guide to the {noun}",
        "What's next for the {noun}?",
        "The {noun} in {number} charts",
        "Ranking every {noun} of the {month} season",
    };
    const Lexicon &l = english();
    const auto t = static_cast<std::size_t>(topic);
    const std::string &subject = l.nouns[t][static_cast<std::size_t>(noun) % l.nouns[t].size()];
    return capitalised(expand(random.pick(templates), [&](const std::string &slot) -> std::string {
        if (slot == "noun")
            return subject;
        if (slot == "entity")
            return random.pick(l.entities[t]);
        if (slot == "month")
            return random.pick(l.months);
        return std::to_string(random.between(3, 12));
    }));
}

std::string DemoTextComposer::handle(DeterministicRandom &random)
{
    static const Words first = {"maple", "silver", "quiet", "lucky", "sunny", "brave", "misty", "urban",
                                "cosmic", "little", "swift", "golden", "rusty", "velvet", "northern"};
    static const Words second = {"fox", "otter", "panda", "heron", "lynx", "koala", "owl", "tiger",
                                 "whale", "finch", "badger", "crane", "gecko", "moose"};
    const std::string a = random.pick(first);
    const std::string b = random.pick(second);
    return a + "_" + b + std::to_string(random.between(1, 99));
}

} // namespace chorus
