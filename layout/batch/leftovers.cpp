// leftovers.cpp — finding and removing ".<file>.XXXXXX" temporaries of owned outputs.
#include "batch/leftovers.hpp"

#include <cctype>

namespace broadside::batch {

namespace fs = std::filesystem;

namespace {

/// mkstemp's suffix: six letters or digits.
constexpr size_t kSuffixLength = 6;

/// "x-2.png" -> "x.png"; other names unchanged.
std::string without_page_number(const std::string& name) {
  const size_t dot = name.rfind('.');
  const size_t stem_end = dot == std::string::npos ? name.size() : dot;
  size_t digits = stem_end;
  while (digits > 0 && std::isdigit(static_cast<unsigned char>(name[digits - 1]))) --digits;
  if (digits == stem_end || digits == 0 || name[digits - 1] != '-') return name;
  return name.substr(0, digits - 1) + name.substr(stem_end);
}

/// The output a temporary belongs to, or "" when `name` is not one of ours.
std::string temporary_for(const std::string& name) {
  if (name.size() < kSuffixLength + 3 || name[0] != '.') return {};
  const size_t dot = name.size() - kSuffixLength - 1;
  if (name[dot] != '.') return {};
  for (size_t i = dot + 1; i < name.size(); ++i)
    if (!std::isalnum(static_cast<unsigned char>(name[i]))) return {};
  return name.substr(1, dot - 1);
}

}  // namespace

void remove_stale_temporaries(const OwnedOutputs& owned) {
  for (const auto& [folder, names] : owned) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      const std::string target = temporary_for(entry.path().filename().string());
      if (target.empty()) continue;
      if (names.count(target) || names.count(without_page_number(target)))
        fs::remove(entry.path(), ec);  // best effort: a leftover costs only disk space
    }
  }
}

}  // namespace broadside::batch
