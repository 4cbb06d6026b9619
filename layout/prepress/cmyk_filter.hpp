// cmyk_filter.hpp — a qpdf token filter that rewrites one content stream from RGB to CMYK:
// colour operators to `k`/`K` or spot separations, and overprint for black text and thin rules.
#pragma once

#include <qpdf/QPDFObjectHandle.hh>

#include <set>
#include <string>
#include <vector>

#include "prepress/ink.hpp"

namespace broadside::prepress {

/// Solid black strokes up to this width overprint (hairlines and rules that would show a white
/// halo if the plates shift); wider strokes, like fills, knock out.
inline constexpr double kThinRuleWidth = 2.0;

/// Overprint states as bits: fill (op) and stroke (OP).
inline constexpr int kOverprintFill = 1;
inline constexpr int kOverprintStroke = 2;

/// Resource names a rewritten stream refers to, to be added to its /Resources.
struct StreamNeeds {
  /// Indices into the spot list (→ /ColorSpace /BSsep<i>).
  std::set<size_t> spots;
  /// Overprint states used (→ /ExtGState /BSop<state>).
  std::set<int> overprint_states;
};

/// `/BSsep3`: the Separation colour space of spot number 3.
std::string separation_resource(size_t spot_index);
/// `/BSop1`: the ExtGState for an overprint state.
std::string overprint_resource(int state);

class CmykFilter final : public QPDFObjectHandle::TokenFilter {
 public:
  /// `spots` is the order of Separation resources (ColorTable::spot_names()).
  CmykFilter(const InkMap& inks, std::vector<std::string> spots);
  void handleToken(QPDFTokenizer::Token const& token) override;
  const StreamNeeds& needs() const { return needs_; }

 private:
  enum class Space { other, rgb, converted, pattern };
  /// The part of the graphics state this filter follows (saved by q, restored by Q).
  struct State {
    Space fill_space = Space::other, stroke_space = Space::other;
    bool is_fill_black = false, is_stroke_black = false;
    double line_width = 1;
    int text_mode = 0;
    int overprint = 0;  // as last set in the stream
  };

  void handle_operator(const std::string& op);
  bool handle_color(const std::string& op);
  void set_ink(const Ink& ink, bool is_stroke);
  void paint(const std::string& op);
  void ensure_overprint(int wanted);
  void check_inline_image() const;
  std::vector<double> numbers() const;
  void emit(const std::string& text);
  void emit_operands();

  const InkMap& inks_;
  std::vector<std::string> spots_;
  StreamNeeds needs_;
  State state_;
  std::vector<State> saved_;
  std::vector<QPDFTokenizer::Token> operands_;
  /// A path under construction: held back so an overprint change can go before it.
  std::string path_;
  bool is_in_path_ = false;
};

/// Runs a whole content stream through a CmykFilter (tests; small streams).
std::string rewrite_to_cmyk(const std::string& content, const InkMap& inks, StreamNeeds& needs);

/// A number for a content stream: fixed-point, at most six decimals, no trailing zeros, never
/// locale-dependent ("0.85", "1", "0").
std::string pdf_number(double v);

}  // namespace broadside::prepress
