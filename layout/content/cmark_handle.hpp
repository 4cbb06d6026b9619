// cmark_handle.hpp — RAII owners for cmark's C objects, so no early return can leak a tree.
#pragma once

#include <cmark.h>

#include <memory>

namespace broadside::content {

struct CmarkNodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct CmarkIterDeleter {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};

/// Owns a parsed document (freeing the root frees the whole tree).
using CmarkDocument = std::unique_ptr<cmark_node, CmarkNodeDeleter>;
/// Owns an iterator over a subtree.
using CmarkIter = std::unique_ptr<cmark_iter, CmarkIterDeleter>;

}  // namespace broadside::content
