// walk.hpp — visiting every object of a PDF that will be written (reachable from the trailer).
#pragma once

#include <qpdf/QPDFObjectHandle.hh>

#include <functional>

namespace broadside::prepress {

/// Calls `visit` once for every dictionary, stream and array reachable from `root` (indirect
/// objects once however often they are referred to), parents before children and in key
/// order, so anything `visit` creates is numbered the same way every run.
void for_each_reachable(QPDFObjectHandle root, const std::function<void(QPDFObjectHandle&)>& visit);

}  // namespace broadside::prepress
