// pango_paragraph.hpp — a paragraph shaped by Pango: one PangoLayout re-broken at many widths
// and sizes, with soft hyphens from the dictionary and the hyphen-run limit enforced.
#pragma once

#include <pango/pango.h>

#include <vector>

#include "core/handle.hpp"
#include "text/typesetter.hpp"

namespace broadside::text {

class PangoParagraph final : public Paragraph {
 public:
  /// `source` is already case-transformed; `hyphen_points` are byte offsets into it.
  PangoParagraph(PangoContext* context, core::RichText source, ParagraphStyle style,
                 std::vector<size_t> hyphen_points);

  void set_size(Pt size) override;
  void set_width(Pt width) override;
  Pt size() const override { return style_.size; }
  Pt width() const override { return width_; }
  int line_count() const override { return static_cast<int>(lines_.size()); }
  LineInfo line(int index) const override { return lines_.at(static_cast<size_t>(index)); }
  std::string line_text(int index) const override;
  Pt max_line_width() const override;
  std::vector<LinkSpan> links() const override;
  std::vector<CoverageProblem> coverage_problems() const override;
  size_t word_count() const override;
  size_t words_from_line(int first) const override;
  std::unique_ptr<Paragraph> rest_from_line(int first) const override;

  PangoLayoutLine* layout_line(int index) const;

 private:
  /// A change from the source text to the laid-out text: soft hyphens, chosen line breaks.
  struct Edit {
    size_t at = 0;      // source offset
    size_t remove = 0;  // source bytes replaced
    std::string insert;
  };

  void apply_font();
  void build_text(std::vector<Edit> edits);
  std::vector<Edit> soft_hyphen_edits() const;
  void relayout();
  void relayout_greedy();
  bool relayout_optimal();
  void measure_lines();
  Pt hyphen_width();
  size_t to_text(size_t source_offset) const;
  size_t to_source(size_t text_offset) const;

  core::Handle<PangoContext, g_object_unref> context_;
  core::Handle<PangoLayout, g_object_unref> layout_;
  core::RichText source_;
  ParagraphStyle style_;
  Pt width_{0};
  std::vector<size_t> hyphen_points_;
  std::vector<bool> hyphen_enabled_;
  /// The edits that made text_ from source_, sorted by position.
  std::vector<Edit> edits_;
  /// Extra (negative) spacing after individual spaces, by source offset: how the optimal
  /// breaker shrinks a tight line, since Pango's justification only stretches.
  std::vector<std::pair<size_t, Pt>> space_adjust_;
  std::string text_;
  Pt hyphen_width_{0};
  Pt hyphen_width_size_{0};
  std::vector<LineInfo> lines_;
};

/// Upper- or lower-cases each run separately so style runs keep their boundaries.
core::RichText transform_case(const core::RichText& text, core::TextCase text_case);

/// Words: whitespace-separated tokens holding at least one letter or digit.
size_t count_words(std::string_view text);

}  // namespace broadside::text
