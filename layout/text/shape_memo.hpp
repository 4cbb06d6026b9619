// shape_memo.hpp — HarfBuzz's shaping of a run remembered for when Pango asks for it again (the
// definitions in shape_memo.cpp stand in for HarfBuzz's hb_shape and hb_buffer_add_utf8).
#pragma once

#include <cstddef>

namespace broadside::text {

/// How many runs this thread had HarfBuzz shape, and how many it answered from memory.
struct ShapeMemoStats {
  long shaped = 0;
  long reused = 0;
  /// What the remembered runs take now.
  std::size_t bytes = 0;
};

/// The counts so far on this thread. Calling it also links the stand-ins into any binary that
/// uses text/.
ShapeMemoStats shape_memo_stats();

}  // namespace broadside::text
