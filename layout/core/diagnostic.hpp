// diagnostic.hpp — problems as values with a place, collected so `check` can report them all.
#pragma once

#include <exception>
#include <string>
#include <string_view>
#include <vector>

namespace broadside::core {

/// `text` with its control characters (C0, DEL, C1) written as escapes (\n, \t, \x1b, \u009b), so
/// that user text quoted in a message stays on its line and cannot drive the terminal.
std::string escape_controls(std::string_view text);

/// A place in an input file; line and column are 1-based, 0 when unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  bool is_known() const { return !file.empty(); }
  /// "file:line:column", "file:line", "file" or "" depending on what is known.
  std::string to_string() const;
};

enum class Severity { error, warning, note };

/// "error", "warning" or "note", as every diagnostic and report writes it.
const char* severity_name(Severity severity);

struct Diagnostic {
  Severity severity = Severity::error;
  SourceLocation where;
  std::string message;
  /// Optional advice appended in parentheses, e.g. "did you mean 'colors'?".
  std::string hint;

  /// One line: "designs/a.yaml:12:5: error: unknown key 'colour' (did you mean 'colors'?)".
  std::string to_string() const;
};

/// An ordered collection of diagnostics from one or more stages.
class Diagnostics {
 public:
  void error(SourceLocation where, std::string message, std::string hint = {});
  void warning(SourceLocation where, std::string message, std::string hint = {});
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void append(const Diagnostics& other);

  bool has_errors() const;
  bool empty() const { return items_.empty(); }
  size_t size() const { return items_.size(); }
  const std::vector<Diagnostic>& all() const { return items_; }
  /// Every diagnostic, one per line.
  std::string to_string() const;

 private:
  std::vector<Diagnostic> items_;
};

/// Thrown when a stage cannot go on; carries everything collected so far. Problems a person can
/// act on are diagnostics, returned as values: every entry point batch calls reports them in a
/// Diagnostics (reading and writing files, designs, statements, fonts, ICC profiles, images,
/// PNG sizes, imposition). A Failure is thrown only
/// - inside a stage, from deep code to the entry point that reports it (yaml_guard, impose,
///   image decoding behind render::check_images), or
/// - for what is truly exceptional: a library failing on input already checked or on what
///   cairo itself wrote (the PDF's CMYK conversion), out of memory, Ghostscript missing. Batch
///   catches these around a job's rendering and reports them like any other problem.
class Failure : public std::exception {
 public:
  explicit Failure(Diagnostics d);
  Failure(SourceLocation where, std::string message, std::string hint = {});
  const Diagnostics& diagnostics() const { return diags_; }
  const char* what() const noexcept override { return text_.c_str(); }

 private:
  Diagnostics diags_;
  std::string text_;
};

}  // namespace broadside::core
