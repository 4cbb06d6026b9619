// install_test.cpp — `cmake --install` into a temporary prefix gives a program that runs from
// any folder on its own data (P/share/broadside), with its man page and shell completions.
#include "cli_support.hpp"

using namespace broadside::testing;
namespace fs = std::filesystem;

TEST_CASE("install: the installed program renders from another folder with its own data") {
  const fs::path prefix = scratch_dir("install-prefix");
  const fs::path build = fs::path(BROADSIDE_BINARY).parent_path();
  const auto installed = run({"cmake", "--install", build.string(), "--prefix", prefix.string()});
  INFO(installed.out << installed.err);
  REQUIRE(installed.exit_code == 0);
  const fs::path bin = prefix / "bin" / "broadside";
  const fs::path data = prefix / "share" / "broadside";
  REQUIRE(fs::exists(bin));
  for (const char* file :
       {"designs/leaflet-a5.yaml", "designs/fonts/noto.yaml", "fonts/broadside.conf",
        "data/icc/broadside-fogra39l.icc", "content/statement.en.md", "docs/design.schema.json"})
    CHECK_MESSAGE(fs::exists(data / file), file);
  for (const char* file :
       {"share/man/man1/broadside.1", "share/bash-completion/completions/broadside",
        "share/zsh/site-functions/_broadside", "share/fish/vendor_completions.d/broadside.fish"})
    CHECK_MESSAGE(fs::exists(prefix / file), file);

  // Each installed design's editor line finds its schema in the install, as in the source tree.
  for (const auto& entry : fs::directory_iterator(data / "designs")) {
    if (entry.path().extension() != ".yaml") continue;
    const std::string text = read_bytes(entry.path());
    const std::string line = "# yaml-language-server: $schema=";
    REQUIRE_MESSAGE(text.rfind(line, 0) == 0, entry.path());
    const std::string target = text.substr(line.size(), text.find('\n') - line.size());
    CHECK_MESSAGE(fs::exists(data / "designs" / target), entry.path() << " -> " << target);
  }

  // A design only the installed data has proves which data folder the program reads.
  std::string design = read_bytes(data / "designs" / "poster-a3.yaml");
  design.replace(design.find("name: poster-a3"), 15, "name: installed-only");
  write_file(data / "designs" / "installed-only.yaml", design);
  const fs::path elsewhere = scratch_dir("install-elsewhere");
  const std::map<std::string, std::string> env = {{"BROADSIDE_DATA", ""}};
  const auto designs = run({bin.string(), "designs"}, env, elsewhere);
  CHECK(designs.exit_code == 0);
  CHECK(designs.out.find("installed-only") != std::string::npos);
  const auto rendered =
      run({bin.string(), "render", "installed-only", "-o", "poster.pdf", "--color", "cmyk"}, env,
          elsewhere);
  INFO(rendered.err);
  CHECK(rendered.exit_code == 0);
  CHECK(fs::file_size(elsewhere / "poster.pdf") > 10000);
  CHECK(pdf_text(elsewhere / "poster.pdf").find("socialism2020.org") != std::string::npos);

  // BROADSIDE_DATA still wins.
  const auto overridden = run({bin.string(), "render", "installed-only", "-o", "x.pdf"},
                              {{"BROADSIDE_DATA", (source_dir()).string()}}, elsewhere);
  CHECK(overridden.exit_code == 1);
  CHECK_FALSE(fs::exists(elsewhere / "x.pdf"));

  // `serve` becomes the installed helper (P/libexec/broadside/broadside-serve), which links the
  // web server: it starts, prints its address, and runs until stopped.
  CHECK(fs::exists(prefix / "libexec" / "broadside" / "broadside-serve"));
  const auto served =
      run({"timeout", "--signal=TERM", "3", bin.string(), "serve", "--port", "0"}, env, elsewhere);
  INFO(served.err);
  CHECK(served.out.find("broadside serve: http://127.0.0.1:") != std::string::npos);
  const auto wrong = run({bin.string(), "serve", "--designs", "nowhere"}, env, elsewhere);
  CHECK(wrong.exit_code == 1);
  CHECK(wrong.err.find("'nowhere' is not a folder") != std::string::npos);

  const auto version = run({bin.string(), "--version"}, env, elsewhere);
  CHECK(version.out.find("cairo ") != std::string::npos);
  CHECK(version.out.find("pango ") != std::string::npos);
  CHECK(version.out.find("harfbuzz ") != std::string::npos);
  CHECK(version.out.find("qpdf ") != std::string::npos);
}

TEST_CASE("install: the man page formats without warnings") {
  const auto man = run(
      {"groff", "-man", "-Tutf8", "-ww", "-z", (source_dir() / "docs" / "broadside.1").string()});
  CHECK(man.exit_code == 0);
  CHECK(man.err.empty());
}
