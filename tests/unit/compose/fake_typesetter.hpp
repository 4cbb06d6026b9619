// fake_typesetter.hpp — a typesetter with fixed advances, so layout logic is tested without
// fonts: every character is 0.5 em wide, lines break greedily at spaces, ascent 0.8 em and
// descent 0.2 em.
#pragma once

#include <cctype>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "text/typesetter.hpp"

namespace broadside::testing {

using core::Pt;

class FakeParagraph final : public text::Paragraph {
 public:
  FakeParagraph(std::string text, text::ParagraphStyle style)
      : words_(split(text)), text_(std::move(text)), style_(std::move(style)) {
    relayout();
  }

  static constexpr double kAdvance = 0.5;  // em per character, spaces included

  void set_size(Pt size) override {
    style_.size = size;
    relayout();
  }
  void set_width(Pt width) override {
    width_ = width;
    relayout();
  }
  Pt size() const override { return style_.size; }
  Pt width() const override { return width_; }
  int line_count() override { return static_cast<int>(lines_.size()); }
  text::LineInfo line(int i) override {
    const auto& l = lines_.at(static_cast<size_t>(i));
    text::LineInfo info;
    info.width = chars(l);
    info.ascent = style_.size * 0.8;
    info.descent = style_.size * 0.2;
    info.words = static_cast<int>(l.size());
    info.reading_words = info.words;
    info.x_offset = i == 0 ? style_.indent : Pt{0};
    if (static_cast<size_t>(i) + 1 == lines_.size()) info.end = text::LineInfo::End::paragraph;
    return info;
  }
  std::string line_text(int i) override { return join(lines_.at(static_cast<size_t>(i))); }
  Pt max_line_width() override {
    Pt widest{0};
    for (const auto& l : lines_) widest = core::max(widest, chars(l));
    return widest;
  }
  /// A justified paragraph whose first word is capitalised stands for one whose word gaps are wide
  /// all through; set ragged, it breaks as if its lines were a quarter narrower (ragged lines
  /// hold fewer words than justified ones, which may shrink their spaces).
  bool is_ragged() override { return ragged_; }
  void set_ragged(bool ragged) override {
    ragged_ = ragged;
    relayout();
  }
  text::JustifiedSpaces justified_spaces() override {
    if (ragged_ || style_.align != core::Align::justify || words_.empty() ||
        !std::isupper(static_cast<unsigned char>(words_.front().front())))
      return {};
    return {words_.size(), words_.size()};
  }
  std::vector<text::LinkSpan> links() override { return {}; }
  std::vector<text::CoverageProblem> coverage_problems() override { return {}; }
  size_t word_count() const override { return words_.size(); }
  size_t words_from_line(int first) override {
    size_t n = 0;
    for (size_t i = static_cast<size_t>(first); i < lines_.size(); ++i) n += lines_[i].size();
    return n;
  }
  std::unique_ptr<text::Paragraph> rest_from_line(int first) override {
    std::vector<std::string> rest;
    for (size_t i = static_cast<size_t>(first); i < lines_.size(); ++i)
      rest.insert(rest.end(), lines_[i].begin(), lines_[i].end());
    auto style = style_;
    style.indent = Pt{0};
    return std::make_unique<FakeParagraph>(join(rest), style);
  }
  /// No glyphs (there is no font): the text and the boxes, the ink from cap height (0.7 em) to
  /// descender (0.15 em), inside the line box as a real font's is.
  std::shared_ptr<const text::GlyphLine> glyph_line(int i) override {
    const text::LineInfo info = line(i);
    auto out = std::make_shared<text::GlyphLine>();
    out->text = line_text(i);
    out->size = style_.size;
    out->width = info.width;
    out->ascent = info.ascent;
    out->descent = info.descent;
    out->ink = core::Rect{Pt{0}, style_.size * -0.7, info.width, style_.size * 0.85};
    return out;
  }

 private:
  static std::vector<std::string> split(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
  }
  static std::string join(const std::vector<std::string>& words) {
    std::string s;
    for (const auto& w : words) s += (s.empty() ? "" : " ") + w;
    return s;
  }
  Pt chars(const std::vector<std::string>& words) const {
    return style_.size * (kAdvance * static_cast<double>(join(words).size()));
  }
  void relayout() {
    lines_.clear();
    std::vector<std::string> line;
    for (const auto& w : words_) {
      auto candidate = line;
      candidate.push_back(w);
      const Pt room = width_ * (ragged_ ? 0.75 : 1.0) - (lines_.empty() ? style_.indent : Pt{0});
      if (!line.empty() && width_.value > 0 && chars(candidate) > room) {
        lines_.push_back(line);
        line = {w};
      } else {
        line = candidate;
      }
    }
    lines_.push_back(line);
  }

  std::vector<std::string> words_;
  std::string text_;
  text::ParagraphStyle style_;
  Pt width_{0};
  bool ragged_ = false;
  std::vector<std::vector<std::string>> lines_;
};

class FakeTypesetter final : public text::Typesetter {
 public:
  std::unique_ptr<text::Paragraph> shape(const core::RichText& text,
                                         const text::ParagraphStyle& style) override {
    ++shaped;
    return std::make_unique<FakeParagraph>(text.text, style);
  }
  int shaped = 0;
};

}  // namespace broadside::testing
