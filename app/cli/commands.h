#pragma once

#include <string>
#include <vector>

// One function per subcommand; args excludes the program and subcommand names. Each returns the
// process exit code: 0 success, 1 failure, 2 bad usage, 130 cancelled.
int commandNew(const std::vector<std::string> &args);
int commandDemo(const std::vector<std::string> &args);
int commandImport(const std::vector<std::string> &args);
int commandInfo(const std::vector<std::string> &args);
int commandSplit(const std::vector<std::string> &args);
int commandExport(const std::vector<std::string> &args);
int commandSearch(const std::vector<std::string> &args);
int commandDevices(const std::vector<std::string> &args);
int commandModels(const std::vector<std::string> &args);
int commandDescribe(const std::vector<std::string> &args);
int commandTrain(const std::vector<std::string> &args);
int commandResume(const std::vector<std::string> &args);
int commandRuns(const std::vector<std::string> &args);
int commandImportRun(const std::vector<std::string> &args);
int commandPredict(const std::vector<std::string> &args);
int commandEval(const std::vector<std::string> &args);
int commandRecommend(const std::vector<std::string> &args);
int commandExplain(const std::vector<std::string> &args);
int commandTrends(const std::vector<std::string> &args);
int commandProfile(const std::vector<std::string> &args);
int commandTopics(const std::vector<std::string> &args);
int commandAnalyses(const std::vector<std::string> &args);
int commandPlugins(const std::vector<std::string> &args);
