// preflight_hostile_test.cpp — `broadside preflight` and `impose` on files made to break them:
// forms nested to explode the walk, damaged cross-reference tables, files that are not PDFs,
// malformed or degenerate boxes, print restrictions. Each is small PDF text written here, so the
// object numbers and byte offsets are exactly what each case needs.
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>

#include "cli_support.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;

namespace {

/// A PDF of `objects` (object i + 1 is objects[i]; object 1 the catalog), with a correct xref.
std::string pdf_of(const std::vector<std::string>& objects) {
  std::string out = "%PDF-1.6\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t o : offsets) {
    char line[21];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

std::string stream(const std::string& dict, const std::string& data) {
  return "<< " + dict + " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data +
         "\nendstream";
}

/// One A5 page with 3 mm bleed, `content` drawn, `resources` and `extra` page keys.
std::vector<std::string> one_page(const std::string& content, const std::string& resources = "",
                                  const std::string& extra = "",
                                  const std::string& trim = "[8.5 8.5 428.03 603.78]") {
  return {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
          "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 436.53 612.28] /TrimBox " + trim +
              " /BleedBox [0 0 436.53 612.28] /Resources << " + resources + " >> /Contents 4 0 R " +
              extra + " >>",
          stream("", content)};
}

fs::path write(const fs::path& dir, const std::string& name, const std::string& bytes) {
  const fs::path p = dir / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

struct Outcome {
  int exit_code = -1;
  nlohmann::json report;
  std::string out, err;
};

/// Under `timeout`: a hang is a failed test, not a stuck suite.
Outcome preflight(const fs::path& pdf, std::vector<std::string> options = {}) {
  std::vector<std::string> args = {"timeout", "120", BROADSIDE_BINARY};
  args.insert(args.end(), options.begin(), options.end());
  args.insert(args.end(), {"preflight", pdf.string(), "--json"});
  const auto r = run(args);
  Outcome o{r.exit_code, nullptr, r.out, r.err};
  if (!r.out.empty()) o.report = nlohmann::json::parse(r.out, nullptr, false);
  return o;
}

/// The findings of `check` with `severity` whose message holds `text`.
int count(const Outcome& o, const std::string& check, const std::string& severity,
          const std::string& text) {
  int n = 0;
  if (!o.report.is_object() || !o.report.contains("findings")) return 0;
  for (const auto& f : o.report["findings"])
    if (f["check"] == check && f["severity"] == severity &&
        f["message"].get<std::string>().find(text) != std::string::npos)
      ++n;
  return n;
}

}  // namespace

TEST_CASE("preflight hostile: forms drawing forms many times over are a finding, not a hang") {
  const fs::path dir = scratch_dir("hostile-forms");
  // 30 forms, each drawing the next 4 times: 4^12 walks even with the depth limit.
  constexpr int kForms = 30;
  auto objects = one_page("0 0 0 1 k /F5 Do\n", "/XObject << /F5 5 0 R >>");
  for (int i = 0; i < kForms; ++i) {
    const int self = 5 + i, next = self + 1;
    const bool last = i == kForms - 1;
    objects.push_back(stream("/Type /XObject /Subtype /Form /BBox [0 0 400 600] /Resources << " +
                                 (last ? std::string()
                                       : "/XObject << /F" + std::to_string(next) + " " +
                                             std::to_string(next) + " 0 R >>") +
                                 " >>",
                             last ? "10 10 5 5 re f"
                                  : "q /F" + std::to_string(next) + " Do Q q /F" +
                                        std::to_string(next) + " Do Q q /F" + std::to_string(next) +
                                        " Do Q q /F" + std::to_string(next) + " Do Q"));
  }
  const auto start = std::chrono::steady_clock::now();
  const Outcome o = preflight(write(dir, "bomb.pdf", pdf_of(objects)));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  INFO(o.out << o.err);
  CHECK(seconds < 60);
  CHECK(o.exit_code == 1);
  CHECK(count(o, "file", "error", "content too complex to check") == 1);
}

TEST_CASE("preflight hostile: SIGTERM during the ink render leaves no folder and no Ghostscript") {
  const fs::path dir = scratch_dir("hostile-sigterm");
  const fs::path tmp = dir / "tmp";
  fs::create_directories(tmp);
  // A large CMYK page: Ghostscript writes hundreds of MB of plates for a few seconds.
  const fs::path pdf = write(
      dir, "large.pdf",
      pdf_of({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
              "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 8000 8000] /TrimBox [10 10 7990 7990] "
              "/BleedBox [0 0 8000 8000] /Resources << >> /Contents 4 0 R >>",
              stream("", "0 0.5 0.5 0.2 k 0 0 8000 8000 re f")}));
  const std::string script = "TMPDIR='" + tmp.string() + "' '" + BROADSIDE_BINARY +
                             "' preflight '" + pdf.string() +
                             "' >/dev/null 2>&1 & pid=$!\n"
                             "for i in $(seq 600); do ls '" +
                             tmp.string() +
                             "'/broadside-gs-*/p1* >/dev/null 2>&1 && break; sleep 0.05; done\n"
                             "kill -TERM $pid; wait $pid; echo status=$?\n"
                             "sleep 0.5; ls -A '" +
                             tmp.string() + "'; pgrep -f '^gs .*" + tmp.string() +
                             "/' >/dev/null && echo gs-running; true\n";
  const auto r = run({"sh", "-c", script});
  INFO(r.out << r.err);
  CHECK(r.out.find("status=143") != std::string::npos);  // died by SIGTERM, as without a handler
  CHECK(r.out.find("broadside-gs-") == std::string::npos);
  CHECK(r.out.find("gs-running") == std::string::npos);
}

TEST_CASE("preflight hostile: --limit file-bytes bounds Ghostscript's plates, as its advice says") {
  const fs::path dir = scratch_dir("hostile-plate-limit");
  const fs::path pdf =
      write(dir, "cmyk.pdf", pdf_of(one_page("0 0.5 0.5 0.2 k 0 0 436.53 612.28 re f")));
  // An A5 plate at 100 dpi is about 600 kB.
  const Outcome low = preflight(pdf, {"--limit", "file-bytes=100K"});
  INFO(low.out << low.err);
  std::string ink_note;
  for (const auto& c : low.report["checks"])
    if (c["id"] == "ink")
      ink_note = c["note"].get<std::string>() + " " + c["status"].get<std::string>();
  CHECK(ink_note.find("over the file-bytes limit of 102400") != std::string::npos);
  CHECK(ink_note.find("skipped") != std::string::npos);
}

TEST_CASE("preflight hostile: a file qpdf has to repair is an error, not a silent pass") {
  const fs::path dir = scratch_dir("hostile-damaged");
  std::string text = pdf_of(one_page("0 0 0 1 k 100 100 50 50 re f"));
  const size_t at = text.rfind("startxref\n") + 10;
  text.replace(at, text.find('\n', at) - at, "999999");
  const Outcome o = preflight(write(dir, "badxref.pdf", text));
  INFO(o.out << o.err);
  CHECK(o.exit_code == 1);
  CHECK(count(o, "file", "error", "the file is damaged (qpdf: ") == 1);
  // The same file whole passes.
  CHECK(preflight(write(dir, "good.pdf", pdf_of(one_page("0 0 0 1 k 100 100 50 50 re f"))))
            .exit_code == 0);
}

TEST_CASE("preflight hostile: an empty file or one that is no PDF is said so, naming it") {
  const fs::path dir = scratch_dir("hostile-notpdf");
  const Outcome empty = preflight(write(dir, "zero.pdf", ""));
  CHECK(empty.exit_code == 1);
  CHECK(empty.err.find("zero.pdf") != std::string::npos);
  CHECK(empty.err.find("empty") != std::string::npos);
  const Outcome text = preflight(write(dir, "readme.pdf", "# broadside\n\nnot a PDF at all\n"));
  CHECK(text.exit_code == 1);
  CHECK(text.err.find("readme.pdf") != std::string::npos);
  CHECK(text.err.find("not a PDF (no %PDF header)") != std::string::npos);
  CHECK(text.err.find("trailer") == std::string::npos);
}

TEST_CASE("preflight hostile: --json on a file it cannot read still prints the report, failed") {
  const fs::path dir = scratch_dir("hostile-json-unread");
  const std::pair<std::string, std::string> files[] = {
      {"zero.pdf", ""},
      {"readme.pdf", "# broadside\n\nnot a PDF at all\n"},
      {"broken.pdf", "%PDF-1.4\nnothing after the header\n"}};
  // Not a structured binding: clang 14 cannot capture one in doctest's INFO.
  for (const auto& file : files) {
    const std::string& name = file.first;
    const fs::path pdf = write(dir, name, file.second);
    const Outcome o = preflight(pdf);
    INFO(name << ": " << o.out << o.err);
    CHECK(o.exit_code == 1);
    REQUIRE(o.report.is_object());
    CHECK(o.report["file"] == pdf.string());
    CHECK(o.report["passed"] == false);
    // The reason is stderr's line without the file name and severity in front.
    const std::string error = o.report.value("error", "");
    CHECK(!error.empty());
    CHECK(error.find('\n') == std::string::npos);
    CHECK(o.err.find(pdf.string() + ": error: " + error) != std::string::npos);
    CHECK(o.report["findings"].empty());
    REQUIRE(o.report["checks"].size() == 15);
    for (const auto& c : o.report["checks"]) CHECK(c["status"] == "skipped");
  }
}

TEST_CASE("preflight hostile: what a clip or a form's BBox cuts away is not judged") {
  const fs::path dir = scratch_dir("hostile-clip");
  // Registration colour (every plate at 100 %) inside the trim: an error when it prints.
  const std::string square = "1 1 1 1 k 100 100 50 50 re f";
  const Outcome bare = preflight(write(dir, "bare.pdf", pdf_of(one_page(square))));
  INFO(bare.out << bare.err);
  CHECK(count(bare, "registration", "error", "registration colour") == 1);
  // Clipped to a corner of the bleed it prints nowhere.
  const Outcome clipped =
      preflight(write(dir, "clipped.pdf", pdf_of(one_page("q 0 0 8 8 re W n " + square + " Q"))));
  INFO(clipped.out << clipped.err);
  CHECK(count(clipped, "registration", "error", "") == 0);
  // The clip ends with its q/Q: the same square after it prints again.
  const Outcome after =
      preflight(write(dir, "after.pdf", pdf_of(one_page("q 0 0 8 8 re W n Q " + square))));
  CHECK(count(after, "registration", "error", "registration colour") == 1);
  // A form (an imposed page) paints nothing outside its BBox: its slug's marks are cut away.
  auto objects = one_page("/F5 Do", "/XObject << /F5 5 0 R >>");
  objects.push_back(stream("/Type /XObject /Subtype /Form /BBox [0 0 8 8]", square));
  const Outcome form = preflight(write(dir, "form.pdf", pdf_of(objects)));
  INFO(form.out << form.err);
  CHECK(count(form, "registration", "error", "") == 0);
  CHECK(form.exit_code == 0);
}

TEST_CASE("preflight hostile: an image wholly outside the BleedBox is not judged for its ppi") {
  const fs::path dir = scratch_dir("hostile-image-slug");
  // 10 x 10 pixels over 40pt: 18ppi, an error wherever it prints.
  auto page_with_image_at = [](double x) {
    const std::string placed = "q 40 0 0 40 " + std::to_string(x) + " 300 cm /Im5 Do Q";
    return std::vector<std::string>{
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 500 612.28] /TrimBox [8.5 8.5 428.03 "
        "603.78] /BleedBox [0 0 436.53 612.28] /Resources << /XObject << /Im5 5 0 R >> >> "
        "/Contents 4 0 R >>",
        stream("", placed),
        stream("/Type /XObject /Subtype /Image /Width 10 /Height 10 /ColorSpace /DeviceGray "
               "/BitsPerComponent 8",
               std::string(100, '\x80'))};
  };
  const Outcome inside = preflight(write(dir, "inside.pdf", pdf_of(page_with_image_at(200))));
  INFO(inside.out << inside.err);
  CHECK(count(inside, "images", "error", "18ppi at its printed size") == 1);
  // In the slug, right of the BleedBox (x 450-490 of a 500pt wide MediaBox).
  const Outcome slug = preflight(write(dir, "slug.pdf", pdf_of(page_with_image_at(450))));
  INFO(slug.out << slug.err);
  CHECK(count(slug, "images", "error", "") == 0);
  CHECK(count(slug, "images", "warning", "") == 0);
  CHECK(slug.exit_code == 0);
  std::string note;
  for (const auto& c : slug.report["checks"])
    if (c["id"] == "images")
      note = c["note"].get<std::string>() + " " + c["status"].get<std::string>();
  CHECK(note == "1 placed images; 1 wholly outside the BleedBox, never printed, not judged passed");
}

TEST_CASE("preflight hostile: the same paper turned is no size warning; a turned page a note") {
  const fs::path dir = scratch_dir("hostile-turned");
  // Two pages of one content; page 2's boxes and keys as given. A5 with 3 mm bleed.
  const std::string portrait =
      "/MediaBox [0 0 436.53 612.28] /TrimBox [8.5 8.5 428.03 603.78] /BleedBox [0 0 436.53 "
      "612.28]";
  const std::string landscape =
      "/MediaBox [0 0 612.28 436.53] /TrimBox [8.5 8.5 603.78 428.03] /BleedBox [0 0 612.28 "
      "436.53]";
  auto two_pages = [&](const std::string& second) {
    return pdf_of({"<< /Type /Catalog /Pages 2 0 R >>",
                   "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
                   "<< /Type /Page /Parent 2 0 R " + portrait + " /Contents 5 0 R >>",
                   "<< /Type /Page /Parent 2 0 R " + second + " /Contents 5 0 R >>",
                   stream("", "0 0 0 1 k 100 100 50 50 re f")});
  };
  auto boxes = [](const Outcome& o, const std::string& severity) {
    std::vector<std::string> out;
    for (const auto& f : o.report["findings"])
      if (f["check"] == "boxes" && f["severity"] == severity)
        out.push_back(f["message"].get<std::string>());
    return out;
  };
  // Landscape boxes turned upright by /Rotate: the same paper, read the same way.
  const Outcome upright =
      preflight(write(dir, "upright.pdf", two_pages(landscape + " /Rotate 90")));
  INFO(upright.out << upright.err);
  CHECK(upright.exit_code == 0);
  CHECK(boxes(upright, "warning").empty());
  CHECK(boxes(upright, "note").empty());
  // The same boxes turned by /Rotate: the same paper, read the other way: a note, not a warning.
  const Outcome turned = preflight(write(dir, "turned.pdf", two_pages(portrait + " /Rotate 90")));
  INFO(turned.out << turned.err);
  CHECK(turned.exit_code == 0);
  CHECK(boxes(turned, "warning").empty());
  CHECK(boxes(turned, "note") ==
        std::vector<std::string>{"the same 148.0mm x 210.0mm trim as page 1, but it reads "
                                 "landscape (/Rotate 90) where page 1 reads portrait"});
  // Landscape boxes unrotated: the same paper too.
  const Outcome across = preflight(write(dir, "across.pdf", two_pages(landscape)));
  CHECK(boxes(across, "warning").empty());
  CHECK(boxes(across, "note") ==
        std::vector<std::string>{"the same 210.0mm x 148.0mm trim as page 1, but it reads "
                                 "landscape where page 1 reads portrait"});
  // Another paper is still a warning.
  const Outcome a6 = preflight(write(
      dir, "a6.pdf",
      two_pages("/MediaBox [0 0 314.65 436.53] /TrimBox [8.5 8.5 306.15 428.03] /BleedBox [0 0 "
                "314.65 436.53]")));
  CHECK(boxes(a6, "warning") ==
        std::vector<std::string>{"trimmed to 105.0mm x 148.0mm, but page 1 is 148.0mm x "
                                 "210.0mm: pages of different sizes"});
}

TEST_CASE("preflight hostile: ink on a page with /Rotate is measured inside its own BleedBox") {
  const fs::path dir = scratch_dir("hostile-rotate-ink");
  // 360 % in a square inside the trim, and a 360 % bar in the slug right of the BleedBox (where
  // printer's marks go); Ghostscript draws the page turned.
  const std::string heavy = "0.9 0.9 0.9 0.9 k 100 100 50 50 re f 450 0 40 612.28 re f";
  for (const char* rotate : {"0", "90", "180", "270"}) {
    const std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        std::string("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 500 612.28] /TrimBox [8.5 8.5 "
                    "428.03 603.78] /BleedBox [0 0 436.53 612.28] /Rotate ") +
            rotate + " /Contents 4 0 R >>",
        stream("", heavy)};
    const Outcome o = preflight(write(dir, std::string("r") + rotate + ".pdf", pdf_of(objects)));
    INFO("/Rotate " << std::string(rotate) << ": " << o.out << o.err);
    REQUIRE(count(o, "ink", "error", "") == 1);
    for (const auto& f : o.report["findings"]) {
      if (f["check"] != "ink") continue;
      // The square, from the trim's top-left: 32.3 mm across, 160.1 mm down (to its top), 17.6
      // mm a side, and the finding's box is 1.25 mm wider each way; the bar in the slug is not
      // measured.
      const auto& r = f["rect_mm"];
      auto near = [](const nlohmann::json& v, double want) {
        return std::abs(v.get<double>() - want) < 0.6;
      };
      CHECK(near(r[0], 32.3 - 1.25));
      CHECK(near(r[1], 160.1 - 1.25));
      CHECK(near(r[2], 17.6 + 2.5));
      CHECK(near(r[3], 17.6 + 2.5));
    }
  }
}

TEST_CASE("impose hostile: an owner-password file is imposed unencrypted; errors name the file") {
  const fs::path dir = scratch_dir("hostile-impose");
  const fs::path plain = write(dir, "plain.pdf", pdf_of(one_page("0 0 0 1 k 100 100 50 50 re f")));
  const fs::path owner = dir / "enc_owner.pdf", user = dir / "enc_user.pdf";
  REQUIRE(run({"qpdf", "--encrypt", "", "own", "256", "--print=none", "--", plain.string(),
               owner.string()})
              .exit_code == 0);
  REQUIRE(run({"qpdf", "--encrypt", "u", "own", "256", "--", plain.string(), user.string()})
              .exit_code == 0);
  const fs::path out = dir / "sheets.pdf";
  const auto imposed = run_broadside(
      {"impose", owner.string(), "-o", out.string(), "--sheet", "SRA3", "--layout", "2x2"});
  INFO(imposed.out << imposed.err);
  CHECK(imposed.exit_code == 0);
  CHECK(imposed.err.find("INTERNAL ERROR") == std::string::npos);
  CHECK(run({"qpdf", "--show-encryption", out.string()}).out.find("not encrypted") !=
        std::string::npos);
  const fs::path empty = write(dir, "zero.pdf", ""), text = write(dir, "notpdf.pdf", "hello\n");
  for (const fs::path& bad : {user, empty, text}) {
    const auto r = run_broadside({"impose", bad.string(), "-o", (dir / "x.pdf").string(), "--sheet",
                                  "SRA3", "--layout", "2x2"});
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(bad.filename().string()) != std::string::npos);
    CHECK(r.err.find("input.pdf") == std::string::npos);
  }
}

