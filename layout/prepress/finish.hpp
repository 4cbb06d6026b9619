// finish.hpp — the PDF as a print shop wants it (qpdf post-pass over cairo's output): TrimBox and
// BleedBox on every page, the document language, and a deterministic /ID.
#pragma once

#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace broadside::prepress {

struct FinishOptions {
  /// One geometry per page, in page order.
  std::vector<core::PageGeometry> pages;
  /// BCP 47 tag for the catalog's /Lang.
  std::string lang;
  std::string producer = "broadside";
};

/// Returns the finished PDF's bytes; throws core::Failure when qpdf cannot read `pdf`.
std::string finish_pdf(const std::string& pdf, const FinishOptions& options);

}  // namespace broadside::prepress
