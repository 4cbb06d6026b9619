// test_main.cpp — the doctest runner shared by every test executable, made safe for ctest's
// one-test-case-per-test registration.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>

namespace {

/// How many test cases the run's filters selected, from doctest's own count.
struct SelectedCount : doctest::IReporter {
  static inline unsigned selected = 0;
  explicit SelectedCount(const doctest::ContextOptions&) {}
  void report_query(const doctest::QueryData&) override {}
  void test_run_start() override {}
  void test_run_end(const doctest::TestRunStats& stats) override {
    selected = stats.numTestCasesPassingFilters;
  }
  void test_case_start(const doctest::TestCaseData&) override {}
  void test_case_reenter(const doctest::TestCaseData&) override {}
  void test_case_end(const doctest::CurrentTestCaseStats&) override {}
  void test_case_exception(const doctest::TestCaseException&) override {}
  void subcase_start(const doctest::SubcaseSignature&) override {}
  void subcase_end() override {}
  void log_assert(const doctest::AssertData&) override {}
  void log_message(const doctest::MessageData&) override {}
  void test_case_skipped(const doctest::TestCaseData&) override {}
};
REGISTER_LISTENER("selected-count", 0, SelectedCount);

bool has_option(int argc, char** argv, std::initializer_list<const char*> names) {
  for (int i = 1; i < argc; ++i)
    for (const char* name : names)
      if (std::strncmp(argv[i], name, std::strlen(name)) == 0) return true;
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  doctest::Context context(argc, argv);
  if (has_option(argc, argv, {"--list-test-cases", "-ltc"})) {
    // doctest_discover_tests registers one ctest per name listed here, and CMake cuts a name at
    // a ';' (its list separator): the test then selected nothing and passed without running.
    // '?' is doctest's one-character wildcard, so the name stays whole and still selects it.
    std::ostringstream listing;
    context.setCout(&listing);
    const int status = context.run();
    std::string names = listing.str();
    std::replace(names.begin(), names.end(), ';', '?');
    std::cout << names;
    return status;
  }
  const int status = context.run();
  if (status == 0 && !context.shouldExit() && SelectedCount::selected == 0 &&
      has_option(argc, argv, {"--test-case=", "-tc="})) {
    std::cerr << "no test case matches the --test-case filter: a name that ran nothing is a "
                 "test that cannot fail\n";
    return 1;
  }
  return status;
}
