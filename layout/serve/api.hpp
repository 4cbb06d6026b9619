// api.hpp — the JSON API's answers: the design and statement listings, render results and
// problems as JSON bodies with their HTTP status.
#pragma once

#include <string>
#include <vector>

#include "batch/library.hpp"
#include "batch/preview.hpp"
#include "batch/rows.hpp"

namespace broadside::serve {

/// GET /api/designs: [{"name", "title", "page": {...}, "pages", "variables", "formats"}].
std::string designs_json(const std::vector<batch::DesignInfo>& designs);

/// GET /api/statements: [{"name", "lang", "headline"}].
std::string statements_json(const std::vector<batch::StatementInfo>& statements);

/// GET /api/names (--watch): {"designs": [...], "statements": [...]}, readable or not — the
/// designer page opens a broken design to see what is wrong with it.
std::string names_json(const std::vector<std::string>& designs,
                       const std::vector<std::string>& statements);

/// {"errors": [{"field", "message", "where"?}]}.
std::string errors_json(const std::vector<batch::FieldProblem>& problems);

/// POST /api/rows refused: {"errors": [{"row", "field", "message", "where"?}]}, rows from 1,
/// 0 for the table as a whole.
std::string row_errors_json(const std::vector<batch::RowProblem>& problems);

/// The HTTP status for a render that did not succeed: 404 unknown names, 400 a request the
/// engine cannot read, 422 values (or a design) it refuses.
int status_for(batch::PreviewStatus status);

/// The MIME type of a format's bytes.
const char* content_type(batch::Format format);

}  // namespace broadside::serve
