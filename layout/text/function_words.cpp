// function_words.cpp — the function word lists as data: one space-separated string per
// language, looked up once into sets. Extend a list by adding words; nothing else changes.
#include "text/function_words.hpp"

#include <glib.h>

#include <map>
#include <set>
#include <sstream>

#include "core/handle.hpp"
#include "core/language.hpp"

namespace broadside::text {

namespace {

constexpr std::string_view kNorwegian =
    "en et ei den det de og eller men for av til i på med fra om under over mot uten ved etter "
    "gjennom hos vår våre alle mellom";
constexpr std::string_view kMalay =
    "dan atau tetapi tapi serta di ke dari untuk dengan pada oleh dalam bagi tentang terhadap "
    "kepada yang para sang si semua seluruh kita kami melawan demi antara tanpa";
constexpr std::string_view kCroatian =
    "i a ali ili u na s sa za od do iz o po pri prema protiv bez kroz nad pod pred među naš "
    "naša naše naši svi sve te niti";

// Articles, prepositions, conjunctions and possessive determiners: words that lead into the
// phrase after them. Lower case; the short-word rule (1–3 letters) catches most others in
// languages written with an alphabet.
const std::map<std::string, std::string_view>& tables() {
  static const std::map<std::string, std::string_view> t = {
      {"en",
       "a an the and or but nor for of to in on at by with from into onto upon as per via than "
       "if so yet our your their its his her my no not against about over under after before "
       "between without within through during toward towards since until across among"},
      {"de",
       "der die das den dem des ein eine einen einem einer eines und oder aber sondern denn "
       "für gegen mit von vom zu zum zur im in an am ans auf aus bei beim nach seit über "
       "unter vor durch ohne um bis als wie dass unser unsere unseren unserer alle allen aller "
       "allem jede jeden jeder "
       "gegenüber zwischen während wegen trotz"},
      {"fr",
       "le la les un une des du de au aux et ou mais ni car pour par sur sous dans en à avec "
       "sans contre vers chez entre que qui nos notre leur leurs ses son sa ce cet cette ces "
       "tous toutes dès depuis pendant selon malgré"},
      {"es",
       "el la los las un una unos unas y e o u ni pero sino de del a al en con por para sin "
       "contra sobre entre hacia desde hasta que nuestra nuestro nuestras nuestros su sus "
       "todos todas tras ante bajo según durante"},
      {"pt",
       "o a os as um uma uns umas e ou mas nem de do da dos das em no na nos nas ao aos à às "
       "por pelo pela pelos pelas para com sem contra sobre entre até desde que nossa nosso "
       "nossas nossos seu sua seus suas todos todas após ante perante durante"},
      {"it",
       "il lo la i gli le un uno una e ed o ma né di del dello della dei degli delle a al "
       "allo alla ai agli alle da dal dallo dalla dai dagli dalle in nel nello nella nei negli "
       "nelle con su sul sullo sulla sui per tra fra contro senza che nostro nostra nostri "
       "nostre tutti tutte verso durante"},
      {"nl",
       "de het een en of maar want voor van met op in aan bij uit naar om tot door tegen "
       "zonder over onder als dat ons onze alle tussen na sinds"},
      {"pl",
       "i a w we z ze na do od o u po za przez dla bez przy przed pod nad oraz lub albo ale "
       "że czy nasz nasza nasze naszych wszystkie wszystkich przeciw przeciwko między"},
      {"ru",
       "и в во на с со к ко о об обо от по за из у для без при про над под перед через до "
       "а но или да не ни что как наш наша наше наши все всех против между после"},
      {"uk",
       "і й та в у на з із зі до від за по про для без при над під через а але чи що як "
       "наш наша наше наші всі проти між після"},
      {"cs",
       "a i v ve s se z ze k ke o u na do od po za pro při před pod nad bez přes ale nebo "
       "že náš naše naši všechny proti mezi"},
      {"sv",
       "en ett den det de och eller men för av till i på med från om under över mot utan "
       "vid efter genom vår våra alla mellan"},
      {"tl", "ang ng mga sa at o para kay ni si ay na ating aming laban"},
      // Greek without its accents: capitals drop them ("ΚΑΤΑ"), so words are compared bare.
      {"el",
       "ο η το οι τα του της των τον την τους τις ενας μια ενα ενος μιας εναν και η αλλα "
       "ουτε ειτε σε στο στη στην στον στα στους στις στου στης με απο για προς κατα μετα "
       "χωρις υπερ ως μεχρι εως εναντια αντι παρα να θα δεν μην που οτι ολοι ολες ολα ολων"},
      {"ro",
       "un o unei unui al a ai ale cel cea cei cele și şi sau dar nici de la în pe cu din "
       "pentru prin spre fără despre după până între contra împotriva că să nu nostru noastră "
       "noștri noastre toți toate"},
      {"ca",
       "el la els les un una uns unes i o però ni de del dels a al als en amb per pel pels "
       "sense contra sobre entre cap des fins que nostre nostra nostres tots totes durant"},
      {"da",
       "en et den det de og eller men for af til i på med fra om under over mod uden ved "
       "efter gennem hos vores alle mellem"},
      {"nb", kNorwegian},
      {"nn", kNorwegian},
      {"no", kNorwegian},
      {"id", kMalay},
      {"ms", kMalay},
      {"sw", "na au lakini kwa katika ya wa la za cha vya kwenye hadi dhidi kutoka kama"},
      {"hr", kCroatian},
      {"bs", kCroatian},
      // Serbian is written in both scripts.
      {"sr",
       "и а али или у на с са за од до из о по при према против без кроз над под пред међу "
       "наш наша наше наши сви све те ни i a ali ili u na s sa za od do iz o po pri prema "
       "protiv bez kroz nad pod pred među naš naša naše naši svi sve te ni"},
      {"sk",
       "a i v vo s so z zo k ku o u na do od po za pre pri pred pod nad bez cez ale alebo že "
       "náš naša naše všetci proti medzi"},
      {"sl", "in ali a v na s z za od do iz o po pri proti brez skozi nad pod pred med vsi"},
      {"bg",
       "и в във на с със към о от по за из у при през до без над под пред между а но или че "
       "като наш наша наше наши всички против след"},
      {"hu", "a az egy és vagy de sem hogy mint minden"},
      {"fi", "ja tai mutta sekä eli kaikki"},
      {"he", "של את על עם אל מן או אבל גם נגד בין כל כי אם למען עבור בשביל כדי"},
      {"ur", "اور یا ایک سب"},
      {"ht", "ak nan pou sou ki pa e oswa men kont tout yon"},
      {"tr", "ve veya ama bir bu şu her"},
      {"ar", "في من إلى على عن مع ضد و أو ثم حتى لـ بـ كل أجل ذلك هذه هذا التي الذي"},
      {"fa", "و در از به با برای تا که یا علیه این آن هر"},
      {"hi", "और या एक सभी"},
      {"bn", "ও এবং বা কিন্তু সব এই"},
      {"vi",
       "và của cho với trong các những một là để từ hoặc nhưng tại về theo chống mọi cuộc sự việc "
       "vào"},
      {"ko", "및 또는 그리고 모든"},
      // Languages whose postpositions are mostly suffixes: the conjunctions lead on.
      {"ta", "மற்றும் அல்லது ஆனால் அனைத்து எல்லா"},
      {"hy", "և ու կամ բայց ամբողջ բոլոր"},
      {"ka", "და ან მაგრამ ყველა"},
      {"am", "ወይም ግን ሁሉም"},
      // Chinese words a line should not end on; the word iterator finds them as words.
      {"zh",
       "和 与 及 跟 同 在 对 把 被 从 向 为 给 于 以 由 将 或 而 并 让 使 所有 一切 针对 关于 "
       "对于 通过 根据 按照 由于 除了 为了 反对"},
      // Thai words as libthai segments them: the prefixes that make a noun of the next word
      // (การ, ความ, ผู้, นัก, ชาว), prepositions, conjunctions, relative and quantifying words.
      {"th",
       "การ ความ ผู้ นัก ชาว ของ แห่ง และ หรือ แต่ ที่ ซึ่ง ใน บน จาก กับ แก่ เพื่อ สำหรับ ต่อ "
       "โดย ถึง ตาม ระหว่าง ทุก ไม่ ถ้า หาก เมื่อ ต่อต้าน"},
  };
  return t;
}

/// Words that belong with the word before them: postpositions (Hindi and Urdu "में", "के
/// लिए", Bengali "জন্য", Turkish "için", Persian "را") and determiners set after their noun
/// (Haitian "imigran yo", "Pati Demokrat la"). A line may end after them, never before.
const std::map<std::string, std::string_view>& trailing() {
  static const std::map<std::string, std::string_view> t = {
      {"hi", "का की के में से पर को तक लिए ने वाला वाले वाली ओर द्वारा"},
      {"ur", "کا کی کے میں سے پر کو تک لیے نے والا والے والی"},
      {"bn", "জন্য থেকে সঙ্গে দিয়ে কাছে মধ্যে বিরুদ্ধে"},
      {"tr", "ile için gibi kadar karşı göre"},
      {"fa", "را"},
      {"ht", "la a an lan yo"},
      {"th", "ทั้งหมด ทั้งสิ้น นี้ นั้น ด้วย เท่านั้น ๆ"},
      // Armenian "for", "against" and Georgian "for", "against" follow their noun.
      {"hy", "համար դեմ մասին հետ"},
      {"ka", "წინააღმდეგ შესახებ"},
  };
  return t;
}

/// Coordinating conjunctions: what follows them is a new phrase, so nothing binds to them.
const std::map<std::string, std::string_view>& conjunctions() {
  static const std::map<std::string, std::string_view> t = {
      {"en", "and or but nor"},
      {"de", "und oder aber sondern"},
      {"fr", "et ou mais ni"},
      {"es", "y e o u ni pero"},
      {"pt", "e ou mas nem"},
      {"it", "e ed o ma né"},
      {"nl", "en of maar"},
      {"pl", "i oraz lub albo ale"},
      {"ru", "и или но а"},
      {"uk", "і й та чи але а"},
      {"cs", "a i nebo ale"},
      {"sv", "och eller men"},
      {"el", "και η ουτε ειτε"},
      {"ro", "și şi sau dar nici"},
      {"ca", "i o però ni"},
      {"da", "og eller men"},
      {"nb", "og eller men"},
      {"nn", "og eller men"},
      {"no", "og eller men"},
      {"id", "dan atau tetapi serta"},
      {"ms", "dan atau tetapi serta"},
      {"sw", "na au lakini"},
      {"hr", "i ili ali a te niti"},
      {"bs", "i ili ali a te niti"},
      {"sr", "и или али а i ili ali a"},
      {"sk", "a i alebo ale"},
      {"sl", "in ali a"},
      {"bg", "и или но а"},
      {"hu", "és vagy de sem"},
      {"fi", "ja tai mutta sekä"},
      {"he", "או אבל"},
      {"tl", "at o pero ngunit subalit"},
      {"ht", "e epi oswa men"},
      {"tr", "ve veya ama fakat"},
      {"ar", "و أو لكن"},
      {"fa", "و یا اما"},
      {"hi", "और या लेकिन तथा एवं"},
      {"ur", "اور یا لیکن"},
      {"bn", "ও এবং বা কিন্তু"},
      {"vi", "và hoặc nhưng"},
      {"th", "และ หรือ แต่"},
      {"ko", "및 또는 그리고"},
      {"ta", "மற்றும் அல்லது ஆனால்"},
      {"hy", "և ու կամ բայց"},
      {"ka", "და ან მაგრამ"},
      {"am", "ወይም ግን"},
  };
  return t;
}

/// The word as the tables hold it: Greek without its accents and diaeresis, which its capitals
/// drop; every other language as written.
std::string table_form(std::string_view word, const std::string& lang) {
  if (core::primary_language(lang) != "el") return std::string(word);
  core::Handle<gchar, g_free> nfd(
      g_utf8_normalize(word.data(), static_cast<gssize>(word.size()), G_NORMALIZE_NFD));
  if (!nfd) return std::string(word);
  std::string out;
  for (const char* p = nfd.get(); *p; p = g_utf8_next_char(p))
    if (g_unichar_type(g_utf8_get_char(p)) != G_UNICODE_NON_SPACING_MARK)
      out.append(p, static_cast<size_t>(g_utf8_next_char(p) - p));
  return out;
}

using WordSets = std::map<std::string, std::set<std::string, std::less<>>>;

/// A table's lists split into sets once, so a lookup is a search, not a parse.
WordSets sets_of(const std::map<std::string, std::string_view>& table) {
  WordSets out;
  for (const auto& [language, words] : table) {
    std::istringstream in{std::string(words)};
    for (std::string w; in >> w;) out[language].insert(w);
  }
  return out;
}

bool in_sets(const WordSets& sets, std::string_view word, const std::string& lang) {
  const auto it = sets.find(core::primary_language(lang));
  return it != sets.end() && it->second.count(table_form(word, lang)) > 0;
}

}  // namespace

bool is_conjunction(std::string_view word, const std::string& lang) {
  static const WordSets sets = sets_of(conjunctions());
  return in_sets(sets, word, lang);
}

bool is_trailing_word(std::string_view word, const std::string& lang) {
  static const WordSets sets = sets_of(trailing());
  return in_sets(sets, word, lang);
}

bool is_function_word(std::string_view word, const std::string& lang) {
  static const WordSets sets = sets_of(tables());
  return in_sets(sets, word, lang);
}

bool short_word_rule_applies(const std::string& lang) {
  // Vietnamese writes syllables apart, so its short words are ordinary content.
  const std::string script = core::script_for(lang);
  return (script == "Latn" || script == "Cyrl" || script == "Grek") &&
         core::primary_language(lang) != "vi";
}

}  // namespace broadside::text
