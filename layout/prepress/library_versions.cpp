// library_versions.cpp — asks each library prepress links for its version at run time.
#include "prepress/library_versions.hpp"

#include <lcms2.h>
#include <qpdf/QPDF.hh>

namespace broadside::prepress {

std::vector<std::string> library_versions() {
  const int lcms = cmsGetEncodedCMMversion();
  return {"qpdf " + QPDF::QPDFVersion(),
          "lcms2 " + std::to_string(lcms / 1000) + "." + std::to_string(lcms / 10 % 100)};
}

}  // namespace broadside::prepress
