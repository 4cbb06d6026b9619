// preview.cpp — a named render in memory, its diagnostics tied to the variables they concern.
#include "batch/preview.hpp"

#include "design/design.hpp"

namespace broadside::batch {

namespace {

constexpr const char* kValuePrefix = "value '";

/// The frame called `id` anywhere on the design's pages (stack members included).
const design::Frame* find_frame(const std::vector<design::Frame>& frames, const std::string& id) {
  for (const auto& f : frames) {
    if (f.id == id) return &f;
    if (const auto* s = std::get_if<design::StackFrame>(&f.content))
      if (const auto* found = find_frame(s->items, id)) return found;
  }
  return nullptr;
}

/// The first variable a frame's text, list or QR code shows; "" when it shows none.
std::string variable_of(const design::Frame& frame) {
  const design::Template* t = nullptr;
  if (const auto* x = std::get_if<design::TextFrame>(&frame.content)) t = &x->text;
  if (const auto* x = std::get_if<design::ListFrame>(&frame.content)) t = &x->items;
  if (const auto* x = std::get_if<design::QrFrame>(&frame.content)) t = &x->data;
  if (t)
    for (const auto& piece : t->pieces)
      if (piece.is_variable) return piece.text;
  return {};
}

/// The text between the first `open` and the next quote: "frame 'event.time': ..." -> event.time.
std::string quoted_after(const std::string& text, const std::string& open) {
  const size_t at = text.find(open);
  if (at == std::string::npos) return {};
  const size_t start = at + open.size(), end = text.find('\'', start);
  return end == std::string::npos ? std::string() : text.substr(start, end - start);
}

/// Which variable a diagnostic concerns: a value given by name (its place says so), else the
/// variable the frame it names shows, else the variable it names.
std::string field_of(const core::Diagnostic& d, const design::Design* design) {
  if (d.where.file.rfind(kValuePrefix, 0) == 0) return quoted_after(d.where.file, kValuePrefix);
  if (design) {
    const std::string id = quoted_after(d.message, "frame '");
    for (const auto& page : design->pages)
      if (const auto* frame = id.empty() ? nullptr : find_frame(page.frames, id)) {
        const std::string v = variable_of(*frame);
        if (!v.empty()) return v;
      }
  }
  const std::string named = quoted_after(d.message, "variable '");
  if (design && design->variables.count(named)) return named;
  return {};
}

/// `text` with every mention of the folders dropped: a web client learns file names, never
/// where the server keeps them.
std::string without_folders(std::string text, const std::vector<std::string>& folders) {
  for (const auto& folder : folders)
    for (size_t at; !folder.empty() && (at = text.find(folder)) != std::string::npos;)
      text.erase(at, folder.size());
  return text;
}

void add_problems(const core::Diagnostics& diags, const design::Design* design,
                  const std::vector<std::string>& folders, PreviewResult& out) {
  for (const auto& d : diags.all()) {
    if (d.severity != core::Severity::error) continue;
    const bool is_value = d.where.file.rfind(kValuePrefix, 0) == 0;
    std::string message = d.message;
    if (!d.hint.empty()) message += " (" + d.hint + ")";
    out.problems.push_back({field_of(d, design), without_folders(message, folders),
                            is_value ? "" : without_folders(d.where.to_string(), folders)});
  }
}

}  // namespace

core::SourceLocation value_location(const std::string& name) {
  return {kValuePrefix + name + "'"};
}

PreviewResult render_preview(const PreviewRequest& request, Library& library, Engine& engine) {
  PreviewResult out;
  const auto design_file = library.find_design(request.design);
  if (!design_file) {
    out.status = PreviewStatus::unknown_design;
    out.problems.push_back({"design", "there is no design called '" + request.design + "'", ""});
    return out;
  }
  const auto statement_file = library.find_statement(request.statement);
  if (!statement_file) {
    out.status = PreviewStatus::unknown_statement;
    out.problems.push_back(
        {"statement", "there is no statement called '" + request.statement + "'", ""});
    return out;
  }
  Job job;
  job.design = *design_file;
  job.content = *statement_file;
  job.delivery = Delivery::memory;
  job.variables = request.values;
  job.dpi = request.dpi;
  job.cancel = request.cancel;
  if (std::string error = apply_print_flags(request.print, job.print); !error.empty()) {
    out.status = PreviewStatus::bad_request;
    out.problems.push_back({"print", error, ""});
    return out;
  }
  // Both as given and resolved: messages name files either way.
  std::vector<std::string> folders;
  for (const auto& f : {*design_file, *statement_file}) {
    std::error_code ec;
    folders.push_back(f.parent_path().string() + "/");
    folders.push_back(std::filesystem::weakly_canonical(f, ec).parent_path().string() + "/");
  }
  const auto statement = library.statement(*statement_file);
  const auto design =
      library.design(*design_file, statement->document ? statement->document->lang : "");
  if (!statement->document || !design->design) {
    core::Diagnostics diags = statement->diags;
    diags.append(design->diags);
    out.status = PreviewStatus::refused;
    add_problems(diags, design->design.get(), folders, out);
    return out;
  }
  job.loaded_design = design->design;
  job.loaded_document = statement->document;
  const std::string ext = request.format == Format::pdf   ? ".pdf"
                          : request.format == Format::svg ? ".svg"
                                                          : ".png";
  job.outputs.push_back({request.design + ext, request.format});
  if (request.format != Format::pdf) job.image_pages = {request.page};
  job.image_pages_origin = value_location("page");  // a problem of the request's field
  JobResult r = run_job(job, engine);
  out.pages = r.pages;
  out.timings = r.timings;
  if (!r.ok() || r.files.empty()) {
    out.status = PreviewStatus::refused;
    add_problems(r.diags, design->design.get(), folders, out);
    if (out.problems.empty()) out.problems.push_back({"", "nothing was made", ""});
    return out;
  }
  out.bytes = std::move(r.files.front().bytes);
  return out;
}

}  // namespace broadside::batch
