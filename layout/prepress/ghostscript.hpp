// ghostscript.hpp — Ghostscript as an external program (it is AGPL: always a separate process,
// never linked), rendering into a private temporary folder that is removed afterwards.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace broadside::prepress {

/// A folder that exists for one job and is removed with everything in it, also when SIGINT or
/// SIGTERM ends the process (where no other handler is installed for them).
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  int slot_ = -1;
};

/// Renders every page of `pdf` with `gs -sDEVICE=<device> -r<dpi>` into `dir` as p1.<ext>,
/// p2.<ext>, ...; core::Failure (saying what gs said) when gs is missing or fails.
void ghostscript_render(const std::filesystem::path& pdf, const std::string& device, int dpi,
                        const std::string& ext, const std::filesystem::path& dir,
                        const std::vector<std::string>& extra = {});

}  // namespace broadside::prepress
