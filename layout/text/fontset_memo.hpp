// fontset_memo.hpp — fontconfig's sorts and matches remembered across font sizes (the
// definitions in fontset_memo.cpp stand in for fontconfig's FcFontSetSort and FcFontSetMatch).
#pragma once

namespace broadside::text {

/// How many of the process's sorts and matches ran a search, and how many reused one.
struct FontsetMemoStats {
  long searches = 0;
  long reused = 0;
};

/// The counts so far. Calling it also links the stand-ins into any binary that uses text/.
FontsetMemoStats fontset_memo_stats();

}  // namespace broadside::text
