// labels.cpp — the built-in labels per language. Like the translated statements, the entries
// other than en, es, fr and de should be proofread by a native speaker.
#include "compose/labels.hpp"

#include <map>

#include "core/language.hpp"

namespace broadside::compose {

namespace {

/// The caption under a QR code that leads to the campaign's sign-up page.
const std::map<std::string, std::string>& scan_captions() {
  static const std::map<std::string, std::string> table = {
      {"en", "Scan to join"},
      {"es", "Escanea para unirte"},
      {"fr", "Scannez pour nous rejoindre"},
      {"de", "Scannen und mitmachen"},
      {"pt", "Escaneie para participar"},
      {"ru", "Сканируйте, чтобы присоединиться"},
      {"ar", "امسح الرمز للانضمام"},
      {"fa", "برای پیوستن اسکن کنید"},
      {"zh", "扫码加入"},
      {"ko", "스캔하여 함께하기"},
      {"vi", "Quét mã để tham gia"},
      {"tl", "I-scan para sumali"},
      {"hi", "जुड़ने के लिए स्कैन करें"},
      {"bn", "যোগ দিতে স্ক্যান করুন"},
      {"ht", "Eskane pou w antre"},
  };
  return table;
}

}  // namespace

const core::Value* language_label(const std::string& name, const std::string& lang) {
  if (name != "labels.scan") return nullptr;
  static const std::map<std::string, core::Value> values = [] {
    std::map<std::string, core::Value> out;
    for (const auto& [code, text] : scan_captions()) out[code] = core::Value::scalar(text);
    return out;
  }();
  auto it = values.find(core::primary_language(lang));
  return it != values.end() ? &it->second : &values.at("en");
}

}  // namespace broadside::compose
