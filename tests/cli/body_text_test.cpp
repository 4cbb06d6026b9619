// body_text_test.cpp — body text as a reader gets it, measured from the PDF: the body's size
// (from the content stream's text matrices) never under the design's floor, justified word gaps
// (from pdftotext's word boxes) within bounds, no column ending in a hyphen, and a language
// without a hyphenation dictionary set ragged.
#include <algorithm>
#include <cmath>
#include <map>
#include <regex>

#include "cli_support.hpp"
#include "pdf_lines.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;

namespace {

/// The size most of the document's text is set in: cairo writes a text matrix where the size
/// changes, and the text that follows it (Tj, or TJ arrays over several lines) is in that size
/// until the next; the size with the most bytes of text is the body's. Bytes, not runs: a
/// headline's every word can be a run of its own, a body line one run.
double body_size(const fs::path& pdf) {
  const std::string qdf = run({"qpdf", "--qdf", "--object-streams=disable", pdf.string(), "-"}).out;
  static const std::regex tm(R"(^([\d.]+) 0 0 -[\d.]+ [-\d.]+ [-\d.]+ Tm$)");
  static const std::regex bt(R"((^| )BT$)");
  static const std::regex other(R"((Tf|Td|TD|Tc|Tw|BDC|EMC)$)");
  std::map<double, size_t> text;
  double size = 0;
  bool in_text = false;
  size_t from = 0;
  while (from < qdf.size()) {
    size_t to = qdf.find('\n', from);
    if (to == std::string::npos) to = qdf.size();
    const std::string line = qdf.substr(from, to - from);
    std::smatch m;
    if (std::regex_search(line, bt))  // cairo sets the colour on the same line
      in_text = true;
    else if (line == "ET")
      in_text = false;
    else if (std::regex_match(line, m, tm))
      size = std::stod(m[1]);
    else if (in_text && size > 0 && !std::regex_search(line, other))
      text[size] += line.size();
    from = to + 1;
  }
  double best = 0;
  size_t most = 0;
  for (const auto& [s, n] : text)
    if (n > most) most = n, best = s;
  return best;
}

struct Gaps {
  double p95 = 0, widest = 0;
  double line_height = 0;  // pt, of the body lines
  size_t justified_lines = 0, body_lines = 0;
  std::vector<std::string> column_ends;  // the last line of each column
};

/// Word gaps of the justified body lines on `page`, in ems of `size`. Body lines are those of
/// the most common height; a justified line ends at a right edge that three lines or more share
/// (a paragraph's last line, or a ragged one, ends short of it).
Gaps body_gaps(const fs::path& pdf, int page, double size) {
  const auto lines = pdf_lines(pdf, page);
  std::map<long, int> heights;
  for (const auto& l : lines) ++heights[std::lround(l.height() * 10)];
  long common = 0;
  int most = 0;
  for (const auto& [h, n] : heights)
    if (n > most) most = n, common = h;
  std::vector<PdfLine> body;
  for (const auto& l : lines)
    if (std::abs(l.height() * 10 - static_cast<double>(common)) < 3) body.push_back(l);
  std::map<long, int> ends;
  for (const auto& l : body) ++ends[std::lround(l.x1 * 2)];
  auto is_justified = [&](const PdfLine& l) {
    for (const auto& [edge, n] : ends)
      if (n >= 3 && std::abs(l.x1 - static_cast<double>(edge) / 2) <= 0.6) return true;
    return false;
  };
  Gaps out;
  out.body_lines = body.size();
  out.line_height = static_cast<double>(common) / 10;
  std::vector<double> gaps;
  for (const auto& l : body) {
    if (!is_justified(l) || l.words.size() < 2) continue;
    ++out.justified_lines;
    // Left to right on the page: poppler lists a right-to-left line's words in reading order,
    // which would make every gap negative.
    std::vector<PdfWord> words = l.words;
    std::sort(words.begin(), words.end(),
              [](const PdfWord& a, const PdfWord& b) { return a.x0 < b.x0; });
    for (size_t i = 0; i + 1 < words.size(); ++i)
      gaps.push_back((words[i + 1].x0 - words[i].x1) / size);
  }
  std::sort(gaps.begin(), gaps.end());
  if (!gaps.empty()) {
    out.p95 = gaps[std::min(gaps.size() - 1, gaps.size() * 95 / 100)];
    out.widest = gaps.back();
  }
  // Columns: lines whose left edges lie within an indent of each other; the lowest ends it.
  std::vector<const PdfLine*> lowest;
  std::vector<double> lefts;
  for (const auto& l : body) {
    size_t c = 0;
    while (c < lefts.size() && std::abs(l.x0 - lefts[c]) > 20) ++c;
    if (c == lefts.size()) {
      lefts.push_back(l.x0);
      lowest.push_back(&l);
    } else if (l.y0 > lowest[c]->y0) {
      lowest[c] = &l;
    }
  }
  for (const auto* l : lowest) out.column_ends.push_back(l->words.back().text);
  return out;
}

fs::path render(const fs::path& dir, const std::string& design, const std::string& lang) {
  const fs::path pdf = dir / (design + "." + lang + ".pdf");
  const std::string file = "statement." + lang + ".md";
  const auto r = run_broadside({"render", design, statement(file.c_str()), "-o", pdf.string()});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return pdf;
}

/// leaflet-a5 written to `file` without the lines that start with each of `keys`.
fs::path leaflet_without(const fs::path& file, std::initializer_list<std::string> keys) {
  std::string design = read_bytes(source_dir() / "designs" / "leaflet-a5.yaml");
  for (const std::string& key : keys) {
    const auto at = design.find(key);
    REQUIRE(at != std::string::npos);
    design.erase(at, design.find('\n', at) + 1 - at);
  }
  write_file(file, design);
  return file;
}

}  // namespace

