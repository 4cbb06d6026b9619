// hyphenator_test.cpp — dictionaries come from the folder the run names, and each language
// loads on its own: a job in French never waits while German's dictionary loads.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>

#include "text/hyphenator.hpp"
#include "text_fixture.hpp"

using namespace broadside;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

/// A folder of its own for a test's dictionaries (each folder is loaded once per process).
fs::path dictionary_folder(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("broadside-hyphen-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("dictionaries come from the folder given, not a fixed one") {
  const fs::path dir = dictionary_folder("folder");
  CHECK_FALSE(text::Hyphenator::for_language("en", dir));  // an empty folder: no English
  const fs::path other = dictionary_folder("other");
  fs::copy_file(text::testing::kHyphenationDir / "hyph_en_US.dic", other / "hyph_en_US.dic");
  const auto en = text::Hyphenator::for_language("en", other);
  REQUIRE(en);
  CHECK(en->file() == (other / "hyph_en_US.dic").string());
  CHECK(text::Hyphenator::is_loaded("en", other));
  fs::remove_all(dir);
  fs::remove_all(other);
}

TEST_CASE("a language loads without waiting for another language's dictionary") {
  const fs::path dir = dictionary_folder("parallel");
  // German made slow to load: its patterns many times over (the loader reads them all).
  const std::string german = read(text::testing::kHyphenationDir / "hyph_de_DE.dic");
  const size_t end = german.find("\nNOHYPHEN");  // the first level's patterns end here
  REQUIRE(end != std::string::npos);
  const size_t patterns = german.find("\n", german.find("COMPOUNDLEFTHYPHENMIN")) + 1;
  std::string slow = german.substr(0, end + 1);
  for (int i = 0; i < 30; ++i) slow += german.substr(patterns, end + 1 - patterns);
  std::ofstream(dir / "hyph_de_DE.dic", std::ios::binary) << slow;
  fs::copy_file(text::testing::kHyphenationDir / "hyph_fr.dic", dir / "hyph_fr.dic",
                fs::copy_options::none);

  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  auto de =
      std::async(std::launch::async, [&] { return text::Hyphenator::for_language("de", dir); });
  // Well inside German's load (hundreds of milliseconds), so French asks while it runs.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const auto fr = text::Hyphenator::for_language("fr", dir);
  const auto french_done = Clock::now();
  REQUIRE(fr);
  // With one lock over every load, French would have waited for German to finish.
  CHECK_MESSAGE(de.wait_for(std::chrono::seconds(0)) != std::future_status::ready,
                "French waited for German's dictionary");
  CHECK_FALSE(text::Hyphenator::is_loaded("de", dir));
  const auto german_dict = de.get();
  const auto german_done = Clock::now();
  REQUIRE(german_dict);
  CHECK(text::Hyphenator::is_loaded("de", dir));
  INFO("French after " << std::chrono::duration<double, std::milli>(french_done - start).count()
                       << " ms, German after "
                       << std::chrono::duration<double, std::milli>(german_done - start).count()
                       << " ms");
  CHECK(french_done < german_done);
  // The same language asked for twice is loaded once and shared.
  CHECK(text::Hyphenator::for_language("de", dir) == german_dict);
  fs::remove_all(dir);
}
