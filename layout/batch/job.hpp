// job.hpp — one job: a design, a statement, variables and the files to write. Everything is
// laid out and rendered in memory first, so a failed job writes nothing.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "batch/print_pdf.hpp"
#include "batch/session.hpp"
#include "compose/composition.hpp"
#include "core/diagnostic.hpp"
#include "core/variables.hpp"
#include "preflight/report.hpp"
#include "render/image_source.hpp"
#include "text/font_library.hpp"
#include "text/pango_typesetter.hpp"

namespace broadside::design {
struct Design;
}
namespace broadside::content {
struct Document;
}

namespace broadside::batch {

enum class Format { pdf, png, svg };

struct Output {
  std::filesystem::path path;
  Format format = Format::pdf;
};

/// Where a job's files go: written to disk (atomically, all or none), or handed back in
/// JobResult::files (the web server answers with their bytes and writes nothing).
enum class Delivery { write, memory };

/// One file a job made: its path (as it would be written) and its bytes.
struct MadeFile {
  std::filesystem::path path;
  std::string bytes;
};

struct Job {
  std::filesystem::path design;
  std::filesystem::path content;
  /// --set values and data rows; they win over the statement and the design's defaults.
  core::Variables variables;
  /// Empty: the design's default formats under out/<content>-<design>.
  std::vector<Output> outputs;
  /// 0: the design's default.
  int dpi = 0;
  /// Pages (from 1) that PNG and SVG outputs draw; empty: every page. A PDF has every page.
  std::vector<int> image_pages;
  /// What asked for image_pages, where a page past the end is reported: the command line's
  /// option, or a web request's field.
  core::SourceLocation image_pages_origin{"--pages"};
  /// Lay out and report; render and write nothing (`broadside check`).
  bool dry_run = false;
  std::filesystem::path default_out_dir = "out";
  /// --marks, --color, --pdfx, --icc: override the design's print settings for PDF output.
  PrintOverrides print;
  /// Batch runs read each design and statement once for many jobs; when set, these are used
  /// instead of reading `design` and `content` again.
  std::shared_ptr<const design::Design> loaded_design;
  std::shared_ptr<const content::Document> loaded_document;
  /// Set by a batch when its run is interrupted: the job stops before its next stage and writes
  /// nothing. A job also stops when it runs over the job-seconds limit.
  const std::atomic<bool>* cancel = nullptr;
  /// Preflight every PDF before it is written (`--no-preflight` turns it off): a failure is an
  /// error and nothing is written.
  bool preflight = true;
  preflight::Limits preflight_limits;
  /// Leave the files in JobResult::unwritten for write_outputs(): a batch writes (and fsyncs)
  /// one job's files on a thread of its own while the next job is laid out.
  bool defer_write = false;
  /// When set, receives the composition (`broadside preflight --design` lays a PDF out again).
  std::shared_ptr<compose::Composition> keep_composition;
  Delivery delivery = Delivery::write;
};

/// Milliseconds spent in each stage.
struct Timings {
  double design = 0, statement = 0, fonts = 0, compose = 0, pdf = 0, png = 0, prepress = 0,
         write = 0, preflight = 0;
  int layout_passes = 0;
  /// fontconfig searches while composing: run, and answered from the ones remembered across
  /// sizes (text/fontset_memo.hpp).
  int font_searches = 0, font_searches_reused = 0;
  /// What fitting chose, per frame: "headline 51.5pt, 6 lines".
  std::vector<std::string> fits;
};

struct JobResult {
  core::Diagnostics diags;
  std::vector<std::filesystem::path> written;
  /// Delivery::memory: every file the job made, in order (nothing is written).
  std::vector<MadeFile> files;
  /// Pages the composition has (0 when it never got that far).
  size_t pages = 0;
  Timings timings;
  /// Stopped because its batch was interrupted (Job::cancel), not because anything is wrong.
  bool interrupted = false;
  /// Job::defer_write: the files made, not yet written (path, bytes).
  std::vector<std::pair<std::filesystem::path, std::string>> unwritten;
  bool ok() const { return !diags.has_errors(); }
};

/// Fonts loaded once, and a typesetter and image decoder per thread.
class Engine {
 public:
  explicit Engine(std::shared_ptr<const Session> session);
  const core::Options& options() const { return session_->options; }
  const text::FontLibrary& fonts() const { return *session_->fonts; }
  text::PangoTypesetter& typesetter() { return typesetter_; }
  render::ImageSizes& images() { return images_; }

 private:
  std::shared_ptr<const Session> session_;
  text::PangoTypesetter typesetter_;
  render::ImageSizes images_;
};

/// The output format for a file name's extension; nullopt-like failure is reported by the CLI.
bool format_for(const std::filesystem::path& path, Format& format);

/// Page numbers written "1", "1,3" or "2-4" (--pages) appended to `pages`; false when the text
/// is anything else, or a range spans more than the pages limit.
bool parse_page_list(const std::string& list, const core::Limits& limits, std::vector<int>& pages);

JobResult run_job(const Job& job, Engine& engine);

/// Writes `r.unwritten` (a deferred job's files), all or none, into r.written or r.diags.
void write_outputs(JobResult& r);

}  // namespace broadside::batch
