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
           {"ja", "スキャンして参加"},
           {"th", "สแกนเพื่อเข้าร่วม"},
           {"it", "Scansiona per unirti"},
           {"nl", "Scan en doe mee"},
           {"pl", "Zeskanuj i dołącz"},
           {"uk", "Скануйте, щоб приєднатися"},
           {"el", "Σκανάρετε για συμμετοχή"},
           {"tr", "Katılmak için tarayın"},
           {"he", "סרקו והצטרפו"},
           {"ur", "شامل ہونے کے لیے اسکین کریں"},
           {"id", "Pindai untuk bergabung"},
           {"sw", "Changanua ili ujiunge"},
           {"ro", "Scanează și alătură-te"},
           {"cs", "Naskenujte a přidejte se"},
           {"sv", "Skanna och gå med"},
           {"ta", "ஸ்கேன் செய்து இணையுங்கள்"},
           {"am", "ለመቀላቀል ይቃኙ"},
           {"hy", "Սկանավորեք՝ միանալու համար"},
           {"ka", "შემოგვიერთდით"},
           {"my", "ပါဝင်ရန် စကင်ဖတ်ပါ"},
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
           {"ja", "お問い合わせ"},
           {"th", "ติดต่อเรา"},
           {"it", "Contattaci"},
           {"nl", "Neem contact op"},
           {"pl", "Skontaktuj się z nami"},
           {"uk", "Зв’яжіться з нами"},
           {"el", "Επικοινωνήστε μαζί μας"},
           {"tr", "Bize ulaşın"},
           {"he", "צרו קשר"},
           {"ur", "ہم سے رابطہ کریں"},
           {"id", "Hubungi kami"},
           {"sw", "Wasiliana nasi"},
           {"ro", "Contactează-ne"},
           {"cs", "Kontaktujte nás"},
           {"sv", "Kontakta oss"},
           {"ta", "எங்களைத் தொடர்பு கொள்ளுங்கள்"},
           {"am", "ያግኙን"},
           {"hy", "Կապվեք մեզ հետ"},
           {"ka", "დაგვიკავშირდით"},
           {"my", "ဆက်သွယ်ရန်"},
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
           {"ja", "声明の全文はこちら："},
           {"th", "อ่านแถลงการณ์ฉบับเต็ม:"},
           {"it", "Leggi la dichiarazione completa:"},
           {"nl", "Lees de volledige verklaring:"},
           {"pl", "Przeczytaj całe oświadczenie:"},
           {"uk", "Повний текст заяви:"},
           {"el", "Διαβάστε ολόκληρη τη δήλωση:"},
           {"tr", "Açıklamanın tamamını okuyun:"},
           {"he", "קראו את ההצהרה המלאה:"},
           {"ur", "پورا بیان پڑھیں:"},
           {"id", "Baca pernyataan lengkapnya:"},
           {"sw", "Soma tamko kamili:"},
           {"ro", "Citește declarația completă:"},
           {"cs", "Přečtěte si celé prohlášení:"},
           {"sv", "Läs hela uttalandet:"},
           {"ta", "முழு அறிக்கையைப் படியுங்கள்:"},
           {"am", "ሙሉውን መግለጫ ያንብቡ፦"},
           {"hy", "Կարդացեք ամբողջական հայտարարությունը՝"},
           {"ka", "წაიკითხეთ სრული განცხადება:"},
           {"my", "ကြေညာချက် အပြည့်အစုံကို ဖတ်ရန်:"},
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
           {"ja", "私たちの選挙運動に参加し、応援してください"},
           {"th", "เข้าร่วมและสนับสนุนการหาเสียงเลือกตั้งของเรา"},
           {"it", "Unisciti e sostieni la nostra campagna elettorale"},
           {"nl", "Doe mee en steun onze verkiezingscampagne"},
           {"pl", "Dołącz i wesprzyj naszą kampanię wyborczą"},
           {"uk", "Приєднуйтеся до нашої виборчої кампанії та підтримайте її"},
           {"el", "Ελάτε μαζί μας και στηρίξτε την προεκλογική μας εκστρατεία"},
           {"tr", "Seçim kampanyamıza katılın ve destek olun"},
           {"he", "הצטרפו ותמכו בקמפיין הבחירות שלנו"},
           {"ur", "ہماری انتخابی مہم میں شامل ہوں اور اس کی حمایت کریں"},
           {"id", "Bergabunglah dan dukung kampanye pemilu kami"},
           {"sw", "Jiunge na uunge mkono kampeni yetu ya uchaguzi"},
           {"ro", "Alătură-te și susține campania noastră electorală"},
           {"cs", "Přidejte se a podpořte naši volební kampaň"},
           {"sv", "Gå med och stöd vår valkampanj"},
           {"ta", "எங்கள் தேர்தல் பிரச்சாரத்தில் இணைந்து ஆதரவு தாருங்கள்"},
           {"am", "የምርጫ ዘመቻችንን ይቀላቀሉ፣ ይደግፉም"},
           {"hy", "Միացեք և աջակցեք մեր ընտրարշավին"},
           {"ka", "შემოგვიერთდით და მხარი დაუჭირეთ ჩვენს საარჩევნო კამპანიას"},
           {"my", "ကျွန်ုပ်တို့၏ ရွေးကောက်ပွဲ မဲဆွယ်စည်းရုံးရေးတွင် ပါဝင်ပြီး ထောက်ခံပါ"},
       }},
      // The heading over the demands ("We demand"); English from the design's defaults.
      {"labels.demands",
       "",
       {
           {"ar", "مطالبنا"},
           {"bn", "আমাদের দাবি"},
           {"cs", "Požadujeme"},
           {"de", "Wir fordern"},
           {"el", "Διεκδικούμε"},
           {"es", "Exigimos"},
           {"fa", "خواسته‌های ما"},
           {"fr", "Nous exigeons"},
           {"he", "אנו דורשים"},
           {"hi", "हमारी माँगें"},
           {"ht", "Nou mande"},
           {"id", "Tuntutan kami"},
           {"it", "Rivendichiamo"},
           {"ja", "私たちの要求"},
           {"ko", "우리의 요구"},
           {"nl", "Wij eisen"},
           {"pl", "Żądamy"},
           {"pt", "Exigimos"},
           {"ro", "Cerem"},
           {"ru", "Мы требуем"},
           {"sv", "Vi kräver"},
           {"sw", "Tunadai"},
           {"ta", "எங்கள் கோரிக்கைகள்"},
           {"th", "ข้อเรียกร้องของเรา"},
           {"tl", "Hinihingi namin"},
           {"tr", "Taleplerimiz"},
           {"uk", "Ми вимагаємо"},
           {"ur", "ہمارے مطالبات"},
           {"vi", "Chúng tôi yêu cầu"},
           {"zh", "我们要求"},
           {"am", "ጥያቄዎቻችን"},
           {"hy", "Մեր պահանջները"},
           {"ka", "ჩვენი მოთხოვნები"},
           {"my", "ကျွန်ုပ်တို့၏ တောင်းဆိုချက်များ"},
       }},
      // The heading over the statement's text ("The statement"); English from the design's
      // defaults.
      {"labels.statement",
       "",
       {
           {"ar", "البيان"},
           {"bn", "বিবৃতি"},
           {"cs", "Prohlášení"},
           {"de", "Die Erklärung"},
           {"el", "Η δήλωση"},
           {"es", "La declaración"},
           {"fa", "بیانیه"},
           {"fr", "La déclaration"},
           {"he", "ההצהרה"},
           {"hi", "वक्तव्य"},
           {"ht", "Deklarasyon an"},
           {"id", "Pernyataan"},
           {"it", "La dichiarazione"},
           {"ja", "声明"},
           {"ko", "성명"},
           {"nl", "De verklaring"},
           {"pl", "Oświadczenie"},
           {"pt", "A declaração"},
           {"ro", "Declarația"},
           {"ru", "Заявление"},
           {"sv", "Uttalandet"},
           {"sw", "Tamko"},
           {"ta", "அறிக்கை"},
           {"th", "แถลงการณ์"},
           {"tl", "Ang pahayag"},
           {"tr", "Açıklama"},
           {"uk", "Заява"},
           {"ur", "بیان"},
           {"vi", "Tuyên bố"},
           {"zh", "声明"},
           {"am", "መግለጫው"},
           {"hy", "Հայտարարությունը"},
           {"ka", "განცხადება"},
           {"my", "ကြေညာချက်"},
       }},
      // A meeting poster's title ("Public meeting"); English from the design's `variables:`.
      {"event.title",
       "",
       {
           // One entry a line, like the maps above (clang-format would pack these short
           // entries in columns).
           // clang-format off
           {"am", "ሕዝባዊ ስብሰባ"},
           {"ar", "اجتماع عام"},
           {"bn", "জনসভা"},
           {"cs", "Veřejné setkání"},
           {"de", "Öffentliche Versammlung"},
           {"el", "Ανοιχτή συνέλευση"},
           {"es", "Reunión pública"},
           {"fa", "جلسهٔ عمومی"},
           {"fr", "Réunion publique"},
           {"he", "אסיפה ציבורית"},
           {"hi", "सार्वजनिक सभा"},
           {"ht", "Reyinyon piblik"},
           {"hy", "Հանրային հանդիպում"},
           {"id", "Rapat umum"},
           {"it", "Assemblea pubblica"},
           {"ja", "公開集会"},
           {"ka", "საჯარო შეხვედრა"},
           {"ko", "공개 모임"},
           {"my", "လူထု အစည်းအဝေး"},
           {"nl", "Openbare bijeenkomst"},
           {"pl", "Spotkanie otwarte"},
           {"pt", "Reunião pública"},
           {"ro", "Întâlnire publică"},
           {"ru", "Открытое собрание"},
           {"sv", "Offentligt möte"},
           {"sw", "Mkutano wa hadhara"},
           {"ta", "பொதுக் கூட்டம்"},
           {"th", "การประชุมสาธารณะ"},
           {"tl", "Pampublikong pulong"},
           {"tr", "Halka açık toplantı"},
           {"uk", "Відкриті збори"},
           {"ur", "عوامی جلسہ"},
           {"vi", "Cuộc họp công khai"},
           {"zh", "公开会议"},
           // clang-format on
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

bool lacks_label_in(const std::string& name, const std::string& lang) {
  const auto label = std::find_if(labels().begin(), labels().end(),
                                  [&](const Label& l) { return name == l.name; });
  const std::string primary = core::primary_language(lang);
  return label != labels().end() && primary != "en" && !label->texts.count(primary);
}

std::vector<std::string> label_names() {
  std::vector<std::string> out;
  for (const Label& label : labels()) out.emplace_back(label.name);
  return out;
}

}  // namespace broadside::compose
