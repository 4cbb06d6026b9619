// test_options.hpp — the run options unit tests pass down: every limit at its default, nothing
// from the environment, the source tree as the data folder.
#pragma once

#include "core/options.hpp"

inline const broadside::core::Options kOptions = [] {
  broadside::core::Options o;
  o.data_dir = BROADSIDE_SOURCE_DIR;
  return o;
}();
