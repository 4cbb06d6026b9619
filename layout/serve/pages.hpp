// pages.hpp — the two self-contained pages (HTML, CSS and script in one file each, nothing
// fetched from elsewhere), compiled into the binary from layout/serve/page/.
#pragma once

#include <string_view>

namespace broadside::serve {

/// The branch page: gallery, form, live preview, downloads.
std::string_view branch_page();

/// The designer page (--watch): a design and statement redrawn on every save.
std::string_view designer_page();

}  // namespace broadside::serve
