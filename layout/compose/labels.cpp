// labels.cpp — the built-in labels per language. Like the translated statements, the entries
// other than en, es, fr and de should be proofread by a native speaker.
#include "compose/labels.hpp"

#include <map>

#include "core/language.hpp"

namespace broadside::compose {

namespace {

using Table = std::map<std::string, std::string>;

/// The caption under a QR code that leads to the campaign's sign-up page.
const Table& scan_captions() {
  static const Table table = {
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

/// What leads from an excerpt to where the whole statement is: "{labels.read-more} {cta.url}".
const Table& read_more() {
  static const Table table = {
      {"en", "Read the full statement:"},
      {"es", "Lee la declaración completa:"},
      {"fr", "Lisez la déclaration complète\u00a0:"},
      {"de", "Die ganze Erklärung lesen:"},
      {"pt", "Leia a declaração completa:"},
      {"ru", "Полный текст заявления:"},
      {"ar", "اقرأ البيان كاملاً:"},
      {"fa", "متن کامل بیانیه:"},
      {"zh", "阅读声明全文："},
      {"ko", "성명서 전문 읽기:"},
      {"vi", "Đọc toàn văn tuyên bố:"},
      {"tl", "Basahin ang buong pahayag:"},
      {"hi", "पूरा वक्तव्य पढ़ें:"},
      {"bn", "পুরো বিবৃতি পড়ুন:"},
      {"ht", "Li tout deklarasyon an:"},
  };
  return table;
}

/// The campaign's call to action, for a statement that gives none: the bundled statements'
/// own wording. No English entry: a design's `defaults: cta.text` is English and stands for it.
const Table& call_to_action() {
  static const Table table = {
      {"es", "Únete y apoya nuestra campaña electoral"},
      {"fr", "Rejoignez et soutenez notre campagne électorale"},
      {"de", "Macht mit und unterstützt unseren Wahlkampf"},
      {"pt", "Participe e apoie nossa campanha eleitoral"},
      {"ru", "Присоединяйтесь к нашей избирательной кампании и поддержите ее"},
      {"ar", "انضموا إلى حملتنا الانتخابية وادعموها"},
      {"fa", "به کارزار انتخاباتی ما بپیوندید و از آن حمایت کنید"},
      {"zh", "加入并支持我们的竞选运动"},
      {"ko", "우리의 선거 운동에 동참하고 지지해 주십시오"},
      {"vi", "Hãy tham gia và ủng hộ chiến dịch tranh cử của chúng tôi"},
      {"tl", "Sumali at suportahan ang aming kampanya sa halalan"},
      {"hi", "हमारे चुनाव अभियान से जुड़ें और उसका समर्थन करें"},
      {"bn", "আমাদের নির্বাচনী প্রচারে যোগ দিন এবং সমর্থন করুন"},
      {"ht", "Vin jwenn nou epi sipòte kanpay elektoral nou an"},
  };
  return table;
}

/// The heading over the demands ("We demand"); English from the design's defaults.
const Table& demands_heading() {
  static const Table table = {
      {"ar", "مطالبنا"},
      {"bn", "আমাদের দাবি"},
      {"de", "Wir fordern"},
      {"es", "Exigimos"},
      {"fa", "خواسته‌های ما"},
      {"fr", "Nous exigeons"},
      {"hi", "हमारी माँगें"},
      {"ht", "Nou mande"},
      {"ko", "우리의 요구"},
      {"pt", "Exigimos"},
      {"ru", "Мы требуем"},
      {"tl", "Hinihingi namin"},
      {"vi", "Chúng tôi yêu cầu"},
      {"zh", "我们要求"},
  };
  return table;
}

/// The heading over the statement's text ("The statement"); English from the design's defaults.
const Table& statement_heading() {
  static const Table table = {
      {"ar", "البيان"},         {"bn", "বিবৃতি"},          {"de", "Die Erklärung"},
      {"es", "La declaración"}, {"fa", "بیانیه"},         {"fr", "La déclaration"},
      {"hi", "वक्तव्य"},          {"ht", "Deklarasyon an"}, {"ko", "성명"},
      {"pt", "A declaração"},   {"ru", "Заявление"},      {"tl", "Ang pahayag"},
      {"vi", "Tuyên bố"},       {"zh", "声明"},
  };
  return table;
}

/// A meeting poster's title ("Public meeting"); English from the design's `variables:`.
const Table& meeting_title() {
  static const Table table = {
      {"ar", "اجتماع عام"},
      {"bn", "জনসভা"},
      {"de", "Öffentliche Versammlung"},
      {"es", "Reunión pública"},
      {"fa", "جلسهٔ عمومی"},
      {"fr", "Réunion publique"},
      {"hi", "सार्वजनिक सभा"},
      {"ht", "Reyinyon piblik"},
      {"ko", "공개 모임"},
      {"pt", "Reunião pública"},
      {"ru", "Открытое собрание"},
      {"tl", "Pampublikong pulong"},
      {"vi", "Cuộc họp công khai"},
      {"zh", "公开会议"},
  };
  return table;
}

using Values = std::map<std::string, core::Value>;

Values values_of(const Table& table) {
  Values out;
  for (const auto& [code, text] : table) out[code] = core::Value::scalar(text);
  return out;
}

/// Each label: its table, and whether English comes from the table (else from the design).
struct Label {
  const char* name;
  const Table& (*table)();
  bool english_from_table;
};

constexpr Label kLabels[] = {
    {"labels.scan", scan_captions, true},
    {"labels.read-more", read_more, true},
    {"cta.text", call_to_action, false},
    {"labels.demands", demands_heading, false},
    {"labels.statement", statement_heading, false},
    {"event.title", meeting_title, false},
};

}  // namespace

std::vector<std::string> label_names() {
  std::vector<std::string> out;
  for (const Label& label : kLabels) out.emplace_back(label.name);
  return out;
}

const core::Value* language_label(const std::string& name, const std::string& lang) {
  // Built once: the values live as long as the program, as the design's defaults do.
  static const std::map<std::string, Values> values = [] {
    std::map<std::string, Values> out;
    for (const Label& label : kLabels) out[label.name] = values_of(label.table());
    return out;
  }();
  for (const Label& label : kLabels) {
    if (name != label.name) continue;
    const Values& table = values.at(name);
    if (auto it = table.find(core::primary_language(lang)); it != table.end()) return &it->second;
    // A language without an entry: English, from the table or from the design's defaults.
    return label.english_from_table ? &table.at("en") : nullptr;
  }
  return nullptr;
}

}  // namespace broadside::compose
