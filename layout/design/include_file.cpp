// include_file.cpp — finding and reading the files a design includes (font classes, palettes).
#include "design/include_file.hpp"

#include "core/access.hpp"
#include "core/atomic_file.hpp"
#include "core/text_check.hpp"
#include "core/yaml_load.hpp"

namespace broadside::design {

namespace fs = std::filesystem;

fs::path find_include(Reader& in, const Field& f, const std::string& name, const fs::path& folder,
                      const IncludeKind& kind, const core::Options& options) {
  const fs::path bundled =
      options.data_dir.empty() ? fs::path() : options.data_dir / "designs" / kind.folder;
  const bool bare = name.find('/') == std::string::npos && fs::path(name).extension().empty();
  const fs::path local = folder / (bare ? kind.folder + "/" + name + ".yaml" : name);
  std::error_code ec;
  if (fs::exists(local, ec)) {
    if (!core::is_readable_from(local, folder, options.allowed_paths)) {
      in.error(f, "'" + name + "' is outside the design's folder",
               "keep " + kind.what + "s next to the design, or allow the folder with --allow-path");
      return {};
    }
    return local;
  }
  if (bare && !bundled.empty() && fs::exists(bundled / (name + ".yaml"), ec))
    return bundled / (name + ".yaml");
  in.error(f, "no " + kind.what + " '" + name + "'", bare ? kind.bundled_hint : "");
  return {};
}

void read_include(Reader& in, const Field& f, const fs::path& file, const IncludeKind& kind,
                  const core::Options& options,
                  const std::function<void(Reader& sub, const Field& root)>& read) {
  in.note_included(file);  // even when it cannot be read: fixing it changes the design
  core::Diagnostics unread;
  const std::optional<std::string> text = core::read_file(file, options.limits, unread);
  if (!text) {
    for (const auto& d : unread.all()) in.error(in.at(f), d.message, d.hint);
    return;
  }
  core::Diagnostics found;
  Reader sub(file.string(), *text, found);
  sub.share_included(in);  // its own includes count too
  if (const core::TextProblem bad = core::check_text(*text); !bad.what.empty()) {
    sub.error(core::location_of(*text, bad.offset, file.string()),
              "the " + kind.what + " is not valid UTF-8 text: " + bad.what);
  } else {
    try {
      if (const auto root = core::load_yaml(*text, file.string(), 1, options.limits, found))
        read(sub, Field(*root));
    } catch (const YAML::Exception& e) {
      sub.error(sub.at(e.mark), e.msg);
    }
  }
  for (const auto& d : found.all()) in.error(d.where, d.message, d.hint);
}

}  // namespace broadside::design
