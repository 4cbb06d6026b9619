// library_versions.cpp — asks each library text links for its version at run time.
#include "text/library_versions.hpp"

#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <pango/pango.h>
#include <unicode/uversion.h>

namespace broadside::text {

std::vector<std::string> library_versions() {
  const int fc = FcGetVersion();
  UVersionInfo icu;
  u_getVersion(icu);
  char icu_text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(icu, icu_text);
  return {std::string("pango ") + pango_version_string(),
          std::string("harfbuzz ") + hb_version_string(),
          "fontconfig " + std::to_string(fc / 10000) + "." + std::to_string(fc / 100 % 100) + "." +
              std::to_string(fc % 100),
          std::string("icu ") + icu_text, "libhyphen (no version given)"};
}

}  // namespace broadside::text
