// styles.cpp — applying style keys over a base, and resolving `based-on` chains.
#include "design/styles.hpp"

namespace broadside::design {

namespace {

// The family every system with fonts-noto-core has; a design names its own fonts.
constexpr const char* kDefaultFamily = "Noto Sans";

template <class T>
void set_if(T& into, const std::optional<T>& value) {
  if (value) into = *value;
}

}  // namespace

StyleDraft default_style() {
  StyleDraft d;
  d.style.face.families = {kDefaultFamily};
  return d;
}

void StyleDraft::apply(const StylePatch& p) {
  Style& s = style;
  set_if(s.face.families, p.families);
  set_if(s.where, p.font_where);
  set_if(s.face.weight, p.weight);
  set_if(s.face.slant, p.slant);
  set_if(s.face.width, p.width);
  if (p.size) {
    s.size.min = p.size->min;
    s.size.max = p.size->max;
    s.size.max_share = p.size->max_share;
  }
  set_if(s.size.step, p.step);
  if (p.leading) {
    s.leading = *p.leading;
    leading_pitch.reset();
  }
  if (p.leading_pitch) leading_pitch = p.leading_pitch;
  set_if(s.tracking, p.tracking);
  set_if(s.text_case, p.text_case);
  set_if(s.align, p.align);
  set_if(s.hyphenate, p.hyphenate);
  set_if(s.features, p.features);
  set_if(s.color, p.color);
  set_if(s.max_lines, p.max_lines);
  set_if(s.balance, p.balance);
  set_if(s.space_before, p.space_before);
  set_if(s.space_after, p.space_after);
  set_if(s.indent, p.indent);
  set_if(s.keep_lines, p.keep_lines);
  if (p.space_after) has_space_after = true;
}

Style StyleDraft::finish() const {
  Style out = style;
  if (leading_pitch) out.leading = *leading_pitch / out.size.max;
  return out;
}

namespace {

struct StyleSource {
  StylePatch patch;
  std::optional<Field> based_on;
  core::SourceLocation where;
};

class StyleResolver {
 public:
  StyleResolver(Reader& in, const std::map<std::string, StyleSource>& sources)
      : in_(in), sources_(sources) {
    for (const auto& [name, source] : sources) names_.push_back(name);
  }

  std::map<std::string, StyleDraft> run() {
    for (const auto& name : names_) resolve(name);
    return std::move(done_);
  }

 private:
  void resolve(const std::string& name) {
    if (done_.count(name)) return;
    chain_.push_back(name);
    const StyleSource& source = sources_.at(name);
    StyleDraft draft = default_style();
    if (source.based_on) {
      if (auto base = base_of(*source.based_on)) draft = done_.at(*base);
    }
    draft.style.name = name;
    draft.style.where = source.where;
    draft.apply(source.patch);
    chain_.pop_back();
    done_[name] = std::move(draft);
  }

  // The resolved base's name, or nullopt after reporting an unknown name or a cycle.
  std::optional<std::string> base_of(const Field& f) {
    auto base = in_.scalar(f, "a style name");
    if (!base) return std::nullopt;
    if (!sources_.count(*base)) {
      in_.error(f, "unknown style '" + *base + "'", did_you_mean(*base, names_));
      return std::nullopt;
    }
    auto in_chain = std::find(chain_.begin(), chain_.end(), *base);
    if (in_chain != chain_.end()) {
      std::string path;
      for (auto it = in_chain; it != chain_.end(); ++it) path += *it + " -> ";
      in_.error(f, "based-on cycle: " + path + *base);
      return std::nullopt;
    }
    resolve(*base);
    return base;
  }

  Reader& in_;
  const std::map<std::string, StyleSource>& sources_;
  std::vector<std::string> names_;
  std::vector<std::string> chain_;
  std::map<std::string, StyleDraft> done_;
};

}  // namespace

std::map<std::string, StyleDraft> read_styles(Reader& in, const Field& f, const Palette& palette) {
  MapView styles(in, f, "a map of style names");
  std::vector<std::string> allowed = style_keys();
  allowed.push_back("based-on");
  std::map<std::string, StyleSource> sources;
  for (const Field& entry : styles.entries()) {
    // A broken style still exists, so frames that use it don't report it again.
    StyleSource& source = sources[entry.name];
    source.where = in.at(entry.key_mark);
    MapView keys(in, entry, "a map of style keys");
    keys.check(allowed);
    for (const Field& key : keys.entries()) {
      if (key.name == "based-on")
        source.based_on = key;
      else
        read_style_key(in, key, palette, source.patch);
    }
  }
  return StyleResolver(in, sources).run();
}

}  // namespace broadside::design
