// fuzz_render.cpp — fuzz target: a whole job (spec, content, fonts, compose, images, render to
// PDF and PNG, prepress, preflight, atomic writes) on a small design and statement generated
// from the input (generate.hpp).
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "batch/job.hpp"
#include "content/document.hpp"
#include "design/design.hpp"
#include "generate.hpp"

namespace {

namespace fs = std::filesystem;
using namespace broadside;

/// Inputs past this size make slow runs, not new paths.
constexpr size_t kMaxInput = 2048;

batch::Engine& engine() {
  static batch::Engine e = [] {
    core::Options options;
    options.data_dir = BROADSIDE_SOURCE_DIR;
    core::Diagnostics diags;
    auto session = batch::open_session(options, diags);
    if (!session) __builtin_trap();  // the harness itself is wrong
    return batch::Engine(std::move(session));
  }();
  return e;
}

const fs::path& out_dir() {
  static const fs::path dir =
      fs::temp_directory_path() / ("broadside-fuzz-render-" + std::to_string(::getpid()));
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInput) return 0;
  const fuzz::Generated g =
      fuzz::generate(std::string_view(reinterpret_cast<const char*>(data), size));
  core::Diagnostics diags;
  auto doc = content::parse_statement(g.statement, "fuzz.md", engine().options(), diags);
  if (!doc) return 0;
  const fs::path design_file = fs::path(BROADSIDE_FUZZ_ASSETS) / "fuzz.yaml";
  auto design = design::parse_design(g.design, design_file, engine().options(), diags, doc->lang);
  if (!design) return 0;
  batch::Job job;
  job.design = design_file;
  job.content = "fuzz.md";
  job.loaded_design = std::make_shared<const design::Design>(std::move(*design));
  job.loaded_document = std::make_shared<const content::Document>(std::move(*doc));
  job.outputs = {{out_dir() / "fuzz.pdf", batch::Format::pdf},
                 {out_dir() / "fuzz.png", batch::Format::png}};
  const batch::JobResult r = batch::run_job(job, engine());
  (void)r.diags.to_string();
  // A job that failed wrote nothing; one that succeeded wrote every file whole.
  if (!r.ok() && !r.written.empty()) __builtin_trap();
  std::error_code ec;
  fs::remove_all(out_dir(), ec);
  return 0;
}
