// serve_helper.cpp — finding and starting broadside-serve for `broadside serve`.
#include "cli/serve_helper.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <system_error>

#include "batch/paths.hpp"
#include "cli/commands.hpp"

namespace broadside::cli {

namespace fs = std::filesystem;

int exec_helper(const char* name, const char* libexec_dir, char** argv) {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) {
    std::cerr << "broadside: cannot find " << name << ": " << ec.message() << "\n";
    return kExitProblem;
  }
  // A build tree keeps it beside this program; an install in PREFIX/libexec/broadside.
  const fs::path beside = self.parent_path() / name;
  const fs::path installed = (self.parent_path() / ".." / libexec_dir / name).lexically_normal();
  const fs::path helper = fs::exists(beside, ec) ? beside : installed;
  // The same designs, statements and fonts as this program would use, wherever it lives.
  if (const char* set = std::getenv("BROADSIDE_DATA"); !set || !*set)
    ::setenv("BROADSIDE_DATA", batch::data_dir().c_str(), 1);
  ::execv(helper.c_str(), argv);
  std::cerr << "broadside: cannot start " << helper.string() << ": " << std::strerror(errno)
            << "\n";
  return kExitProblem;
}

}  // namespace broadside::cli
