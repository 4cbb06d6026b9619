// vt_document.hpp — one PDF for a variable-data press from the finished PDFs of a data merge's
// records: pages in record order, identical objects stored once, one document part (DPart)
// per record carrying the record's values, and PDF/VT-1 identification when every record is
// PDF/X-4 (ISO 16612-2 builds on PDF/X-4; without it the file is a plain PDF with DParts).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace broadside::prepress {

/// A record's values (name, text), written as its DPart's document part metadata (DPM).
using VtValues = std::vector<std::pair<std::string, std::string>>;

/// none: a PDF with the record structure but no PDF/VT claim; pdfvt1: PDF/VT-1 over PDF/X-4.
enum class VtConformance { none, pdfvt1 };

struct VtWritten {
  std::string bytes;
  int records = 0, pages = 0;
  VtConformance conformance = VtConformance::none;
  /// Objects stored once instead of again (and the stream bytes that saved).
  size_t shared_objects = 0;
  std::uintmax_t shared_bytes = 0;
  /// Pages whose unchanged end (the artwork every record has) is drawn from a shared form.
  size_t shared_forms = 0;
};

/// Builds the document one record at a time, so memory holds the merged document and one
/// record's file, never every record's.
class VtDocument {
 public:
  VtDocument();
  ~VtDocument();
  VtDocument(const VtDocument&) = delete;
  VtDocument& operator=(const VtDocument&) = delete;

  /// Appends a record's pages. Throws core::Failure when `pdf` cannot be read, or when it does
  /// not share the first record's PDF/X level and output intent (one file, one printing
  /// condition).
  void add_record(const std::string& pdf, const VtValues& values);

  /// The finished file: deterministic (the same records give the same bytes). Throws
  /// core::Failure when there is no record.
  VtWritten write();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace broadside::prepress