TEST_CASE("body text: readable size, even word gaps, no column ending in a hyphen") {
  const fs::path dir = scratch_dir("body-text");
  struct Case {
    const char* design;
    const char* lang;
    int page;
    double floor;         // pt
    double p95;           // em
    bool ragged = false;  // the whole flow set ragged: one paragraph could not be justified
  };
  // The issue's limits are 0.5 em at the 95th percentile and 0.75 em at worst (#14). Russian in
  // the A4 trifold's columns cannot keep them justified (0.62 em at the 95th percentile when it
  // was): it is set ragged, a step smaller.
  const Case cases[] = {
      {"leaflet-a5", "en", 2, 8.5, 0.5},       {"leaflet-a5", "fr", 2, 8.0, 0.5},
      {"leaflet-a5", "de", 2, 8.0, 0.5},       {"trifold-a4", "en", 2, 8.0, 0.5},
      {"trifold-a4", "ru", 2, 8.0, 0.5, true}, {"booklet-a5", "de", 2, 9.0, 0.56},
  };
  for (const auto& c : cases) {
    CAPTURE(c.design);
    CAPTURE(c.lang);
    const fs::path pdf = render(dir, c.design, c.lang);
    const double size = body_size(pdf);
    CHECK(size >= c.floor);
    const Gaps g = body_gaps(pdf, c.page, size);
    if (c.ragged) {
      CHECK(g.justified_lines * 3 < g.body_lines);
    } else {
      REQUIRE(g.justified_lines > 10);
      CHECK(g.p95 <= c.p95);
    }
    CHECK(g.widest <= 0.75);
    for (const auto& end : g.column_ends) {
      CAPTURE(end);
      CHECK(end.back() != '-');
    }
  }
}

TEST_CASE("body text: a flow whose paragraphs cannot all be justified is set ragged throughout") {
  // Russian's long words in the A5 leaflet's columns: half its paragraphs would need the ragged
  // fallback, and a page mixing justified and ragged paragraphs reads as a mistake.
  const fs::path dir = scratch_dir("body-ragged-flow");
  const fs::path russian = render(dir, "leaflet-a5", "ru");
  const double size = body_size(russian);
  CHECK(size >= 8.0);
  const Gaps ru = body_gaps(russian, 2, size);
  REQUIRE(ru.body_lines > 50);
  CHECK(ru.justified_lines * 3 < ru.body_lines);
  for (const auto& end : ru.column_ends) {
    CAPTURE(end);
    CHECK(end.back() != '-');
  }
  // The design asked for justified text: the run says why it is not, and a body it justifies
  // says nothing.
  const auto said = run_broadside({"check", "leaflet-a5", statement("statement.ru.md")});
  CHECK(said.exit_code == 0);
  CHECK(said.err.find("note: frame 'body': the body is set ragged, not justified: at 8pt in these "
                      "columns its word gaps would be wide all through") != std::string::npos);
  const auto quiet = run_broadside({"check", "leaflet-a5", statement("statement.en.md")});
  CHECK(quiet.err.find("set ragged") == std::string::npos);
}

