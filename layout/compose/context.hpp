// context.hpp — what every composing function needs: the inputs, the typesetter, the page being
// filled and the diagnostics. Internal to compose.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "compose/composition.hpp"
#include "compose/image_measurer.hpp"
#include "content/document.hpp"
#include "design/design.hpp"
#include "text/typesetter.hpp"

namespace broadside::compose {

struct FlowPlan;
class VaryingItems;

struct Context {
  const design::Design& design;
  const content::Document& document;
  const core::Variables& overrides;
  text::Typesetter& typesetter;
  ImageMeasurer& images;
  core::Diagnostics& diags;
  Composition& out;
  /// The statement reads right to left; `mirror` also flips frame areas (design `mirror-rtl`).
  bool rtl = false;
  bool mirror = false;
  Page* page = nullptr;
  /// Index of `page` in the composition.
  size_t page_number = 0;
  FlowPlan* flow = nullptr;
  /// Which of the page's items vary from row to row (compose/varying.hpp); null when the design
  /// draws no given value.
  VaryingItems* varying = nullptr;
  /// Built-in variables of the page being composed: {page} and {pages}.
  core::Variables builtins;
  /// Paragraphs shaped while measuring a frame, reused when it is placed (shape once); an
  /// empty entry means its text could not be made (already reported).
  std::map<const design::Frame*, std::vector<std::unique_ptr<text::Paragraph>>> shaped;
  /// A balanced display frame's text and style, kept while its paragraphs are: a phrase setting
  /// is shaped again with its too-wide phrases loosened for the width it is fitted to.
  struct DisplayText {
    core::RichText text;
    text::ParagraphStyle style;
    /// Which trial setting (text_frame.cpp) each of the frame's shaped paragraphs is.
    std::vector<size_t> ranks;
  };
  std::map<const design::Frame*, DisplayText> display;
  /// A list's last fit (list_frame.cpp): the width and the height (none: any) it was fitted
  /// to, the size found and the height at it, and the first item with a word too wide. Placing
  /// a list in the height its measuring found needs no second search.
  struct ListFit {
    Pt width{0};
    std::optional<Pt> limit;
    Pt size{0}, height{0};
    std::optional<size_t> too_wide;
  };
  std::map<const design::Frame*, ListFit> list_fits;
  /// A horizontal stack's text member's least width (text_least_width), per page: a row asks
  /// for it on every round of giving way.
  std::map<std::pair<size_t, const design::Frame*>, Pt> least_widths;
  /// While a vertical stack places a member that grows into what the others leave them, and the
  /// largest of those others takes more than that member gets: which member took the room and
  /// what to do, so that a grower that then does not fit names it ("the demands (20 items) take
  /// 175 mm of the stack's 190 mm"), not only itself. Empty otherwise.
  struct Crowding {
    std::string because, hint;
  };
  Crowding crowding;
  /// Labels already noted as having no text in the statement's language.
  std::set<std::string> untranslated;
  /// The last paragraph number given (TextLine::paragraph).
  int paragraphs = 0;

  /// The value of a variable: the page's built-ins ({page}, {pages}), then the command line or
  /// data row, then the statement, then the built-in labels in the statement's language
  /// ({labels.scan}), then the design's defaults; nullptr when none has it.
  const core::Value* lookup(const std::string& name) const;
  /// "give it ..." and, when a set variable's name is near `name`, "did you mean ...": the hint
  /// for a variable that is not set.
  std::string unset_hint(const std::string& name, bool allow_set = true) const;
  /// Reports an error about `frame` at its place in the design.
  void error(const design::Frame& frame, const std::string& message, const std::string& hint = {});
  /// Warns, without failing, that the design's wishes gave way for the content to fit.
  void warn(const design::Frame& frame, const std::string& message, const std::string& hint = {});
  /// Tells, without failing, what the design chose to do with the content (an excerpt).
  void note(const design::Frame& frame, const std::string& message, const std::string& hint = {});
};

/// A type size as messages write it: "28pt", "12.5pt".
std::string size_text(Pt size);

/// The text of a template with its variables filled in; nullopt (and an error naming the
/// variable and the frame) when one is missing.
std::optional<core::RichText> expand(const design::Template& tmpl, const design::Frame& frame,
                                     Context& ctx);

/// True when `frame` is optional content that is not there: a `when-set` variable without a
/// value, a `when-unset` variable with one, or a list whose variable is not set or empty (a
/// statement without demands). Such a frame is left out, and a stack closes up over it (its gap
/// goes too); a flow frame left out takes no part in its chain.
bool is_absent(const design::Frame& frame, const Context& ctx);

/// The typesetter's view of a design style, in the statement's language.
text::ParagraphStyle paragraph_style(const design::Style& style, const std::string& lang);

/// A page-level frame's area, mirrored left to right when the page is mirrored.
Rect placed_area(const design::Frame& frame, const Context& ctx);
/// The same on page `page` (0-based) of the document, which may not be the current one.
Rect placed_area(const design::Frame& frame, const Context& ctx, size_t page);

}  // namespace broadside::compose
