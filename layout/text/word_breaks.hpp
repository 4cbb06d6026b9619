// word_breaks.hpp — where lines may break in scripts written without spaces between words:
// ICU's dictionaries for Thai, Lao, Khmer and Myanmar (Pango 1.50 alone only knows Thai), and
// word boundaries for Chinese and Japanese headlines.
#pragma once

#include <glib.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/rich_text.hpp"

namespace broadside::text {

/// Whether `c` is a letter of a script written without spaces between words, whose lines
/// break where a dictionary says (Thai, Lao, Khmer, Myanmar: Unicode line breaking class SA).
bool is_dictionary_script(gunichar c);

/// Byte offsets where a line may break between two words of Lao, Khmer or Myanmar, which
/// Pango 1.50 cannot break, by ICU's line break iterator and its dictionaries. Thai is not
/// listed: Pango breaks it with libthai, which segments it better. Offsets that already have
/// a break opportunity (a space, a ZERO WIDTH SPACE) are not listed.
std::vector<size_t> dictionary_breaks(std::string_view text, const std::string& lang);

/// Byte offsets where Pango itself breaks a line between two letters of such a script: Thai's
/// words, by libthai's dictionary.
std::vector<size_t> pango_dictionary_breaks(std::string_view text, const std::string& lang);

/// Byte offsets of word boundaries by ICU's word break iterator (its dictionary for Chinese and
/// Japanese): where a headline in those languages may prefer to break.
std::vector<size_t> word_boundaries(std::string_view text, const std::string& lang);

/// The text with a ZERO WIDTH SPACE (U+200B: an invisible break opportunity) at each of
/// `offsets`, its style runs kept on the same characters.
core::RichText with_break_opportunities(const core::RichText& text,
                                        const std::vector<size_t>& offsets);

}  // namespace broadside::text
