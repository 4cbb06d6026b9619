// versions.cpp — gathers each stage's library versions for `--version`.
#include "batch/versions.hpp"

#include <fmt/core.h>
#include <glib.h>

#include <nlohmann/json.hpp>

#include "compose/library_versions.hpp"
#include "content/library_versions.hpp"
#include "prepress/library_versions.hpp"
#include "render/library_versions.hpp"
#include "text/library_versions.hpp"

namespace broadside::batch {

std::string version_text() {
  std::string out = "broadside " BROADSIDE_VERSION "\nruns with:\n";
  std::vector<std::string> libs;
  for (auto stage : {text::library_versions, render::library_versions, prepress::library_versions,
                     content::library_versions, compose::library_versions})
    for (auto& lib : stage()) libs.push_back(std::move(lib));
  libs.push_back("glib " + std::to_string(glib_major_version) + "." +
                 std::to_string(glib_minor_version) + "." + std::to_string(glib_micro_version));
  // Header-only or without a run-time version call: the version built against.
  libs.push_back("fmt " + std::to_string(FMT_VERSION / 10000) + "." +
                 std::to_string(FMT_VERSION / 100 % 100) + "." + std::to_string(FMT_VERSION % 100) +
                 " (built with)");
  libs.push_back("nlohmann-json " + std::to_string(NLOHMANN_JSON_VERSION_MAJOR) + "." +
                 std::to_string(NLOHMANN_JSON_VERSION_MINOR) + "." +
                 std::to_string(NLOHMANN_JSON_VERSION_PATCH) + " (built with)");
  for (const auto& lib : libs) out += "  " + lib + "\n";
  return out;
}

}  // namespace broadside::batch
