// suggest.hpp — the "did you mean" helpers (core/suggest.hpp) under the names design code uses.
#pragma once

#include "core/suggest.hpp"

namespace broadside::design {

using core::did_you_mean;
using core::edit_distance;
using core::join_names;

}  // namespace broadside::design
