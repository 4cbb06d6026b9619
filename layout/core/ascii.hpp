// ascii.hpp — ASCII case folding for keys, units, file extensions and language tags.
#pragma once

#include <string>
#include <string_view>

namespace broadside::core {

/// `s` with A–Z made a–z and every other byte as it was: for names the design language and
/// file systems define (never for text a reader sees, which is Unicode), and whatever the
/// process locale says.
std::string ascii_lower(std::string_view s);

/// Whether `a` and `b` are equal ignoring ASCII case.
bool ascii_iequals(std::string_view a, std::string_view b);

}  // namespace broadside::core
