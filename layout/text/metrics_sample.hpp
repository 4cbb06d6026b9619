// metrics_sample.hpp — the sample text Pango measures font metrics on, cut to its first
// character (the definition in metrics_sample.cpp stands in for
// pango_language_get_sample_string).
#pragma once

#include <string>

namespace broadside::text {

/// `sample` cut to its first character, or whole when that character has no width.
std::string cut_sample(const char* sample);

/// Whether Pango's own sample text was found. Calling it also links the stand-in into any
/// binary that uses text/.
bool metrics_sample_linked();

}  // namespace broadside::text
