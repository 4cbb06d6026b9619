// whitespace.cpp — whitespace collapsing that keeps style runs on the characters they styled.
#include "content/whitespace.hpp"

#include <vector>

namespace broadside::content {

namespace {

bool is_collapsible(char c) {
  return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

bool same_style(const core::StyleRun& a, const core::StyleRun& b) {
  return a.emphasis == b.emphasis && a.strong == b.strong && a.code == b.code && a.link == b.link;
}

// Collapses `in` into `out`; when `offsets` is given it receives, for every input byte index
// (and the end), the output index its character landed on, so runs can be moved.
void collapse(std::string_view in, std::string& out, std::vector<size_t>* offsets) {
  bool pending_space = false;
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (is_collapsible(c)) {
      pending_space = true;
      if (offsets) offsets->push_back(out.size());
      continue;
    }
    // A space is written only once the next character shows it lies between two things on the
    // same line, so no space ever ends a line or the text.
    if (pending_space && !out.empty() && out.back() != '\n' && c != '\n') out += ' ';
    pending_space = false;
    if (offsets) offsets->push_back(out.size());
    out += c;
  }
  if (offsets) offsets->push_back(out.size());
}

}  // namespace

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  collapse(text, out, nullptr);
  return out;
}

core::RichText collapse_whitespace(const core::RichText& text) {
  core::RichText out;
  out.text.reserve(text.text.size());
  std::vector<size_t> offsets;
  offsets.reserve(text.text.size() + 1);
  collapse(text.text, out.text, &offsets);
  for (core::StyleRun run : text.runs) {
    run.start = offsets[run.start];
    run.end = offsets[run.end];
    out.runs.push_back(std::move(run));
  }
  merge_runs(out);
  return out;
}

void merge_runs(core::RichText& text) {
  std::vector<core::StyleRun> merged;
  for (core::StyleRun& run : text.runs) {
    if (run.start >= run.end) continue;
    if (!merged.empty() && merged.back().end == run.start && same_style(merged.back(), run)) {
      merged.back().end = run.end;
    } else {
      merged.push_back(std::move(run));
    }
  }
  text.runs = std::move(merged);
}

}  // namespace broadside::content