TEST_CASE("body text: a body ragged at its size justifies a step or two smaller instead") {
  // trifold-a4's English body: at 10pt one paragraph cannot be justified, and the whole body
  // went ragged; at 9.75pt every paragraph justifies. Its Spanish body had wide gaps all
  // through at 9.5pt and went ragged; at 9.25pt it justifies within the limits.
  const fs::path dir = scratch_dir("body-step-smaller");
  const std::pair<std::string, double> cases[] = {{"en", 9.75}, {"es", 9.25}};
  for (const auto& c : cases) {
    const std::string& language = c.first;
    const double expected = c.second;
    CAPTURE(language);
    const fs::path pdf = render(dir, "trifold-a4", language);
    const double size = body_size(pdf);
    CHECK(size == doctest::Approx(expected).epsilon(0.01));
    const Gaps gaps = body_gaps(pdf, 2, size);
    REQUIRE(gaps.body_lines > 50);
    CHECK(gaps.justified_lines * 2 > gaps.body_lines);
    CHECK(gaps.p95 <= 0.5);
    CHECK(gaps.widest <= 0.75);
  }
}

TEST_CASE("body text: a body a step below its largest size is feathered to fill its columns") {
  // trifold-a4's English body justifies at 9.75pt, not at 10pt: at its design's leading it
  // ended 64mm above the closing box of the last panel. Its line pitch grows (a tenth at most)
  // so that it runs on towards the box instead.
  const fs::path dir = scratch_dir("body-feathered");
  const fs::path pdf = render(dir, "trifold-a4", "en");
  const double size = body_size(pdf);
  const auto lines = pdf_lines(pdf, 2);
  const PdfLine* box = nullptr;
  for (const auto& l : lines)
    if (l.text().rfind("Join and support", 0) == 0) box = &l;
  REQUIRE(box != nullptr);
  // The last panel's body: the lines of body height left of the box's right edge and right of
  // its left, above it.
  std::vector<const PdfLine*> panel;
  for (const auto& l : lines)
    if (l.x0 > box->x0 - 30 && l.y1 <= box->y0 && std::abs(l.height() - size * 1.36) < size * 0.3)
      panel.push_back(&l);
  REQUIRE(panel.size() > 10);
  std::sort(panel.begin(), panel.end(), [](auto* a, auto* b) { return a->y0 < b->y0; });
  std::vector<double> pitches;
  for (size_t i = 1; i < panel.size(); ++i) pitches.push_back(panel[i]->y0 - panel[i - 1]->y0);
  std::sort(pitches.begin(), pitches.end());
  const double pitch = pitches.front();  // within a paragraph: no space between blocks
  INFO("pitch " << pitch << "pt at " << size << "pt");
  CHECK(pitch > size * 1.3 * 1.02);         // looser than the design's 1.3
  CHECK(pitch <= size * 1.3 * 1.1 + 0.05);  // by a tenth at most
  const double gap_mm = (box->y0 - panel.back()->y1) / 72 * 25.4;
  INFO("gap above the box " << gap_mm << "mm");
  CHECK(gap_mm < 25);
}

TEST_CASE("body text: a paragraph opening with taller script keeps clear of the one above") {
  // Each paragraph kept its own ink inside its pitch, but an English line with descenders over
  // a paragraph whose first line quotes Arabic and Hindi (taller ink) touched it, and the ink
  // check stopped the render. The paragraph now starts as far down as its ink needs.
  const fs::path dir = scratch_dir("body-tall-ink");
  std::string text = read_bytes(source_dir() / "content" / "statement.en.md");
  const std::pair<std::string, std::string> quotes[] = {
      {"The attack on immigrants is",
       "A worker in Cairo wrote: «الهجوم على المهاجرين هجوم على الطبقة العاملة بأسرها» and a "
       "worker in Shenzhen replied: “对移民的攻击就是对整个工人阶级的攻击。” "},
      {"Capitalism has shown us",
       "In Arabic the slogan reads «الاشتراكية أو البربرية», in Chinese “社会主义还是野蛮”, in "
       "Hebrew \"סוציאליזם או ברבריות\", and in Hindi “समाजवाद या बर्बरता”. "}};
  for (const auto& [before, quote] : quotes) {
    const auto at = text.find(before);
    REQUIRE(at != std::string::npos);
    text.insert(at, quote);
  }
  write_file(dir / "statement.md", text);
  for (const std::string design : {"leaflet-a5", "trifold-letter"}) {
    CAPTURE(design);
    const fs::path pdf = dir / (design + ".pdf");
    const auto r =
        run_broadside({"render", design, (dir / "statement.md").string(), "-o", pdf.string()});
    CHECK_MESSAGE(r.exit_code == 0, r.err);
  }
}

