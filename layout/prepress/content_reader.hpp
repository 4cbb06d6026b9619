// content_reader.hpp — follows the graphics state through a page's content streams (q/Q, cm,
// colours, ExtGState overprint, the text state and matrices) and forms within them, and records
// every painted object, placed image and RGB operator.
#pragma once

#include <qpdf/QPDFObjGen.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "prepress/page_content.hpp"
#include "prepress/pdf_inspect.hpp"

namespace broadside::prepress {

class TextFont;

/// What the reader fills in over all pages of one document.
struct ContentSink {
  PageContent& content;
  std::vector<PdfImage>& images;
  std::vector<std::string>& rgb;
  std::set<std::pair<int, std::string>> rgb_seen;
  /// Fonts read once per document.
  std::map<QPDFObjGen, std::shared_ptr<const TextFont>> fonts;
  /// Painted objects beyond this many are not recorded: a leaflet has a few thousand, and a
  /// hostile file should not take all memory.
  size_t max_marks = 200000;
  /// Operators walked on one page, forms counted each time they are drawn. Depth and cycle
  /// checks alone do not bound the walk: 12 levels of a form drawing the next 4 times is 4^12
  /// walks. A dense map has a few hundred thousand operators.
  size_t max_operations = 2000000;
  size_t operations = 0;
  /// The same over all pages: a thousand pages that each draw the same heavy form would
  /// otherwise take a thousand page budgets.
  size_t max_document_operations = 20000000;
  size_t document_operations = 0;
};

/// Reads page `number` (1-based) into `sink`.
void read_page_content(QPDFPageObjectHelper page, int number, ContentSink& sink);

}  // namespace broadside::prepress
