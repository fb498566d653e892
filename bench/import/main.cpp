// Import benchmark: Chorus importing N generated posts from JSON Lines (FTS index on) against the
// sqlite3 command-line shell's .import of the same rows as CSV, side by side on one machine.
// Prints posts/s, peak RSS and the ratios. Usage: chorus-bench-import [--posts N] [--dir DIR]
#include "core/import/importjob.h"
#include "core/store/project.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace chorus;
namespace fs = std::filesystem;

namespace {

struct Measure {
    double seconds = 0;
    long peakRssKb = 0;
    bool ok = false;
};

// Deterministic text with a realistic vocabulary spread, so FTS has real work to do.
std::string sentence(std::uint64_t &state, int words)
{
    static const char *vocabulary[] = {
        "election", "vote",  "team",   "match",  "goal",   "phone", "battery", "great",   "awful",  "today",
        "tomorrow", "night", "city",   "music",  "concert", "love", "hate",    "news",    "report", "market",
        "price",    "coffee", "rain",  "sunny",  "weekend", "work", "school",  "friends", "family", "movie",
        "review",   "happy",  "sad",   "angry",  "ticket", "train", "delay",   "update",  "release", "launch"};
    std::string out;
    for (int i = 0; i < words; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const auto pick = (state >> 33) % (sizeof vocabulary / sizeof *vocabulary);
        if (i)
            out += ' ';
        out += vocabulary[pick];
        if ((state >> 20) % 7 == 0)
            out += std::to_string((state >> 40) % 1000);
    }
    return out;
}

void generate(const fs::path &jsonl, const fs::path &csv, std::int64_t posts)
{
    std::ofstream j(jsonl), c(csv);
    c << "id,author,created_at,text,likes,label\n";
    std::uint64_t state = 42;
    for (std::int64_t i = 0; i < posts; ++i) {
        const std::string text = sentence(state, 12 + static_cast<int>(i % 9));
        const std::string author = "user" + std::to_string((state >> 24) % 50000);
        const std::int64_t created = 1600000000 + i * 7;
        const int likes = static_cast<int>((state >> 12) % 500);
        const char *label = i % 3 == 0 ? "negative" : "positive";
        nlohmann::json row = {{"id", "p" + std::to_string(i)}, {"author", author}, {"created_at", created},
                              {"text", text},                  {"likes", likes},   {"label", label}};
        j << row.dump() << '\n';
        c << 'p' << i << ',' << author << ',' << created << ",\"" << text << "\"," << likes << ',' << label << '\n';
    }
}

Measure runChild(const std::vector<std::string> &argv, const std::string &stdinFile)
{
    Measure m;
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid == 0) {
        if (!stdinFile.empty()) {
            if (!std::freopen(stdinFile.c_str(), "r", stdin))
                _exit(127);
        }
        std::vector<char *> args;
        for (const std::string &a : argv)
            args.push_back(const_cast<char *>(a.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    struct rusage usage {};
    wait4(pid, &status, 0, &usage);
    m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    m.peakRssKb = usage.ru_maxrss;
    m.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    return m;
}

Measure runSqliteImport(const fs::path &dir, const fs::path &csv, bool withFts)
{
    const fs::path db = dir / (withFts ? "peer-fts.db" : "peer.db");
    fs::remove(db);
    const fs::path script = dir / (withFts ? "peer-fts.sql" : "peer.sql");
    std::ofstream s(script);
    s << "PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\n"
         "CREATE TABLE posts(id TEXT UNIQUE, author TEXT, created_at INTEGER, text TEXT, likes INTEGER, label TEXT);\n";
    if (withFts)
        s << "CREATE VIRTUAL TABLE posts_fts USING fts5(text, content='posts', content_rowid='rowid');\n"
             "CREATE TRIGGER t AFTER INSERT ON posts BEGIN INSERT INTO posts_fts(rowid, text) VALUES (new.rowid, new.text); END;\n";
    s << ".mode csv\n.import --skip 1 " << csv.string() << " posts\n";
    s.close();
    return runChild({"sh", "-c", "exec sqlite3 \"$0\" > /dev/null", db.string()}, script.string());
}

} // namespace

int main(int argc, char **argv)
{
    std::int64_t posts = 1000000;
    fs::path dir = fs::temp_directory_path() / "chorus-bench-import";
    bool childChorus = false;
    std::string childProject, childInput;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--posts") && i + 1 < argc)
            posts = std::atoll(argv[++i]);
        else if (!std::strcmp(argv[i], "--dir") && i + 1 < argc)
            dir = argv[++i];
        else if (!std::strcmp(argv[i], "--child-import") && i + 2 < argc) {
            childChorus = true;
            childProject = argv[++i];
            childInput = argv[++i];
        }
    }
    if (childChorus) {
        // The Chorus side runs in its own process, so its peak RSS is its own.
        auto project = Project::open(childProject);
        if (!project) {
            std::fprintf(stderr, "%s\n", project.message().c_str());
            return 1;
        }
        ImportOptions options;
        options.format = "jsonl";
        options.dataset = "bench";
        options.labels.push_back({"sentiment", "label"});
        ImportJob job(**project, options);
        auto report = job.run({childInput});
        if (!report) {
            std::fprintf(stderr, "%s\n", report.message().c_str());
            return 1;
        }
        std::fprintf(stderr, "imported %lld, rejected %lld\n", static_cast<long long>(report->imported),
                     static_cast<long long>(report->rejected));
        return report->imported == 0 ? 1 : 0;
    }

    fs::create_directories(dir);
    const fs::path jsonl = dir / "posts.jsonl", csv = dir / "posts.csv";
    std::printf("Generating %lld posts in %s ...\n", static_cast<long long>(posts), dir.c_str());
    generate(jsonl, csv, posts);

    const int rounds = 3;
    std::vector<Measure> chorus, peer, peerFts;
    for (int r = 0; r < rounds; ++r) {
        const fs::path project = dir / "bench.chorus";
        for (const char *suffix : {"", "-wal", "-shm"})
            fs::remove(project.string() + suffix);
        chorus.push_back(runChild({argv[0], "--child-import", project.string(), jsonl.string()}, ""));
        peer.push_back(runSqliteImport(dir, csv, false));
        peerFts.push_back(runSqliteImport(dir, csv, true));
    }
    auto median = [](std::vector<Measure> v) {
        std::sort(v.begin(), v.end(), [](const Measure &a, const Measure &b) { return a.seconds < b.seconds; });
        return v[v.size() / 2];
    };
    const Measure c = median(chorus), p = median(peer), pf = median(peerFts);
    for (const auto &m : {c, p, pf})
        if (!m.ok) {
            std::fprintf(stderr, "a run failed\n");
            return 1;
        }
    const double n = static_cast<double>(posts);
    std::printf("\n| side | median s (of %d) | posts/s | peak RSS MB |\n|---|---|---|---|\n", rounds);
    std::printf("| Chorus import, JSON Lines, FTS5 + labels + users | %.2f | %.0f | %.1f |\n", c.seconds, n / c.seconds,
                c.peakRssKb / 1024.0);
    std::printf("| sqlite3 .import CSV, plain table | %.2f | %.0f | %.1f |\n", p.seconds, n / p.seconds,
                p.peakRssKb / 1024.0);
    std::printf("| sqlite3 .import CSV, table + FTS5 trigger | %.2f | %.0f | %.1f |\n", pf.seconds, n / pf.seconds,
                pf.peakRssKb / 1024.0);
    std::printf("\nratio Chorus/sqlite3 plain (posts/s): %.2fx\nratio Chorus/sqlite3 with FTS5 (posts/s): %.2fx\n",
                p.seconds / c.seconds, pf.seconds / c.seconds);
    std::printf("targets: >= 150000 posts/s -> %s; peak RSS <= 200 MB -> %s\n", n / c.seconds >= 150000 ? "met" : "NOT met",
                c.peakRssKb / 1024.0 <= 200 ? "met" : "NOT met");
    return 0;
}