TEST_CASE("preflight hostile: boxes that pass by accident: no area, cropped, rotated, malformed") {
  const fs::path dir = scratch_dir("hostile-boxes");
  const std::string art = "0 0 0 1 k 100 100 50 50 re f";
  struct Case {
    const char* name;
    std::string pdf;
    const char* check;
    const char* text;
  };
  const std::vector<Case> cases = {
      {"trim_zero", pdf_of(one_page(art, "", "", "[8.5 8.5 8.5 8.5]")), "boxes", "no area"},
      {"crop_small", pdf_of(one_page(art, "", "/CropBox [100 100 300 400]")), "boxes",
       "the CropBox cuts inside the TrimBox"},
      {"rotate45", pdf_of(one_page(art, "", "/Rotate 45")), "boxes", "not a multiple of 90"},
      {"trim_3elems", pdf_of(one_page(art, "", "", "[8.5 8.5 428]")), "boxes",
       "the TrimBox is malformed"},
      {"trim_bad", pdf_of(one_page(art, "", "", "[8.5 8.5 (x) 603]")), "boxes",
       "the TrimBox is malformed"},
      {"nopages",
       pdf_of({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"}),
       "file", "no pages"},
  };
  for (const auto& c : cases) {
    const Outcome o = preflight(write(dir, std::string(c.name) + ".pdf", c.pdf));
    INFO(c.name << ": " << o.out << o.err);
    CHECK(o.exit_code == 1);
    CHECK(count(o, c.check, "error", c.text) >= 1);
  }
  // Rotated by a quarter turn is fine.
  CHECK(preflight(write(dir, "rotate90.pdf", pdf_of(one_page(art, "", "/Rotate 90")))).exit_code ==
        0);
}

TEST_CASE("preflight hostile: art to the trim edge with little bleed is a warning") {
  const fs::path dir = scratch_dir("hostile-bleed");
  const std::string fill = "0 0 0 1 k 0 0 436.53 612.28 re f";
  auto with_bleed = [&](const std::string& bleed, const std::string& content) {
    auto objects = one_page(content);
    const std::string from = "/BleedBox [0 0 436.53 612.28]";
    objects[2].replace(objects[2].find(from), from.size(), "/BleedBox " + bleed);
    return pdf_of(objects);
  };
  const Outcome one =
      preflight(write(dir, "bleed1.pdf", with_bleed("[5.67 5.67 430.86 606.61]", fill)));
  INFO(one.out);
  CHECK(one.exit_code == 0);
  CHECK(count(one, "boxes", "warning", "bleed is 1.0 mm, print shops ask 3 mm") == 1);
  const Outcome none =
      preflight(write(dir, "bleed0.pdf", with_bleed("[8.5 8.5 428.03 603.78]", fill)));
  CHECK(count(none, "boxes", "warning", "bleed is 0.0 mm") == 1);
  // A small bleed with nothing at the edge needs nothing more.
  const Outcome inside = preflight(write(
      dir, "inside.pdf", with_bleed("[5.67 5.67 430.86 606.61]", "0 0 0 1 k 100 100 50 50 re f")));
  CHECK(count(inside, "boxes", "warning", "bleed is") == 0);
}

TEST_CASE("preflight hostile: a file whose permissions forbid printing fails") {
  const fs::path dir = scratch_dir("hostile-noprint");
  const fs::path plain = write(dir, "plain.pdf", pdf_of(one_page("0 0 0 1 k 100 100 50 50 re f")));
  const fs::path locked = dir / "noprint.pdf";
  REQUIRE(run({"qpdf", "--encrypt", "", "own", "256", "--print=none", "--", plain.string(),
               locked.string()})
              .exit_code == 0);
  const Outcome o = preflight(locked);
  INFO(o.out << o.err);
  CHECK(o.exit_code == 1);
  CHECK(count(o, "file", "error", "do not allow printing") == 1);
}
