// print_flags.cpp — print settings from their command-line text.
#include "batch/print_flags.hpp"

#include <sstream>

namespace broadside::batch {

std::string apply_print_flags(const PrintFlags& flags, PrintOverrides& out) {
  if (flags.no_marks) out.marks = design::PrintMarks{};
  if (!flags.marks.empty()) {
    design::PrintMarks marks;
    std::stringstream list(flags.marks);
    for (std::string word; std::getline(list, word, ',');) {
      if (word == "crop")
        marks.crop = true;
      else if (word == "bleed")
        marks.bleed = true;
      else if (word == "registration")
        marks.registration = true;
      else if (word == "colorbar")
        marks.colorbar = true;
      else if (word == "slug-info")
        marks.slug_info = true;
      else if (word == "all")
        marks = {true, true, true, true, true};
      else if (word != "none")
        return "--marks: unknown mark '" + word +
               "' (use crop, bleed, registration, colorbar, slug-info or all)";
    }
    out.marks = marks;
  }
  if (!flags.color.empty())
    out.color = flags.color == "cmyk" ? design::ColorMode::cmyk : design::ColorMode::rgb;
  if (!flags.pdfx.empty())
    out.pdfx = flags.pdfx == "4"    ? design::PdfxMode::x4
               : flags.pdfx == "1a" ? design::PdfxMode::x1a
                                    : design::PdfxMode::none;
  out.icc = flags.icc;
  const bool wants_cmyk = (out.pdfx && *out.pdfx != design::PdfxMode::none) || !flags.icc.empty();
  if (flags.color == "rgb" && wants_cmyk)
    return "--color rgb cannot go with --pdfx or --icc: PDF/X and press profiles are CMYK";
  return {};
}

}  // namespace broadside::batch
