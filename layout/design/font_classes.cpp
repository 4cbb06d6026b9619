// font_classes.cpp — reading `fonts:` and its included class files, and putting each style's
// class faces for the statement's script in place of the class name.
#include "design/font_classes.hpp"

#include <set>
#include <tuple>

#include "core/ascii.hpp"
#include "core/language.hpp"
#include "design/include_file.hpp"
#include "design/script_keys.hpp"

namespace broadside::design {

namespace {

namespace fs = std::filesystem;

// Two edits catch the usual slips (`sanz`, `srif`) as they do for keys.
constexpr size_t kMaxClassSlip = 2;

/// A class as written: its own entries and the class it is based on, if any.
struct ClassSource {
  std::map<std::string, std::vector<std::string>> faces;
  std::string based_on;
  Field based_on_field;
  core::SourceLocation where;
};

/// A family list: `[Noto Sans Arabic, Inter]`, or one name.
std::optional<std::vector<std::string>> read_families(Reader& in, const Field& f) {
  std::vector<std::string> out;
  if (f.present && f.node.IsSequence()) {
    for (const Field& item : in.list(f).value_or(std::vector<Field>{}))
      if (auto s = in.string(item); s && !s->empty()) out.push_back(*s);
  } else if (auto s = in.scalar(f, "a font family or a list of them")) {
    out.push_back(*s);
  }
  if (out.empty()) {
    in.error(f, "'" + f.name + "' needs at least one font family");
    return std::nullopt;
  }
  return out;
}

void read_classes(Reader& in, const MapView& map, std::map<std::string, ClassSource>& into,
                  const std::vector<std::string>& reserved) {
  for (const Field& entry : map.entries()) {
    if (std::find(reserved.begin(), reserved.end(), entry.name) != reserved.end()) continue;
    ClassSource& cls = into[entry.name];  // a class named again is merged over the first
    cls.where = in.at(entry.key_mark);
    MapView keys(in, entry, "a map of script codes (Latn, Arab, ...) to font families");
    for (const Field& key : keys.entries()) {
      if (key.name == "based-on") {
        if (auto base = in.string(key)) {
          cls.based_on = *base;
          cls.based_on_field = key;
        }
      } else if (!core::is_script_code(key.name) && edit_distance(key.name, "based-on") <= 2) {
        in.error(in.at(key.key_mark), "unknown key '" + key.name + "'", "did you mean 'based-on'?");
      } else if (!check_script_key(in, key)) {
        continue;  // a slip ("Cyrll") would match no statement and its faces go unused
      } else if (auto families = read_families(in, key)) {
        cls.faces[key.name] = std::move(*families);
      }
    }
  }
}

const IncludeKind kFontClassFile{"fonts", "font class file",
                                 "broadside bundles 'noto' (designs/fonts/noto.yaml)"};

/// The class's faces with its based-on chain merged under them.
void flatten(Reader& in, const std::string& name, const std::map<std::string, ClassSource>& raw,
             std::vector<std::string>& chain, FontClasses& done) {
  if (done.count(name)) return;
  const ClassSource& source = raw.at(name);
  FontClass cls;
  cls.where = source.where;
  if (!source.based_on.empty()) {
    if (!raw.count(source.based_on)) {
      std::vector<std::string> names;
      for (const auto& [n, c] : raw) names.push_back(n);
      in.error(source.based_on_field, "unknown font class '" + source.based_on + "'",
               did_you_mean(source.based_on, names));
    } else if (std::find(chain.begin(), chain.end(), source.based_on) != chain.end()) {
      in.error(source.based_on_field, "based-on cycle through font class '" + name + "'");
    } else {
      chain.push_back(name);
      flatten(in, source.based_on, raw, chain, done);
      chain.pop_back();
      cls.faces = done.at(source.based_on).faces;
    }
  }
  for (const auto& [key, families] : source.faces) cls.faces[key] = families;
  done[name] = std::move(cls);
}

/// Expands the class names in one style's font list.
class StyleResolver {
 public:
  StyleResolver(Reader& in, const FontClasses& classes, const std::string& lang)
      : in_(in), classes_(classes), lang_(lang), script_(core::script_for(lang)) {}

  void resolve(Style& style) {
    std::vector<std::string> families;
    core::Typeface& face = style.face;
    bool first_is_class = false;
    for (size_t i = 0; i < face.families.size(); ++i) {
      const auto cls = classes_.find(face.families[i]);
      if (cls == classes_.end()) {
        report_misspelt_class(style, face.families[i]);
        families.push_back(face.families[i]);
        continue;
      }
      first_is_class = first_is_class || i == 0;
      const auto* own = faces_for(cls->second);
      if (!own) {
        if (reported_.insert(cls->first).second)
          in_.error(style.where,
                    "style '" + style.name + "': font class '" + cls->first +
                        "' has no faces for the statement's script (" + script_ + ", " +
                        (lang_.empty() ? "Latin" : "lang " + lang_) + ")",
                    "add `" + script_ +
                        ": [a family]` to the class, or base it on one that has "
                        "(`fonts: {include: noto}` gives sans and serif for every script)");
        continue;
      }
      families.insert(families.end(), own->begin(), own->end());
      for (const auto& [key, list] : cls->second.faces)
        if (core::is_script_code(key)) face.by_script.try_emplace(key, list);
    }
    face.families = std::move(families);
    face.nearest_weight = first_is_class && script_ != "Latn";
  }

