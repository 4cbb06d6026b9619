// watch.cpp — polling the files' stamps (portable, and cheap for a few files; inotify would miss
// editors that replace the file by renaming), rendering on change, writing events.
#include "serve/watch.hpp"

#include <httplib.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "serve/api.hpp"
#include "serve/request.hpp"

namespace broadside::serve {

namespace fs = std::filesystem;

namespace {

/// How often the files are looked at: a save shows within a fifth of a second.
constexpr auto kPollInterval = std::chrono::milliseconds(200);
/// A comment line this often, so a closed page is noticed (its write fails) and proxies keep
/// the connection open.
constexpr auto kKeepAlive = std::chrono::seconds(15);
/// The preview the check renders (only its outcome is sent; the page fetches the pages).
constexpr int kCheckDpi = 24;

/// Modification time and size of each file, as one comparable value.
std::string stamp_of(const std::vector<fs::path>& files) {
  std::string out;
  for (const auto& f : files) {
    std::error_code ec;
    const auto t = fs::last_write_time(f, ec).time_since_epoch().count();
    out += std::to_string(t) + ":" + std::to_string(fs::file_size(f, ec)) + ";";
  }
  return out;
}

/// Today as YYYY-MM-DD (UTC).
std::string today() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

/// Values for the design's declared variables that have no default, so a design meant to be
/// filled in still draws: the variable's name, or today for a date. Empty for a design that
/// cannot be read (its problems are what is shown then).
core::Variables sample_values(batch::Library& library, const std::string& design) {
  core::Variables out;
  core::Diagnostics ignored;
  for (const auto& d : library.designs(ignored)) {
    if (d.name != design) continue;
    for (const auto& v : d.variables)
      if (v.default_value.empty())
        out[v.name] = core::Value::scalar(v.format == "text" ? v.name : today(),
                                          batch::value_location(v.name));
  }
  return out;
}

/// One event: {"version", "ok", "pages", "values", "errors": [{"field", "message", "where"}]}.
std::string event_for(int version, const batch::PreviewResult& r, const core::Variables& values) {
  nlohmann::json errors = nlohmann::json::parse(errors_json(r.problems))["errors"];
  nlohmann::json sample = nlohmann::json::object();
  for (const auto& [name, value] : values) sample[name] = value.text();
  nlohmann::json e = {{"version", version},
                      {"ok", r.status == batch::PreviewStatus::ok},
                      {"pages", r.pages},
                      {"values", sample},
                      {"errors", errors}};
  return "data: " + e.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n\n";
}

}  // namespace

std::vector<fs::path> Watchers::watched_files(const fs::path& design, const fs::path& statement) {
  // The library reads either again only when it changed, so asking each time costs two stats
  // and one per include; an include added or removed by an edit is watched from then on.
  std::vector<fs::path> files = {design, statement};
  const auto document = library_.statement(statement)->document;
  const auto loaded = library_.design(design, document ? document->lang : "");
  files.insert(files.end(), loaded->included.begin(), loaded->included.end());
  return files;
}

void Watchers::stream(const std::string& design, const std::string& statement,
                      httplib::Response& res) {
  const auto design_file = is_plain_name(design) ? library_.find_design(design) : std::nullopt;
  const auto statement_file =
      is_plain_name(statement) ? library_.find_statement(statement) : std::nullopt;
  if (!design_file || !statement_file) {
    res.status = 404;
    res.set_content(
        errors_json({{design_file ? "statement" : "design", "there is no such file to watch", ""}}),
        "application/json");
    return;
  }
  if (open_.fetch_add(1) >= kMaxStreams) {
    --open_;
    res.status = 503;
    res.set_header("Retry-After", "5");
    res.set_content(errors_json({{"", "too many designer pages are open", ""}}),
                    "application/json");
    return;
  }
  res.set_header("Cache-Control", "no-store");
  struct State {
    std::string stamp;
    int version = 0;
    std::chrono::steady_clock::time_point last_write;
  };
  auto state = std::make_shared<State>();
  res.set_chunked_content_provider(
      "text/event-stream",
      [this, state, design_file = *design_file, statement_file = *statement_file, design,
       statement](size_t, httplib::DataSink& sink) {
        if (stopping_ || !sink.is_writable()) return false;
        const std::string stamp = stamp_of(watched_files(design_file, statement_file));
        if (stamp == state->stamp) {
          std::this_thread::sleep_for(kPollInterval);
          if (std::chrono::steady_clock::now() - state->last_write < kKeepAlive) return true;
          state->last_write = std::chrono::steady_clock::now();
          return sink.write(": alive\n\n", 10);
        }
        state->stamp = stamp;
        batch::PreviewRequest check;
        check.design = design;
        check.statement = statement;
        check.dpi = kCheckDpi;
        check.values = sample_values(library_, design);
        const core::Variables values = check.values;
        auto future = pool_.submit(std::move(check));
        if (!future) {  // busy: look again next time round
          state->stamp.clear();
          std::this_thread::sleep_for(kPollInterval);
          return true;
        }
        batch::PreviewResult result;
        try {
          result = future->get();
        } catch (const std::exception& e) {
          result.status = batch::PreviewStatus::refused;
          result.problems.push_back({"", std::string("the render failed: ") + e.what(), ""});
        }
        const std::string event = event_for(++state->version, result, values);
        state->last_write = std::chrono::steady_clock::now();
        return sink.write(event.data(), event.size());
      },
      [this](bool) { --open_; });
}

}  // namespace broadside::serve