TEST_CASE("body text: a language without a hyphenation dictionary is set ragged") {
  const fs::path dir = scratch_dir("body-ragged");
  const fs::path tagalog = render(dir, "leaflet-a5", "tl");
  const Gaps tl = body_gaps(tagalog, 2, body_size(tagalog));
  REQUIRE(tl.body_lines > 50);
  // Ragged lines end anywhere; only by chance do a few share an edge.
  CHECK(tl.justified_lines * 3 < tl.body_lines);
  const fs::path english = render(dir, "leaflet-a5", "en");
  const Gaps en = body_gaps(english, 2, body_size(english));
  CHECK(en.justified_lines * 2 > en.body_lines);
  // Tagalog's long headline has more runs than the letter flyer's body, not more text: the body
  // is still the size found (9–11 pt in the design), not the headline's.
  const double flyer = body_size(render(dir, "flyer-letter", "tl"));
  CHECK(flyer >= 9.0);
  CHECK(flyer <= 11.0);
}

TEST_CASE("body text: the A5 leaflet's back page keeps its floor in every bundled language") {
  // 8.5 pt in English and 8 pt in every language (#14): the back page gives the body its room
  // first; a statement still too long is an excerpt with the read-more line, never smaller.
  const fs::path dir = scratch_dir("body-langs");
  for (const char* lang :
       {"en", "de", "fr", "es", "pt", "ru", "tl", "vi", "ht", "zh", "ko", "ar", "fa", "hi", "bn"}) {
    const std::string language = lang;
    const fs::path pdf = render(dir, "leaflet-a5", lang);
    const double size = body_size(pdf);
    const Gaps g = body_gaps(pdf, 2, size);
    INFO(language << ": body " << size << " pt, gaps p95 " << g.p95 << " em, widest " << g.widest
                  << " em, " << g.justified_lines << " of " << g.body_lines << " lines justified");
    CHECK(size >= (language == "en" ? 8.5 : 8.0));
    CHECK(g.widest <= 0.75);
  }
}

TEST_CASE("body text: a statement too long for the floor is an excerpt with the read-more line") {
  const fs::path dir = scratch_dir("body-excerpt");
  const fs::path pdf = dir / "long.pdf";
  const auto r = run_broadside(
      {"render", "leaflet-a5", statement("statement-long.en.md"), "-o", pdf.string()});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(body_size(pdf) >= 8.0);
  // Never silently: the run says how much of the body the read-more line stands for.
  CHECK(std::regex_search(
      r.err,
      std::regex(
          R"(leaflet-a5\.yaml:\d+:\d+: note: frame 'body': the body does not fit at )"
          R"(8pt, so \d+ of its \d+ paragraphs( and the first (\d+ sentences|sentence) )"
          R"(of the next)? are set and the read-more line stands for the (other \d+|rest))")));
  // The body's last line is the read-more line, after a paragraph's end.
  const std::string back = pdf_text(pdf, 2, 2);
  const auto more = back.find("Read the full statement: socialism2020.org");
  REQUIRE(more != std::string::npos);
  const std::string before = back.substr(0, more);
  const auto last = before.find_last_not_of(" \n");
  REQUIRE(last != std::string::npos);
  CHECK(std::string(".!?\u201D").find(before[last]) != std::string::npos);

  // Without a read-more line in the design, the same statement is an error naming the frame
  // and what did not fit, and nothing is written.
  const fs::path no_excerpt = leaflet_without(dir / "no-excerpt.yaml",
                                              {"        read-more: ", "        read-more-style: "});
  const fs::path none = dir / "none.pdf";
  const auto e = run_broadside(
      {"render", no_excerpt.string(), statement("statement-long.en.md"), "-o", none.string()});
  CHECK(e.exit_code != 0);
  CHECK(e.err.find("frame 'body'") != std::string::npos);
  CHECK(std::regex_search(e.err, std::regex(R"(\d+ words \(\d+ lines\) do not fit)")));
  CHECK_FALSE(fs::exists(none));
}

