// fontset_memo.hpp — fontconfig's sorts and matches remembered across font sizes and processes
// (the definitions in fontset_memo.cpp stand in for fontconfig's FcFontSetSort and
// FcFontSetMatch).
#pragma once

#include <filesystem>

namespace broadside::text {

/// How many of the process's sorts and matches ran a search, and how many reused one.
struct FontsetMemoStats {
  long searches = 0;
  long reused = 0;
  /// Of those reused, how many a previous process had searched (kept on disk).
  long from_disk = 0;
};

/// The counts so far. Calling it also links the stand-ins into any binary that uses text/.
FontsetMemoStats fontset_memo_stats();

/// Forgets what this process remembered and read from disk, so the next request reads the
/// file again as a new process would, from `folder` instead of the cache folder (for tests).
void fontset_memo_forget(const std::filesystem::path& folder);

}  // namespace broadside::text
