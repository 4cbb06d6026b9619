// security_test.cpp — the README's "Security" guarantees that no other test shows: broadside
// starts no program but Ghostscript, and only for `broadside preflight FILE`; and the machine's
// fontconfig configuration is never read, whatever the environment says.
#include <fstream>

#include "cli_support.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& file, const std::string& text, fs::perms perms = fs::perms::none) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
  if (perms != fs::perms::none) fs::permissions(file, perms);
}

/// Programs a layout engine might be tempted to call: each one only records that it ran.
constexpr const char* kDecoys[] = {"gs",      "gsc",      "qpdf",     "pdftoppm",     "pdftocairo",
                                   "convert", "magick",   "inkscape", "rsvg-convert", "curl",
                                   "wget",    "fc-cache", "fc-match", "sh",           "bash",
                                   "python3", "xdg-open", "lpr"};

}  // namespace

TEST_CASE("security: render, check and impose run no program; preflight runs only Ghostscript") {
  const fs::path dir = scratch_dir("security-programs");
  const fs::path log = dir / "ran.log";
  for (const char* name : kDecoys)
    write(dir / "bin" / name,
          "#!/bin/sh\necho \"" + std::string(name) + " $*\" >> '" + log.string() + "'\nexit 1\n",
          fs::perms::owner_all | fs::perms::group_read | fs::perms::others_read);
  // Only the decoys can be found: anything started by name would leave a line in the log.
  const std::map<std::string, std::string> env = {{"PATH", (dir / "bin").string()}};
  const fs::path out = dir / "out";

  auto r = run_broadside({"render", "leaflet-a5", statement("statement.en.md"), "-o",
                          (out / "x.pdf").string(), "-o", (out / "x.png").string(), "--dpi", "36"},
                         env);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  r = run_broadside({"render", "trifold-a4", statement("statement.en.md"), "-o",
                     (out / "print.pdf").string(), "--pdfx", "4", "--marks", "all"},
                    env);
  CHECK(r.exit_code == 0);
  r = run_broadside({"impose", (out / "x.pdf").string(), "-o", (out / "sheets.pdf").string(),
                     "--sheet", "A4", "--layout", "2x1"},
                    env);
  CHECK(r.exit_code == 0);
  r = run_broadside({"check", "poster-a3", statement("statement.en.md")}, env);
  CHECK(r.exit_code == 0);
  CHECK_FALSE(fs::exists(log));

  // `broadside preflight FILE` measures a CMYK file's ink with Ghostscript: that, and only that
  // (the decoy fails, so the ink is reported as not checked).
  run_broadside({"preflight", (out / "print.pdf").string()}, env);
  REQUIRE(fs::exists(log));
  std::ifstream in(log);
  int lines = 0;
  for (std::string line; std::getline(in, line); ++lines) {
    INFO(line);
    CHECK(line.rfind("gs -q -dSAFER ", 0) == 0);
  }
  CHECK(lines >= 1);
}

TEST_CASE("security: a FONTCONFIG_FILE in the environment is never read") {
  const fs::path dir = scratch_dir("security-fontconfig");
  // Were this read (by librsvg drawing the SVG's text, through the process-wide fontconfig),
  // fontconfig would complain about it on stderr.
  write(dir / "evil.conf", "<fontconfig><dir>/nonexistent</dir><this is not XML");
  write(dir / "logo.svg",
        R"(<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40">)"
        R"(<text x="0" y="30" font-family="Inter" font-size="24">Vote</text></svg>)");
  write(dir / "statement.md", "---\nlang: en\nheadline: A short headline\n---\nOne paragraph.\n");
  write(dir / "d.yaml",
        "name: svg-text\npage: {size: A6, margins: 8mm}\nstyles: {s: {font: [Inter], size: 9pt}}\n"
        "pages:\n  - frames:\n      - {image: logo.svg, area: {top: 0, height: 20mm}}\n"
        "      - {text: \"{headline}\", style: s, area: {top: 30mm, height: 20mm}}\n");
  const auto r =
      run_broadside({"render", (dir / "d.yaml").string(), (dir / "statement.md").string(), "-o",
                     (dir / "out" / "x.pdf").string(), "--no-preflight"},
                    {{"FONTCONFIG_FILE", (dir / "evil.conf").string()}});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("Fontconfig") == std::string::npos);
  CHECK(r.err.find("evil.conf") == std::string::npos);
  CHECK(fs::exists(dir / "out" / "x.pdf"));
}