 private:
  /// A name that is not a class but is a slip of one (`sanz`, `Serif`) would otherwise be
  /// looked for as an installed family and reported as "not installed", which hides the slip.
  /// Only lower-case words count: class names are written so, family names are capitalised
  /// ("Inter"), and a family one letter off a class must not be refused. A differently cased
  /// class name is a slip whatever its case, since lookups of classes are case-sensitive.
  void report_misspelt_class(const Style& style, const std::string& name) {
    const bool lower_word = name == core::ascii_lower(name) && name.find(' ') == std::string::npos;
    const std::string* nearest = nullptr;
    size_t best = 0;
    for (const auto& [cls, faces] : classes_) {
      const size_t d = edit_distance(name, cls);
      const bool near = d == 0 || (lower_word && d <= kMaxClassSlip && d < name.size());
      if (near && (!nearest || d < best)) {
        nearest = &cls;
        best = d;
      }
    }
    if (!nearest || !reported_slips_.insert({style.where.line, style.where.column, name}).second)
      return;
    in_.error(style.where, "style '" + style.name + "': unknown font class '" + name + "'",
              "did you mean '" + *nearest + "'?");
  }

  /// The class's faces for the statement: its language's entry, else its script's.
  const std::vector<std::string>* faces_for(const FontClass& cls) const {
    for (const auto& [key, list] : cls.faces)
      if (!core::is_script_code(key) && core::language_matches(key, lang_)) return &list;
    const auto it = cls.faces.find(script_);
    return it == cls.faces.end() ? nullptr : &it->second;
  }

  Reader& in_;
  const FontClasses& classes_;
  std::string lang_, script_;
  std::set<std::string> reported_;
  /// (line, column, name): a style's frames carry copies of its font list.
  std::set<std::tuple<int, int, std::string>> reported_slips_;
};

void resolve_frame(StyleResolver& r, Frame& frame) {
  if (auto* t = std::get_if<TextFrame>(&frame.content)) r.resolve(t->style);
  if (auto* l = std::get_if<ListFrame>(&frame.content)) r.resolve(l->style);
  if (auto* f = std::get_if<FlowFrame>(&frame.content)) {
    r.resolve(f->style);
    r.resolve(f->heading_style);
    r.resolve(f->quote_style);
    if (f->read_more) r.resolve(f->read_more_style);
  }
  if (auto* s = std::get_if<StackFrame>(&frame.content))
    for (auto& item : s->items) resolve_frame(r, item);
}

}  // namespace

fs::path bundled_font_classes(const core::Options& options) {
  return options.data_dir.empty() ? fs::path() : options.data_dir / "designs" / "fonts";
}

FontClasses read_font_classes(Reader& in, const Field& f, const fs::path& folder,
                              const core::Options& options) {
  FontClasses out;
  if (!f.present) return out;
  MapView map(in, f, "a map of font classes (display: {Latn: [League Spartan], ...})");
  if (!map.is_map()) return out;
  std::map<std::string, ClassSource> raw;
  if (map.has("include")) {
    const Field inc = map.get("include");
    std::vector<Field> items;
    if (inc.node.IsSequence())
      items = in.list(inc).value_or(std::vector<Field>{});
    else
      items.push_back(inc);
    for (const Field& item : items)
      if (auto name = in.string(item))
        if (const fs::path file = find_include(in, item, *name, folder, kFontClassFile, options);
            !file.empty())
          read_include(in, item, file, kFontClassFile, options,
                       [&](Reader& sub, const Field& root) {
                         MapView map(sub, root, "a map of font classes");
                         read_classes(sub, map, raw, {"include"});
                       });
  }
  read_classes(in, map, raw, {"include"});
  std::vector<std::string> chain;
  for (const auto& [name, source] : raw) flatten(in, name, raw, chain, out);
  return out;
}

void resolve_font_classes(Reader& in, const FontClasses& classes, const std::string& lang,
                          Design& design) {
  if (classes.empty()) return;
  StyleResolver resolver(in, classes, lang);
  for (auto& [name, style] : design.styles) resolver.resolve(style);
  for (auto& page : design.pages)
    for (auto& frame : page.frames) resolve_frame(resolver, frame);
}

}  // namespace broadside::design
