// session.cpp — options from the command line and the environment; the font set loaded.
#include "batch/session.hpp"

#include <cstdlib>
#include <filesystem>

#include "batch/paths.hpp"
#include "core/access.hpp"

namespace broadside::batch {

namespace {

/// SOURCE_DATE_EPOCH (reproducible-builds.org): whole seconds since 1970; anything else is
/// ignored, and the statement's date is used.
std::optional<std::int64_t> source_date_epoch() {
  const char* text = std::getenv("SOURCE_DATE_EPOCH");
  if (!text || !*text) return std::nullopt;
  char* end = nullptr;
  const long long v = std::strtoll(text, &end, 10);
  if (!end || *end != '\0' || v < 0) return std::nullopt;
  return v;
}

}  // namespace

core::Options make_options(const OptionArgs& args, std::vector<std::string>& errors) {
  core::Options options;
  for (auto& message : options.limits.set_from_environment()) errors.push_back(message);
  for (const auto& assignment : args.limits)
    if (std::string error = options.limits.set(assignment); !error.empty())
      errors.push_back(std::move(error));
  for (const auto& dir : args.allow_paths) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
      errors.push_back("--allow-path '" + dir + "': not a folder");
      continue;
    }
    options.allowed_paths.push_back(core::resolve_folder(dir));
  }
  options.epoch = source_date_epoch();
  options.data_dir = data_dir();
  return options;
}

std::shared_ptr<const Session> open_session(core::Options options, core::Diagnostics& diags) {
  auto fonts = text::FontLibrary::load(font_config(options), diags);
  if (!fonts) return nullptr;
  return std::make_shared<const Session>(Session{std::move(options), std::move(fonts)});
}

}  // namespace broadside::batch
