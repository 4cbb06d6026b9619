// sanitizer_defaults.cpp — built into sanitized programs only: LeakSanitizer ignores what the
// system libraries keep for the life of the process (fontconfig's and Pango's caches, GLib's
// type system); leaks in broadside's own code are still reported and fail the run.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n"
         "leak:libpango-1.0.so\n"
         "leak:libpangoft2-1.0.so\n"
         "leak:libpangocairo-1.0.so\n"
         "leak:libglib-2.0.so\n"
         "leak:libgobject-2.0.so\n"
         "leak:libgio-2.0.so\n"
         "leak:libharfbuzz.so\n"
         "leak:libcairo.so\n"
         "leak:librsvg-2.so\n"
         "leak:libgdk_pixbuf-2.0.so\n"
         // libhyphen 2.8.8 leaks pattern strings inside hnj_hyphen_load() even after
         // hnj_hyphen_free() (de, fr, ru, uk dictionaries; a plain C program that loads and
         // frees one shows it). Broadside loads with its own reader (text/hyphen_loader.cpp);
         // its test still calls hnj_hyphen_load to compare. Hyphenator frees every rep/pos/cut.
         "leak:libhyphen.so\n";
}

extern "C" const char* __lsan_default_options() {
  // Suppressed system-library leaks must not print a table on stderr: the CLI tests check
  // that a clean run writes nothing there.
  return "print_suppressions=0";
}

extern "C" const char* __asan_default_options() {
  // Fuzz targets and tests fork and exec: keep reports in the child's own stderr.
  return "detect_leaks=1:abort_on_error=0:print_summary=1";
}

extern "C" const char* __ubsan_default_options() {
  return "print_stacktrace=1:halt_on_error=1";
}
