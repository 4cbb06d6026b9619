// fingerprint.cpp — hashing designs (with their images), the font set and a job's inputs.
#include "batch/fingerprint.hpp"

#include <system_error>

#include "batch/sha256.hpp"
#include "core/atomic_file.hpp"

namespace broadside::batch {

namespace fs = std::filesystem;

namespace {

void collect_images(const design::Frame& frame, std::vector<fs::path>& out) {
  if (const auto* image = std::get_if<design::ImageFrame>(&frame.content))
    out.push_back(image->file);
  if (const auto* stack = std::get_if<design::StackFrame>(&frame.content))
    for (const auto& item : stack->items) collect_images(item, out);
}

}  // namespace

std::string design_fingerprint(const std::string& design_bytes, const design::Design& design,
                               const core::Limits& limits) {
  Sha256 h;
  h.field(design_bytes);
  std::vector<fs::path> images;
  for (const auto& page : design.pages)
    for (const auto& frame : page.frames) collect_images(frame, images);
  for (const auto& image : images) {
    h.field(image.string());
    core::Diagnostics ignored;  // the job reports a missing image; the hash only has to differ
    h.field(core::read_file(image, limits, ignored).value_or("(missing)"));
  }
  return h.hex();
}

std::string font_set_fingerprint(const text::FontLibrary& fonts, const fs::path& config_file,
                                 const core::Limits& limits) {
  Sha256 h;
  core::Diagnostics ignored;  // the font set was loaded from it: it is there
  h.field(core::read_file(config_file, limits, ignored).value_or("(no config)"));
  for (const auto& face : fonts.faces()) {
    std::error_code ec;
    h.field(face.file.string());
    h.field(face.family + "/" + face.style);
    h.field(std::to_string(fs::file_size(face.file, ec)));
    const auto time = fs::last_write_time(face.file, ec);
    h.field(std::to_string(time.time_since_epoch().count()));
  }
  return h.hex();
}

std::string print_fingerprint(const PrintOverrides& print, const core::Limits& limits) {
  std::string s;
  if (print.marks)
    s += "marks:" + std::to_string(print.marks->crop) + std::to_string(print.marks->bleed) +
         std::to_string(print.marks->registration) + std::to_string(print.marks->colorbar) +
         std::to_string(print.marks->slug_info) + ";";
  if (print.color) s += "color:" + std::to_string(static_cast<int>(*print.color)) + ";";
  if (print.pdfx) s += "pdfx:" + std::to_string(static_cast<int>(*print.pdfx)) + ";";
  if (!print.icc.empty()) {
    Sha256 h;
    core::Diagnostics ignored;  // the job reports a profile it cannot read
    h.field(core::read_file(print.icc, limits, ignored).value_or(print.icc.string()));
    s += "icc:" + h.hex() + ";";
  }
  return s;
}

std::string job_fingerprint(const JobInputs& in) {
  Sha256 h;
  h.field("broadside " BROADSIDE_VERSION);
  h.field(in.design);
  h.field(in.statement);
  h.field(in.font_set);
  // Counts before each sequence keep the encoding unambiguous.
  h.field(std::to_string(in.values ? in.values->size() : 0));
  if (in.values) {
    for (const auto& [name, value] : *in.values) {
      h.field(name);
      h.field(value.is_list ? "list" : "scalar");
      h.field(std::to_string(value.items.size()));
      for (const auto& item : value.items) h.field(item);
    }
  }
  h.field(std::to_string(in.outputs.size()));
  for (const auto& o : in.outputs) h.field(o.string());
  h.field(std::to_string(in.dpi));
  h.field(in.print);
  h.field(in.epoch ? std::to_string(*in.epoch) : "");
  return h.hex();
}

}  // namespace broadside::batch
