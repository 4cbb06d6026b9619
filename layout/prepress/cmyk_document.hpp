// cmyk_document.hpp — a whole PDF rewritten to CMYK: every content stream (pages, forms,
// tiling patterns, Type 3 glyphs), every image, gradient and transparency group.
#pragma once

#include <qpdf/QPDF.hh>

#include <string>
#include <vector>

#include "prepress/ink.hpp"

namespace broadside::prepress {

/// Rewrites every colour in `doc` to CMYK (or the design's spot colours), adding the
/// Separation colour spaces and overprint states the streams now use. core::Failure when
/// something cannot be converted: a CMYK file never keeps RGB.
void convert_to_cmyk(QPDF& doc, const InkMap& inks);

/// Every place RGB is still used (colour space names and arrays in any object reachable from
/// the trailer), described for a message; empty for a clean CMYK file.
std::vector<std::string> find_rgb(QPDF& doc);

}  // namespace broadside::prepress