TEST_CASE("body text: a statement pasted as one long paragraph is an excerpt of its sentences") {
  // Not even the first paragraph fitted at the floor, so there was no excerpt to end at a
  // paragraph, and the render stopped. The excerpt is now that paragraph's first sentences.
  const fs::path dir = scratch_dir("body-one-paragraph");
  std::string text = read_bytes(source_dir() / "content" / "statement-long.en.md");
  const auto body = text.find("\n---\n") + 5;
  for (size_t at; (at = text.find("\n\n", body)) != std::string::npos;) text.replace(at, 2, " ");
  write_file(dir / "statement.md", text);
  for (const std::string design : {"leaflet-a5", "flyer-letter"}) {
    CAPTURE(design);
    const fs::path pdf = dir / (design + ".pdf");
    const auto r =
        run_broadside({"render", design, (dir / "statement.md").string(), "-o", pdf.string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.err.find("sentences of its first paragraph are set") != std::string::npos);
    const std::string all = pdf_text(pdf);
    CHECK(all.find("Read the full statement") != std::string::npos);
    CHECK(all.find("I denounce the") != std::string::npos);
  }
}

TEST_CASE("body text: a read-more line without a style of its own is set in the body's face") {
  // It asked for weight 600 of the body's family, which Noto Serif lacks: the render stopped
  // with an error about a weight no style of the design names.
  const fs::path dir = scratch_dir("read-more-default");
  const fs::path design = leaflet_without(dir / "default.yaml", {"        read-more-style: "});
  const fs::path pdf = dir / "default.pdf";
  const auto r = run_broadside(
      {"render", design.string(), statement("statement-long.en.md"), "-o", pdf.string()});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(pdf_text(pdf, 2).find("Read the full statement") != std::string::npos);
}

TEST_CASE("body text: a style of fixed size in the flow keeps its size when the body shrinks") {
  // The read-more style at a fixed 9.5pt under a body shrunk from 10.5pt to 8pt was set at 8pt:
  // scaled with the body, as a style with a range is. A postcard's 6.5pt line came out at 4.9pt
  // and failed the print check.
  const fs::path dir = scratch_dir("read-more-fixed");
  std::string design = read_bytes(source_dir() / "designs" / "leaflet-a5.yaml");
  const std::string range = "    weight: 600\n    size: 8pt..10.5pt\n";
  const auto at = design.find(range);
  REQUIRE(at != std::string::npos);
  design.replace(at, range.size(), "    weight: 600\n    size: 9.5pt\n");
  write_file(dir / "fixed.yaml", design);
  const fs::path pdf = dir / "fixed.pdf";
  const auto r = run_broadside({"render", (dir / "fixed.yaml").string(),
                                statement("statement-long.en.md"), "-o", pdf.string()});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  REQUIRE(body_size(pdf) == doctest::Approx(8.0).epsilon(0.01));
  const auto lines = pdf_lines(pdf, 2);
  REQUIRE(lines.size() > 10);
  const PdfLine* more = nullptr;
  for (const auto& l : lines)
    if (l.text().find("Read") != std::string::npos) more = &l;
  REQUIRE(more != nullptr);
  INFO(more->text());
  // Line boxes scale with the type and the face's height: Inter at 9.5pt stands 1.05 times as
  // tall as Noto Serif at the body's 8pt (the median line's), at 8pt 0.89 times.
  std::vector<double> heights;
  for (const auto& l : lines) heights.push_back(l.height());
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  CHECK(more->height() / heights[heights.size() / 2] > 1.0);
}

TEST_CASE("body text: every bundled design's justified body keeps the limits in every script") {
  // The issue's limits over each design that justifies its body, in languages of long words,
  // accents, Cyrillic and right-to-left script (#14): word gaps 0.5 em at the 95th percentile and
  // 0.75 em at worst where the body is justified, and no column or page ending in a hyphen.
  // Russian in flyer-letter cannot be justified within the limits, and ragged its four
  // paragraphs do not fit: the excerpt ends a paragraph sooner, ragged.
  const fs::path dir = scratch_dir("body-designs");
  for (const std::string& design : bundled_designs()) {
    if (read_bytes(source_dir() / "designs" / (design + ".yaml")).find("align: justify") ==
        std::string::npos)
      continue;
    for (const char* lang : {"en", "de", "fr", "es", "ru", "ar", "vi"}) {
      const fs::path pdf = render(dir, design, lang);
      const double size = body_size(pdf);
      const int pages = std::stoi(pdf_info(pdf).at("Pages"));
      for (int page = 1; page <= pages; ++page) {
        const Gaps g = body_gaps(pdf, page, size);
        // A cover's most common lines are its headline's: no body there.
        if (g.line_height > 2 * size) continue;
        INFO(design << " " << lang << " page " << page << ": body " << size << " pt, gaps p95 "
                    << g.p95 << " em, widest " << g.widest << " em, " << g.justified_lines << " of "
                    << g.body_lines << " lines justified");
        CHECK(g.p95 <= 0.5);
        CHECK(g.widest <= 0.75);
        for (const auto& end : g.column_ends) {
          CAPTURE(end);
          CHECK(end.back() != '-');
        }
      }
    }
  }
}

TEST_CASE("body text: the read-more line's address never stands alone on a line") {
  const fs::path dir = scratch_dir("read-more-address");
  for (const auto& entry : fs::directory_iterator(source_dir() / "content")) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with("statement.") || name.find("long") != std::string::npos) continue;
    // The designs with a read-more line: leaflet-a5 under an excerpt (Tagalog's), flyer-letter
    // always.
    for (const char* design : {"leaflet-a5", "flyer-letter"}) {
      CAPTURE(name);
      CAPTURE(design);
      const fs::path pdf = dir / (name + "." + design + ".pdf");
      const auto r = run_broadside({"render", design, entry.path().string(), "-o", pdf.string()});
      INFO(r.err);
      REQUIRE(r.exit_code == 0);
      for (int page : {1, 2}) {
        const auto lines = pdf_lines(pdf, page);
        for (size_t i = 1; i < lines.size(); ++i) {
          // Every read-more label ends in a colon ("Basahin ang buong pahayag:", "全文："): the
          // address on a line of its own under one is the break the line must not take.
          std::string before = lines[i - 1].text();
          while (!before.empty() &&
                 (before.back() == ' ' || before.back() == '\xa0' || before.back() == '\xc2'))
            before.pop_back();
          const bool after_label = before.ends_with(":") || before.ends_with("\uff1a");
          CHECK_FALSE((after_label && lines[i].text() == "socialism2020.org"));
        }
      }
    }
  }
}

