// run.hpp — running the broadside binary and inspection tools from tests.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace broadside::testing {

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

/// Runs a program (looked up in PATH) with arguments, capturing its output; `env` entries are
/// added to the environment (an empty value removes the variable).
RunResult run(const std::vector<std::string>& args,
              const std::map<std::string, std::string>& env = {},
              const std::filesystem::path& cwd = {});

/// Runs the broadside binary under test (in `cwd` when given).
RunResult run_broadside(const std::vector<std::string>& args,
                        const std::map<std::string, std::string>& env = {},
                        const std::filesystem::path& cwd = {});

/// Words of a text with hyphenated line ends joined, punctuation trimmed, hyphens dropped and
/// apostrophes made straight, in order.
std::vector<std::string> words_of(const std::string& text);

/// The repository root.
std::filesystem::path source_dir();

/// A fresh, empty folder for one test.
std::filesystem::path scratch_dir(const std::string& name);

/// Files in a folder, recursively, as paths relative to it (sorted).
std::vector<std::string> files_in(const std::filesystem::path& dir);

std::string read_bytes(const std::filesystem::path& file);

}  // namespace broadside::testing
