// plain_statement.cpp — headline, byline, contact and call-to-action address of a plain
// statement, recognised by where they stand (the seed's layout) rather than by markup.
#include "content/plain_statement.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

#include "content/byline.hpp"
#include "content/typography.hpp"
#include "content/whitespace.hpp"
#include "content/words.hpp"

namespace broadside::content {

namespace {

// A byline is a name, a role and a date (12 words in the seed); a paragraph of 25 words or
// more is body text. The seed's shortest body paragraphs (20, 23 words) come after its first
// long one, where the byline search has already stopped.
constexpr size_t kMaxBylineParagraphWords = 24;
// "Name – Role" / "Date", with room for one more line (an organisation, a place).
constexpr size_t kMaxBylineLines = 3;
// The contact footer: its sentence plus up to two lines (a link, an address) after it.
constexpr size_t kMaxContactBlocks = 3;

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  return out;
}

std::string single_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return collapse_whitespace(text);
}

void set_variable(Document& document, const std::string& name, std::string text,
                  const core::SourceLocation& where) {
  document.variables.insert_or_assign(name, core::Value::scalar(std::move(text), where));
}

// Takes the first `#` heading out of the body as the headline; returns where it stood.
std::optional<size_t> take_headline(Document& document) {
  auto& body = document.body;
  const auto found = std::find_if(body.begin(), body.end(), [](const Block& b) {
    return b.kind == BlockKind::heading && b.level == 1;
  });
  if (found == body.end()) return std::nullopt;
  set_variable(document, "headline", single_line(found->text.text), found->where);
  const auto index = static_cast<size_t>(found - body.begin());
  body.erase(found);
  return index;
}

void take_byline(Document& document, size_t first) {
  auto& body = document.body;
  size_t end = first;
  size_t lines = 0;
  while (end < body.size() && body[end].kind == BlockKind::paragraph &&
         count_words(body[end].text.text) <= kMaxBylineParagraphWords) {
    lines += 1 + static_cast<size_t>(
                     std::count(body[end].text.text.begin(), body[end].text.text.end(), '\n'));
    ++end;
  }
  // Short lines up to the end are short body paragraphs, and too many lines are no byline.
  if (end == first || end == body.size() || lines > kMaxBylineLines) return;
  std::string byline;
  for (size_t i = first; i < end; ++i) byline += (i > first ? "\n" : "") + body[i].text.text;
  set_variable(document, "byline", std::move(byline), body[first].where);
  body.erase(body.begin() + static_cast<std::ptrdiff_t>(first),
             body.begin() + static_cast<std::ptrdiff_t>(end));
  split_byline(document.variables);
}

void take_contact(Document& document) {
  auto& body = document.body;
  for (size_t i = body.size() > kMaxContactBlocks ? body.size() - kMaxContactBlocks : 0;
       i < body.size(); ++i) {
    if (body[i].kind != BlockKind::paragraph ||
        !to_lower_ascii(body[i].text.text).starts_with("to contact"))
      continue;
    std::string contact;
    for (size_t j = i; j < body.size(); ++j) contact += " " + body[j].text.text;
    set_variable(document, "contact", single_line(contact), body[i].where);
    body.erase(body.begin() + static_cast<std::ptrdiff_t>(i), body.end());
    return;
  }
}

// The address to print: the link text when it is one ("socialism2020.org"), else the target
// without its scheme.
std::string printed_address(std::string_view text, std::string_view url) {
  if (looks_like_address(text)) return std::string(text);
  for (std::string_view scheme : {"https://", "http://", "mailto:"})
    if (url.starts_with(scheme)) url.remove_prefix(scheme.size());
  if (url.ends_with('/')) url.remove_suffix(1);
  return std::string(url);
}

// "Visit" or "visit" as a word ("visitors" does not count).
bool says_visit(const std::string& text) {
  const std::string lower = to_lower_ascii(text);
  const auto is_letter = [](char c) { return c >= 'a' && c <= 'z'; };
  for (size_t at = lower.find("visit"); at != std::string::npos; at = lower.find("visit", at + 1)) {
    const size_t after = at + 5;
    if ((at == 0 || !is_letter(lower[at - 1])) &&
        (after == lower.size() || !is_letter(lower[after])))
      return true;
  }
  return false;
}

void find_cta_url(Document& document) {
  if (document.body.empty() || document.body.back().kind != BlockKind::paragraph) return;
  const Block& last = document.body.back();
  if (!says_visit(last.text.text)) return;
  const auto& runs = last.text.runs;
  const auto first = std::find_if(runs.begin(), runs.end(),
                                  [](const core::StyleRun& run) { return !run.link.empty(); });
  if (first == runs.end()) return;
  // A link whose text is partly bold or italic spans several runs with the same target.
  size_t end = first->end;
  for (auto next = first + 1; next != runs.end() && next->start == end && next->link == first->link;
       ++next)
    end = next->end;
  const std::string_view text =
      std::string_view(last.text.text).substr(first->start, end - first->start);
  set_variable(document, "cta.url", printed_address(text, first->link), last.where);
}

}  // namespace

void derive_structure(Document& document) {
  if (!has_value(document.variables, "headline")) {
    const std::optional<size_t> headline_at = take_headline(document);
    if (headline_at && !has_value(document.variables, "byline"))
      take_byline(document, *headline_at);
  }
  if (!has_value(document.variables, "contact")) take_contact(document);
  if (!has_value(document.variables, "cta.url")) find_cta_url(document);
}

}  // namespace broadside::content