TEST_CASE("body text: a statement set whole has no line sending its reader to the rest") {
  const fs::path dir = scratch_dir("read-more-whole");
  const fs::path whole = dir / "short.md";
  write_file(whole,
             "---\nlang: en\nheadline: Rent strike now!\nauthor: Jane Doe\n---\n"
             "Our landlords raised rents by a third this year while the heating stayed broken.\n\n"
             "Come to the meeting and bring your neighbours.\n");
  const fs::path pdf = dir / "short.pdf";
  const auto r = run_broadside({"render", "flyer-letter", whole.string(), "-o", pdf.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string text = pdf_text(pdf);
  CHECK(text.find("bring your neighbours") != std::string::npos);
  CHECK(text.find("Read the full statement") == std::string::npos);
  // The bundled statement is longer than flyer-letter's four paragraphs: the line is there.
  const fs::path excerpt = dir / "excerpt.pdf";
  REQUIRE(run_broadside(
              {"render", "flyer-letter", statement("statement.en.md"), "-o", excerpt.string()})
              .exit_code == 0);
  CHECK(pdf_text(excerpt).find("Read the full statement") != std::string::npos);
}

TEST_CASE("body text: a list and a quote stand apart from the paragraphs around them") {
  const fs::path dir = scratch_dir("block-gaps");
  const fs::path md = dir / "blocks.md";
  write_file(md,
             "---\nlang: en\nheadline: Free transit now\nauthor: Jane Doe\n---\n"
             "Fares rose by a quarter since 2019 while service was cut.\n\n"
             "- Join a local group\n- Talk to your neighbours\n\n"
             "> I spend a fifth of my wage getting to work.\n\n"
             "Run for need, transit can carry everyone.\n");
  const fs::path pdf = dir / "blocks.pdf";
  // flyer-letter: the body in one column.
  const auto r = run_broadside({"render", "flyer-letter", md.string(), "-o", pdf.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto lines = pdf_lines(pdf, 1);
  auto top_of = [&](const std::string& start) {
    for (const auto& l : lines)
      if (l.text().find(start) != std::string::npos) return l.y0;
    FAIL("no line with " << start);
    return 0.0;
  };
  const double para = top_of("Fares rose"), join = top_of("Join a local"),
               talk = top_of("Talk to your"), quote = top_of("I spend a fifth"),
               last = top_of("Run for need");
  const double pitch = talk - join;  // items run on at the body's line pitch
  REQUIRE(pitch > 5);
  CHECK(join - para > pitch * 1.3);  // the paragraph is one line
  CHECK(quote - talk > pitch * 1.3);
  CHECK(last - quote > pitch * 1.3);
}

TEST_CASE("body text: a word wider than its column is an error, never a line run into the next") {
  const fs::path dir = scratch_dir("wide-word");
  const fs::path md = dir / "wide.md";
  // Swahili has no hyphenation dictionary: 70 letters cannot break anywhere.
  write_file(md, "---\nlang: sw\nheadline: Test\nauthor: A\n---\nMaandamano ya leo ni " +
                     std::string(70, 'x') + " kabisa.\n");
  const fs::path pdf = dir / "wide.pdf";
  const auto r = run_broadside({"render", "leaflet-a5", md.string(), "-o", pdf.string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("error: frame 'body': the line \"" + std::string(40, 'x') + "…\" is ") !=
        std::string::npos);
  CHECK(r.err.find("wider than its column: a word in it cannot break") != std::string::npos);
  CHECK_FALSE(fs::exists(pdf));
  // A long web address breaks inside its path instead, and fits.
  write_file(md,
             "---\nheadline: Test\nauthor: A\n---\nThe report is at https://www.example.org/"
             "reports/2026/public-transport-fares-and-service-cuts.pdf for everyone.\n");
  const auto ok = run_broadside({"render", "leaflet-a5", md.string(), "-o", pdf.string()});
  INFO(ok.err);
  CHECK(ok.exit_code == 0);
}

TEST_CASE("body text: a hard line break in an indented, justified body keeps both lines inside") {
  // Markdown's hard break (two spaces at a line's end) starts a new Pango paragraph, which Pango
  // indents: the breaker measured that line at the full column, and justification stretched it
  // to the full column, so it ran an indent past its column's edge and the render stopped.
  const fs::path dir = scratch_dir("hard-break");
  std::string md = read_bytes(source_dir() / "content" / "statement.en.md");
  const std::string at = "an immediate end to all deportations,";
  const auto pos = md.find(at);
  REQUIRE(pos != std::string::npos);
  md.insert(pos + at.size(),
            "  \nalong with everything we ask for this year and every year after,");
  write_file(dir / "hard-break.md", md);
  for (const char* design : {"flyer-letter", "trifold-a4", "leaflet-a5"}) {
    CAPTURE(design);
    const fs::path pdf = dir / (std::string(design) + ".pdf");
    const auto r =
        run_broadside({"render", design, (dir / "hard-break.md").string(), "-o", pdf.string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const std::string text = run({"pdftotext", "-enc", "UTF-8", pdf.string(), "-"}).out;
    // The break falls where the author put it: the line ends at the comma.
    CHECK(std::regex_search(text, std::regex("deportations,\\n")));
    CHECK(text.find("along with everything") != std::string::npos);
    // The line after it is no new paragraph: not indented, and justified like the next. (It was
    // Pango's new paragraph, and indented.)
    const auto lines = pdf_lines(pdf, std::string(design) == "flyer-letter" ? 1 : 2);
    bool found = false;
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
      if (lines[i].text().rfind("along with everything", 0) != 0) continue;
      found = true;
      const PdfLine &after = lines[i], &next = lines[i + 1];
      CAPTURE(after.text());
      CAPTURE(next.text());
      CHECK(after.x0 == doctest::Approx(next.x0).epsilon(0.002));
      // The leaflet sets this statement's body ragged (the note says so), the others justify.
      if (std::string(design) != "leaflet-a5")
        CHECK(after.x1 == doctest::Approx(next.x1).epsilon(0.002));
    }
    CHECK(found);
  }
}
