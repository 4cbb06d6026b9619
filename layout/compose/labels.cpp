// labels.cpp — the built-in labels per language. Like the translated statements, the entries
// other than en, es, fr and de should be proofread by a native speaker.
#include "compose/labels.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include "core/language.hpp"

namespace broadside::compose {

namespace {

/// One label: the variable it fills, its text per language, and the language whose text a
/// language without an entry gets ("": none, so the design's default stands).
struct Label {
  const char* name;
  const char* fallback;
  std::map<std::string, std::string> texts;
};

const std::vector<Label>& labels() {
  static const std::vector<Label> table = {
      // The caption under a QR code that leads to the campaign's sign-up page.
      {"labels.scan",
       "en",
       {
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
       }},
      // What heads a branch's contact when a poster names no meeting ("Get in touch").
      {"labels.contact",
       "en",
       {
           {"en", "Get in touch"},
           {"es", "Ponte en contacto"},
           {"fr", "Contactez-nous"},
           {"de", "Kontakt"},
           {"pt", "Entre em contato"},
           {"ru", "Свяжитесь с нами"},
           {"ar", "تواصلوا معنا"},
           {"fa", "با ما در تماس باشید"},
           {"zh", "联系我们"},
           {"ko", "연락하기"},
           {"vi", "Liên hệ với chúng tôi"},
           {"tl", "Makipag-ugnayan"},
           {"hi", "संपर्क करें"},
           {"bn", "যোগাযোগ করুন"},
           {"ht", "Kontakte nou"},
       }},
      // What leads from an excerpt to where the whole statement is: "{labels.read-more}
      // {cta.url}".
      {"labels.read-more",
       "en",
       {
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
       }},
      // The campaign's call to action, for a statement that gives none: the bundled statements'
      // own wording. No English entry: a design's `defaults: cta.text` is English and stands for
      // it.
      {"cta.text",
       "",
       {
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
       }},
      // The heading over the demands ("We demand"); English from the design's defaults.
      {"labels.demands",
       "",
       {
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
       }},
      // The heading over the statement's text ("The statement"); English from the design's
      // defaults.
      {"labels.statement",
       "",
       {
           {"ar", "البيان"},
           {"bn", "বিবৃতি"},
           {"de", "Die Erklärung"},
           {"es", "La declaración"},
           {"fa", "بیانیه"},
           {"fr", "La déclaration"},
           {"hi", "वक्तव्य"},
           {"ht", "Deklarasyon an"},
           {"ko", "성명"},
           {"pt", "A declaração"},
           {"ru", "Заявление"},
           {"tl", "Ang pahayag"},
           {"vi", "Tuyên bố"},
           {"zh", "声明"},
       }},
      // A meeting poster's title ("Public meeting"); English from the design's `variables:`.
      {"event.title",
       "",
       {
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
       }},
  };
  return table;
}

/// The labels' texts as values, by label name, then language.
using Values = std::map<std::string, std::map<std::string, core::Value>>;

Values label_values() {
  Values out;
  for (const Label& label : labels())
    for (const auto& [code, text] : label.texts) out[label.name][code] = core::Value::scalar(text);
  return out;
}

}  // namespace

const core::Value* language_label(const std::string& name, const std::string& lang) {
  static const Values values = label_values();
  const auto label = std::find_if(labels().begin(), labels().end(),
                                  [&](const Label& l) { return name == l.name; });
  if (label == labels().end()) return nullptr;
  const auto& texts = values.at(label->name);
  auto it = texts.find(core::primary_language(lang));
  if (it == texts.end()) it = texts.find(label->fallback);
  return it != texts.end() ? &it->second : nullptr;
}

std::vector<std::string> label_names() {
  std::vector<std::string> out;
  for (const Label& label : labels()) out.emplace_back(label.name);
  return out;
}

}  // namespace broadside::compose
