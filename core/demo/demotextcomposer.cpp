#include "core/demo/demotextcomposer.h"

#include "core/util/deterministicrandom.h"

#include <array>
#include <functional>
#include <vector>

namespace chorus {
namespace {

using Words = std::vector<std::string>;

constexpr double kNegatedShare = 0.06;
// How many hashtags a post gets at its end, besides any its template has: none, one or two.
const std::vector<double> kTrailingTagShares = {0.3, 0.45, 0.25};

// Everything one language needs. Opinion words are indexed [0] positive, [1] negative; topic
// words by DemoTopic. Noun lists are parallel between the languages.
//
// Besides its noun, a post names two or three things of its topic's world: where it happens
// ({place}), who or what takes part ({thing}), what was done ({action}), the people involved
// ({entity}) and hashtags ({tag}), as real posts about a match mention fans, the referee and
// the stadium. Topic discovery finds topics through exactly these co-occurrences. Tags are
// partly shared between the languages (#NBA, #AI, #foodie), as on real platforms, which links
// the Chinese and English posts of a topic. None of these words carries sentiment.
struct Lexicon {
    std::array<Words, 4> nouns, entities, tags, places, things, actions;
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
            {"the startup", "the engineers", "Nimbus Labs", "the open-source project", "the vendor", "Orbit Devices"},
            {"the new place downtown", "my favourite cafe", "the food truck", "Chef Rossi", "the night market",
             "grandma's kitchen"},
        }};
        l.tags = {{
            {"#football", "#matchday", "#sports", "#NBA", "#derbyday", "#FIFA"},
            {"#election", "#politics", "#vote", "#policy", "#budget", "#G20"},
            {"#tech", "#AI", "#gadgets", "#software", "#startups", "#iOS"},
            {"#foodie", "#yum", "#dinner", "#recipe", "#brunch", "#Michelin"},
        }};
        l.places = {{
            {"stadium", "arena", "pitch", "training ground", "sports bar", "home ground"},
            {"parliament", "city hall", "town hall", "polling station", "capitol", "press room"},
            {"launch event", "keynote", "app store", "lab", "tech conference", "developer summit"},
            {"bistro", "kitchen", "food court", "night market", "cafe", "diner"},
        }};
        l.things = {{
            {"fans", "players", "referee", "lineup", "defense", "goalkeeper", "midfield", "crowd", "substitutes",
             "scoreboard", "NBA veterans", "MVP", "VAR calls"},
            {"voters", "lawmakers", "candidates", "polls", "ballots", "coalition", "senators", "turnout", "manifesto",
             "committee", "G20 delegates", "GDP figures", "CPI"},
            {"developers", "users", "features", "beta", "bugs", "performance", "privacy settings", "firmware",
             "codebase", "cloud servers", "AI features", "iOS", "5G"},
            {"chefs", "flavours", "portions", "sauces", "spices", "waiters", "ingredients", "dishes", "dough",
             "broth", "Michelin guide", "brunch menu", "vlog"},
        }};
        l.actions = {{
            {"scored twice", "won on the road", "lost in extra time", "equalised late", "kept a clean sheet",
             "topped the table"},
            {"voted it through", "debated for hours", "passed the motion", "blocked the amendment",
             "called a recount", "promised new laws"},
            {"shipped a patch", "crashed twice", "released new features", "fixed the bugs", "rolled out a beta",
             "upgraded the firmware"},
            {"served it fresh", "cooked it slowly", "baked it fresh", "added extra spice", "sold out by noon",
             "simmered the broth"},
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
            "{verb} the {noun} at the {place} {time}! {adj}, and the {thing} too {emoji}",
            "What a {adj} {noun} {time} {emoji}{emoji} {entity} {action}. {tag}",
            "{entity} delivered a {intens} {adj} {noun} at the {place}. {closer}",
            "Just saw the {noun} with the {thing} and it was {adj}, {feel} {emoji} {tag}",
            "{filler}the {noun} was {intens} {adj}, the {thing} too {emoji}",
            "{feel} about the {noun} {time} {emoji} {entity} {action}. {closer}",
            "{tag} {adj} {noun} at the {place}, {adj} {thing} {emoji}",
            "Can't stop talking about the {noun} and the {thing}. {adj}! {closer} {tag}",
            "The {noun} from {entity}? {intens} {adj}. The {thing} too {emoji}",
            "{verb} how the {noun} turned out at the {place} {time} {emoji} {tag}",
            "{verb} the {noun}, the {noun2} and the {thing}. {closer} {tag}",
            "Honest review of the {noun} at the {place}: {adj}. {feel}. {tag}",
        };
        l.negatedTemplates = {
            "{filler}the {noun} at the {place} {time} was not {oppAdj} at all. {tag}",
            "I would not call the {noun} or the {thing} {oppAdj}.",
            "The {noun} from {entity} was anything but {oppAdj}. {tag}",
            "The {noun} at the {place} did not make me {oppFeel} at all.",
        };
        l.neutralTemplates = {
            "{entity} {fact} the {noun} at the {place} on {day}. {tag}",
            "The {noun} with the {thing} is scheduled for {day} at {clock} at the {place}.",
            "Reminder: the {noun} starts at {clock} on {day}, the {thing} included. {nemoji}",
            "According to {entity}, the {noun} will be held at the {place} in {city}.",
            "{number} people attended the {noun} at the {place} in {city}. {tag}",
            "News: on {day} {entity} {action}; the {noun} and the {thing} are next. {tag}",
            "The {noun} lasted about {number} minutes, {entity} said of the {thing}. {tag}",
            "{entity} {fact} the {noun} schedule for {month}; the {thing} too.",
            "Live thread for the {noun} at the {place}, {day} {clock}. {nemoji} {tag}",
            "Q: when is the {noun} with the {thing}? A: {day} at {clock}, at the {place}.",
            "{entity} shared the {noun} figures for {month}: {number} {thing} in total. {tag}",
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
            {"比赛", "决赛", "球队", "教练", "进球", "联赛", "赛季", "球场", "前锋", "德比战", "马拉松", "罚球"},
            {"选举", "辩论", "政策", "部长", "投票", "竞选活动", "预算", "改革", "议会会议", "法案", "公投",
             "税改方案"},
            {"手机", "应用", "系统更新", "笔记本电脑", "软件", "人工智能模型", "电池", "芯片", "创业公司", "浏览器",
             "智能手表", "耳机"},
            {"餐厅", "面条", "披萨", "食谱", "甜品", "咖啡", "饺子", "菜单", "拉面", "火锅", "面包店", "早午餐"},
        }};
        l.entities = {{
            {"主队", "国家队", "教练组", "俱乐部", "客队"},
            {"市长", "政府", "反对党", "议会", "发言人"},
            {"这家公司", "开发团队", "新品牌", "厂商", "开源社区"},
            {"楼下那家店", "新开的餐厅", "奶奶", "夜市", "街角小店"},
        }};
        l.tags = {{
            {"#足球#", "#体育#", "#NBA#", "#FIFA#", "#matchday#", "#sports#"},
            {"#选举#", "#时政#", "#G20#", "#election#", "#vote#", "#politics#"},
            {"#科技#", "#数码#", "#AI#", "#iOS#", "#tech#", "#gadgets#"},
            {"#美食#", "#吃货#", "#foodie#", "#Michelin#", "#brunch#", "#yum#"},
        }};
        l.places = {{
            {"体育场", "球馆", "主场", "训练场", "体育酒吧"},
            {"议会大厦", "市政厅", "投票站", "国会", "新闻发布厅"},
            {"发布会", "应用商店", "实验室", "科技大会", "开发者大会"},
            {"小馆", "厨房", "美食广场", "咖啡馆", "小吃街"},
        }};
        l.things = {{
            {"球迷", "球员", "裁判", "阵容", "防守", "门将", "中场", "观众", "替补", "比分", "NBA球星", "MVP",
             "VAR判罚"},
            {"选民", "议员", "候选人", "民调", "选票", "执政联盟", "参议员", "投票率", "竞选纲领", "委员会",
             "G20代表团", "GDP数据", "CPI"},
            {"开发者", "用户", "新功能", "测试版", "漏洞", "性能", "隐私设置", "固件", "代码库", "云服务器",
             "AI功能", "iOS", "5G网络"},
            {"厨师", "味道", "分量", "酱汁", "香料", "服务员", "食材", "菜品", "面团", "汤底", "Michelin星级",
             "brunch套餐", "vlog"},
        }};
        l.actions = {{
            {"梅开二度", "客场取胜", "加时赛输了", "扳平比分", "零封对手", "登顶积分榜"},
            {"通过了议案", "辩论了几个小时", "否决了修正案", "要求重新计票", "承诺新法律", "发表演讲"},
            {"发布了补丁", "崩溃了两次", "推出新功能", "修复了漏洞", "推送了测试版", "升级了固件"},
            {"现做现卖", "慢火炖煮", "新鲜出炉", "加了辣椒", "中午就卖光", "用心烹饪"},
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
            "{time}在{place}的{noun}{adj}！{emoji}{tag}",
            "{time}去了{place}，{noun}{adj}，{entity}{action}，{closer}{emoji}{tag}",
            "真的{verb}这个{noun}和{thing}{emoji}{tag}",
            "{entity}的{noun}让人很{feel}！{thing}也是。{tag}",
            "说实话，{place}的{noun}{adj}。{closer}{tag}",
            "{filler}{noun}{adj}，{entity}的{thing}也是{emoji}{tag}",
            "我对{noun}和{thing}感到{feel}{emoji}{emoji}{tag}",
            "{tag} {place}的{noun}{adj}！{closer}",
            "{entity}这次的{noun}，{intens}{verb}。{entity}{action}。{emoji}{tag}",
        };
        l.negatedTemplates = {
            "{time}在{place}的{noun}一点也不让人{oppFeel}。{tag}",
            "说实话，{entity}的{noun}和{thing}并不让我{oppFeel}。{tag}",
            "{noun}？{entity}{action}，我可没觉得{oppFeel}。{tag}",
        };
        l.neutralTemplates = {
            "{entity}宣布{noun}将于{day}在{place}举行。{tag}",
            "据报道，{noun}的时间安排已经公布，{thing}{action}。{tag}",
            "{noun}将在{city}{place}举行，时间是{day}{clock}。{tag}",
            "提醒：{noun}{day}{clock}在{place}开始。{nemoji}{tag}",
            "官方确认了{month}的{noun}计划，涉及{thing}。{tag}",
            "{number}人参加了{city}{place}的{noun}。{tag}",
            "消息：{entity}发布了关于{noun}和{thing}的通知。{tag}",
            "{noun}持续了大约{number}分钟，{entity}{action}。{nemoji}{tag}",
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
        if (slot == "place")
            return random.pick(l.places[t]);
        if (slot == "thing")
            return random.pick(l.things[t]);
        if (slot == "action")
            return random.pick(l.actions[t]);
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
    std::string text = expand(random.pick(templates), value);
    const std::size_t trailingTags = random.weighted(kTrailingTagShares);
    std::string previous;
    for (std::size_t n = 0; n < trailingTags; ++n) {
        const std::string &tag = random.pick(l.tags[t]);
        if (tag != previous)
            text += " " + tag;
        previous = tag;
    }
    text = tidy(text);
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
