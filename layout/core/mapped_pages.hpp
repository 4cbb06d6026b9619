// mapped_pages.hpp — gives the pages of files this process maps read-only back to the page
// cache, so that they stop counting in its resident set until they are read again.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace broadside::core {

/// Drops from the resident set the pages of every read-only private file mapping of this process
/// whose file `is_wanted` picks (by path). The memory stays mapped and its contents unchanged:
/// the pages stay in the kernel's page cache and the next read maps them again (a minor fault).
/// Only files that no one writes through a mapping may be picked: the dynamic loader writes a
/// shared library's relocations and then makes them read-only, and dropping those pages would
/// lose them. Does nothing while the process has other threads (one of them could unmap a listed
/// mapping and reuse its addresses before this reaches them). Returns the bytes of address space
/// released: 0 then, and where the system cannot tell its mappings.
std::size_t release_mapped_pages(const std::function<bool(std::string_view path)>& is_wanted);

}  // namespace broadside::core
