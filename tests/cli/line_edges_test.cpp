// line_edges_test.cpp — a Chinese leaflet in narrow columns, read back with pdftotext: no line
// starts with a closing mark or a name's middle dot, none ends with an opening bracket (#14).
#include <string_view>

#include "cli_support.hpp"
#include "pdf_lines.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;

namespace {

/// What CLREQ keeps off the start of a line, as a reader would find it there.
constexpr std::u32string_view kNoStart = U"·・‧，。、：；？！）」』】〕〉》”’…—";
/// And off the end of one.
constexpr std::u32string_view kNoEnd = U"（「『【〔〈《“‘";

/// Less than the leaflet's 4 mm gutter, more than a Chinese line's justified gaps.
constexpr double kGutterGap = 8;

/// The characters of UTF-8 text.
std::u32string decode(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = n == 1 ? b : b & (0x7F >> n);
    for (size_t k = 1; k < n && i + k < s.size(); ++k)
      c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out += c;
    i += n;
  }
  return out;
}

/// A line's text split where its words stand a gutter apart: pdftotext sometimes reads lines
/// of neighbouring columns as one.
std::vector<std::string> column_lines(const PdfLine& line) {
  std::vector<std::string> out;
  double right = 0;
  for (const auto& w : line.words) {
    if (out.empty() || w.x0 - right > kGutterGap) out.emplace_back();
    out.back() += w.text;
    right = w.x1;
  }
  return out;
}

}  // namespace

TEST_CASE("line edges: no Chinese line starts with a name's middle dot or a closing mark") {
  // 伯尼 / ·桑德斯 (Bernie Sanders) came out in a Chinese flow: the dot, class AI in Unicode's
  // line breaking, broke like a letter. Each paragraph moves the names one character on, so in
  // narrow columns some line end falls at every place around them.
  const fs::path dir = scratch_dir("line-edges-zh");
  const std::string filler = "工人阶级团结起来争取社会平等反对战争和独裁";  // 3 bytes each
  std::string body;
  for (size_t shift = 1; shift <= 16; ++shift)
    body += filler.substr(0, 3 * shift) +
            "，伯尼·桑德斯说：「我们要求免费医疗。」亚历山德里娅·奥卡西奥-科尔特斯"
            "和诺丽莎·圣克鲁斯（社会平等党）都说……好吧——《声明》\n\n";
  write_file(dir / "statement.zh.md",
             "---\nlang: zh-Hans\nheadline: \"支持伯尼·桑德斯和诺丽莎·圣克鲁斯！\"\n"
             "author: 诺丽莎·圣克鲁斯\ndemands:\n  - \"释放朱利安·阿桑奇和切尔西·曼宁\"\n"
             "---\n\n" +
                 body);
  // The leaflet's back page in four columns of about ten characters each.
  std::string design = read_bytes(source_dir() / "designs" / "leaflet-a5.yaml");
  const std::string two = "        columns: 2\n";
  const auto at = design.find(two);
  REQUIRE(at != std::string::npos);
  design.replace(at, two.size(), "        columns: 4\n");
  write_file(dir / "narrow.yaml", design);
  const fs::path pdf = dir / "narrow.pdf";
  const auto r = run_broadside({"render", (dir / "narrow.yaml").string(),
                                (dir / "statement.zh.md").string(), "-o", pdf.string()});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  size_t lines = 0, with_dot = 0;
  for (int page = 1; page <= 2; ++page)
    for (const auto& line : pdf_lines(pdf, page))
      for (const std::string& text : column_lines(line)) {
        const std::u32string chars = decode(text);
        REQUIRE_FALSE(chars.empty());
        const char32_t first = chars.front(), last = chars.back();
        CAPTURE(page);
        CAPTURE(text);
        CHECK(kNoStart.find(first) == std::u32string_view::npos);
        CHECK(kNoEnd.find(last) == std::u32string_view::npos);
        CHECK(last != U'·');  // nor is a name's dot left at the end
        ++lines;
        with_dot += text.find("·") != std::string::npos;
      }
  // The statement was set in full, in narrow lines, its names among them.
  CHECK(lines > 100);
  CHECK(with_dot > 20);
}
