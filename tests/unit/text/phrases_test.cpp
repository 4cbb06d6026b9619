// phrases_test.cpp — display lines break between phrases: what bind_phrases binds.
#include <doctest/doctest.h>
#include <glib.h>

#include <algorithm>

#include "text/function_words.hpp"
#include "text/hyphen_policy.hpp"
#include "text/phrases.hpp"
#include "text/vietnamese_words.hpp"
#include "text/word_breaks.hpp"

using namespace broadside;

namespace {
std::string bound(const std::string& s, const std::string& lang, bool hyphens = true) {
  return text::bind_phrases(core::RichText::plain(s), lang, {.keep_hyphenated = hyphens}).text;
}
constexpr const char* kNbsp = "\u00A0";
constexpr const char* kWj = "\u2060";
}  // namespace

TEST_CASE("function words and short words hold on to the next word, acronyms do not") {
  CHECK(bound("Abolish ICE and CBP! For a socialist policy", "en") ==
        std::string("Abolish ICE and") + kNbsp + "CBP! For" + kNbsp + "a" + kNbsp +
            "socialist policy");
  CHECK(bound("Für eine sozialistische Politik", "de") ==
        std::string("Für") + kNbsp + "eine" + kNbsp + "sozialistische Politik");
  CHECK(bound("Halte à toutes les rafles", "fr") ==
        std::string("Halte à") + kNbsp + "toutes" + kNbsp + "les" + kNbsp + "rafles");
  CHECK(bound("За социалистическую политику", "ru") ==
        std::string("За") + kNbsp + "социалистическую политику");
  CHECK(bound("¡Por una política", "es") ==
        std::string("¡Por") + kNbsp + "una" + kNbsp + "política");
  // Vietnamese syllables are not function words for being short ("bỏ tù": imprison; "Bãi bỏ",
  // abolish, is one word of two).
  CHECK(bound("Bỏ tù ICE", "vi") == "Bỏ tù ICE");
  CHECK(bound("Bãi bỏ ICE", "vi") == std::string("Bãi") + kNbsp + "bỏ ICE");
  CHECK(text::is_function_word("les", "fr-CA"));
  // Languages no bundled statement is written in: Greek in capitals, which drop its accents,
  // and in lower case with them; Romanian, Indonesian, Swahili, Hebrew.
  CHECK(bound("ΟΧΙ ΣΤΙΣ ΕΠΙΔΡΟΜΕΣ ΚΑΤΑ ΤΩΝ ΜΕΤΑΝΑΣΤΩΝ", "el") ==
        std::string("ΟΧΙ ΣΤΙΣ") + kNbsp + "ΕΠΙΔΡΟΜΕΣ ΚΑΤΑ" + kNbsp + "ΤΩΝ" + kNbsp + "ΜΕΤΑΝΑΣΤΩΝ");
  CHECK(text::is_function_word("κατά", "el"));
  CHECK(text::is_function_word("των", "el-GR"));
  CHECK(text::is_conjunction("και", "el"));
  CHECK(text::is_function_word("pentru", "ro"));
  CHECK(text::is_function_word("untuk", "id"));
  CHECK(text::is_function_word("dhidi", "sw"));
  CHECK(text::is_function_word("נגד", "he"));
  CHECK(text::is_function_word("למען", "he"));
  // Tamil, Armenian, Georgian, Amharic: conjunctions lead on ("ICE மற்றும் / CBP" was set),
  // and Armenian's postpositions stay with their noun.
  CHECK(bound("ICE மற்றும் CBP ஒழி", "ta") == std::string("ICE மற்றும்") + kNbsp + "CBP ஒழி");
  CHECK(text::is_conjunction("და", "ka"));
  CHECK(text::is_conjunction("ወይም", "am"));
  CHECK(text::is_trailing_word("դեմ", "hy"));
  CHECK(text::is_function_word("կամ", "hy"));
  CHECK_FALSE(text::is_function_word("μετανάστες", "el"));
  CHECK_FALSE(text::is_function_word("raids", "en"));
}

TEST_CASE("numbers keep their units and dates; hard hyphens hold unless asked not to") {
  CHECK(bound("Saturday, 14 March 2026", "en") ==
        std::string("Saturday, 14") + kNbsp + "March" + kNbsp + "2026");
  CHECK(bound("anti-immigrant raids", "en") == std::string("anti-") + kWj + "immigrant raids");
  CHECK(bound("anti-immigrant raids", "en", false) == "anti-immigrant raids");
}

TEST_CASE("a word of signs only stays with the word before it: no line starts with a lone ★") {
  CHECK(bound("Housing for all ✊ 🏠", "en") ==
        std::string("Housing for") + kNbsp + "all" + kNbsp + "✊" + kNbsp + "🏠");
  CHECK(bound("Rents went up — no! ★", "en") ==
        std::string("Rents went up") + kNbsp + "— no!" + kNbsp + "★");
  // A sign inside a word, or a word that starts with one, is a word.
  CHECK(bound("Call ☎555 now", "en") == "Call ☎555 now");
}

TEST_CASE("Chinese breaks only between words, dates whole") {
  const std::string s = bound("2026年3月14日", "zh");
  // Word joiners between every character of the date: no break inside it.
  std::string plain;
  for (size_t i = 0; i < s.size(); ++i)
    if (s.compare(i, 3, kWj) == 0)
      i += 2;
    else
      plain += s[i];
  CHECK(plain == "2026年3月14日");
  CHECK(s.find(std::string("年") + kWj + "3") != std::string::npos);
  CHECK(s.find(std::string("3") + kWj + "月") != std::string::npos);
  CHECK(bound("移民", "zh") == std::string("移") + kWj + "民");
  // A function word leads into a Latin word as into a Chinese one: no line ends "ICE和".
  CHECK(bound("和CBP", "zh") == std::string("和") + kWj + "CBP");
  CHECK(bound("边界CBP", "zh").find(std::string("界") + kWj + "C") == std::string::npos);
}

TEST_CASE("Vietnamese: a word of several syllables stays on one line") {
  const std::string nb = kNbsp;
  // "bố ráp" (raid), "người nhập cư" (immigrant); "cuộc", a classifier, leads into its noun.
  CHECK(bound("Chấm dứt mọi cuộc bố ráp nhắm vào người nhập cư!", "vi") ==
        "Chấm" + nb + "dứt mọi" + nb + "cuộc" + nb + "bố" + nb + "ráp nhắm vào" + nb + "người" +
            nb + "nhập" + nb + "cư!");
  // Each word whole, and the space between two words left to break.
  CHECK(bound("chính sách xã hội", "vi") == "chính" + nb + "sách xã" + nb + "hội");
  // Decomposed accents and capitals find the same word.
  CHECK(bound("Chi\u0301nh Sa\u0301ch", "vi") == "Chi\u0301nh" + nb + "Sa\u0301ch");
  // Punctuation between two syllables parts them; no other language is read so.
  CHECK(bound("bố, ráp", "vi") == "bố, ráp");
  CHECK(bound("người nhập", "en").find(nb) == std::string::npos);
  CHECK(text::vietnamese_word_syllables("người", "nhập", "cư") == 3);
  CHECK(text::vietnamese_word_syllables("nhập", "cư", "") == 2);
  CHECK(text::vietnamese_word_syllables("cư", "nhập", "") == 1);
}

TEST_CASE("sentences after the first start a new line") {
  const auto t = text::break_sentences(
      core::RichText::plain("Stop the raids! Close the camps. U.S. troops out"), "en");
  CHECK(t.text == "Stop the raids!\u2028Close the camps.\u2028U.S. troops out");
  CHECK_FALSE(text::has_inner_sentence_end(core::RichText::plain("Strike!"), "en"));
  CHECK(text::break_sentences(core::RichText::plain("废除ICE！争取"), "zh").text ==
        "废除ICE！\u2028争取");
}

TEST_CASE("a sentence set on lines of its own keeps a short last word with the one before") {
  auto kept = [](const std::string& s, const std::string& lang) {
    return text::bind_phrases(core::RichText::plain(s), lang, {.keep_sentence_ends = true}).text;
  };
  auto has = [](const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
  };
  // Arabic's "and" is written on to the next word: "وCBP!" would stand alone on its line.
  const std::string ar = "ألغوا وكالتَي ICE وCBP! من أجل سياسة اشتراكية";
  CHECK(has(kept(ar, "ar"), std::string("ICE") + kNbsp + "وCBP!"));
  CHECK(has(bound(ar, "ar"), "ICE وCBP!"));  // only where asked
  // Each sentence's end, the text's last included; a long last word and a two-word sentence
  // stay free.
  const std::string en =
      kept("Close the camps now! Abolish them all! Open borders! Defend immigrant workers", "en");
  CHECK(has(en, std::string("camps") + kNbsp + "now!"));
  CHECK(has(en, std::string("them") + kNbsp + "all!"));
  CHECK(has(en, "Open borders!"));
  CHECK(has(en, "immigrant workers"));
  // No words, or marks alone: nothing to keep.
  CHECK(kept("", "en").empty());
  CHECK(kept("  ! ", "en") == "  ! ");
}

TEST_CASE("sentence ends in running text, in every script's full stop") {
  const std::string en = "Stop the raids. U.S. troops out! Close the camps";
  CHECK(text::sentence_ends(en) == std::vector<size_t>{en.find(" U.S."), en.find(" Close")});
  // Devanagari's danda and Arabic's question mark end a sentence as a full stop does.
  const std::string hi = "छापे बंद करो। सीमाएँ खोलो";
  CHECK(text::sentence_ends(hi) == std::vector<size_t>{hi.find(" सीमाएँ")});
  const std::string ar = "لماذا الآن؟ لأن العمال ينهضون";
  CHECK(text::sentence_ends(ar) == std::vector<size_t>{ar.find(" لأن")});
  // Chinese has no space after its full stop; the last sentence's end is no place to cut.
  const std::string zh = "废除ICE。争取开放边界。";
  CHECK(text::sentence_ends(zh) == std::vector<size_t>{zh.find("争")});
  CHECK(text::sentence_ends("One sentence only.").empty());
  // A sentence's end now breaks a display line in those scripts too.
  CHECK(text::break_sentences(core::RichText::plain(hi), "hi").text ==
        "छापे बंद करो।\u2028सीमाएँ खोलो");
}

TEST_CASE("names and a paragraph's last word are never hyphenated") {
  // "New Orleans, Houston and unpopularity": points inside Orleans, Houston and the last word go.
  const std::string s = "New Orleans, Houston and unpopularity";
  const auto at = [&](const char* w, size_t k) { return s.find(w) + k; };
  const std::vector<size_t> points = {at("Orleans", 2), at("Houston", 4), at("unpop", 2)};
  CHECK(text::allowed_hyphen_points(s, points, "en").empty());
  const std::string t = "unpopularity of Houston";
  CHECK(text::allowed_hyphen_points(t, {2, 4}, "en") == std::vector<size_t>{2, 4});
  // German nouns are capitalised: long compounds still break, short capitalised words do not.
  const std::string de = "die Zufluchtsstädte in Hamburg heute";
  const size_t z = de.find("Zuflucht") + 8, h = de.find("Hamburg") + 3;
  CHECK(text::allowed_hyphen_points(de, {z, h}, "de") == std::vector<size_t>{z});
  // A capital that only opens a sentence says nothing: "Democrats" may break there, not where
  // the paragraph names "Houston" inside a sentence too.
  const std::string u = "Democrats worked. \u201CHouston\u201D agreed with Houston today";
  const size_t d = u.find("Demo") + 4, o = u.find("Houston") + 4;
  CHECK(text::allowed_hyphen_points(u, {d, o}, "en") == std::vector<size_t>{d});
  const std::string v = "The raids. Unpopularity grew in Chicago. Immigrants";
  const size_t n = v.find("Unpop") + 2, c = v.find("Chicago") + 3;
  CHECK(text::allowed_hyphen_points(v, {n, c}, "en") == std::vector<size_t>{n});
}

TEST_CASE("nothing binds to a conjunction: a verb's particle may end a line") {
  CHECK(bound("Macht mit und unterstützt", "de") ==
        std::string("Macht mit und") + kNbsp + "unterstützt");
  CHECK(bound("for and against", "en") == std::string("for and") + kNbsp + "against");
  // A short content word binds in strict phrases, not when only function words bind.
  CHECK(bound("Stop all raids", "en") == std::string("Stop all") + kNbsp + "raids");
  CHECK(
      text::bind_phrases(core::RichText::plain("Stop all raids"), "en", {.bind_short_words = false})
          .text == "Stop all raids");
}

TEST_CASE("a phrase too wide for the line breaks after its first word, then its next") {
  // Wider than the line: more than 14 bytes, spaces included.
  text::PhraseRules rules;
  rules.too_wide = [](std::string_view phrase) { return phrase.size() > 14; };
  auto loose = [&](const std::string& s) {
    return text::bind_phrases(core::RichText::plain(s), "en", rules).text;
  };
  // "against the immigrants" (22) loses its first binding; "the immigrants" (14) holds.
  CHECK(loose("raids against the immigrants") ==
        std::string("raids against the") + kNbsp + "immigrants");
  // Phrases that fit keep every binding: "for a cause" is 11.
  CHECK(loose("Stop all raids for a cause") ==
        std::string("Stop all") + kNbsp + "raids for" + kNbsp + "a" + kNbsp + "cause");
  // Loosened while the rest is too wide: "to the of the nation" (20) and "the of the nation"
  // (17) lose their first bindings, "of the nation" (13) holds.
  CHECK(loose("to the of the nation") ==
        std::string("to the of") + kNbsp + "the" + kNbsp + "nation");
  // Without the rule nothing is loosened.
  CHECK(bound("raids against the immigrants", "en") ==
        std::string("raids against") + kNbsp + "the" + kNbsp + "immigrants");
}

TEST_CASE("postpositions and determiners after their noun hold on to the word before them") {
  // Hindi: "in America" is "अमेरिका में"; a line may end after "में", never before it.
  CHECK(bound("अमेरिका में प्रवासियों के लिए न्याय", "hi") ==
        std::string("अमेरिका") + kNbsp + "में प्रवासियों" + kNbsp + "के" + kNbsp + "लिए न्याय");
  CHECK(text::is_trailing_word("से", "hi-IN"));
  CHECK(!text::is_function_word("में", "hi"));
  // Turkish "için" (for) and Bengali "জন্য" (for) follow their noun.
  CHECK(bound("göçmenler için adalet", "tr") == std::string("göçmenler") + kNbsp + "için adalet");
  CHECK(bound("সবার জন্য শিক্ষা", "bn") == std::string("সবার") + kNbsp + "জন্য শিক্ষা");
  // Haitian determiners: "imigran yo" (the immigrants), "Pati Demokrat la" — and "yo" no
  // longer holds on to the word after it as a short word would.
  CHECK(bound("kont imigran yo ak travayè", "ht") ==
        std::string("kont") + kNbsp + "imigran" + kNbsp + "yo ak" + kNbsp + "travayè");
  CHECK(bound("Pati Demokrat la, pa", "ht") == std::string("Pati Demokrat") + kNbsp + "la, pa");
  // Not across a comma, nor onto a word in quotes.
  CHECK(bound("imigran, yo", "ht") == "imigran, yo");
  CHECK(bound("imigran «yo»", "ht") == "imigran «yo»");
}

TEST_CASE("nothing binds to a conjunction in the languages listed later either") {
  // Haitian "nou epi" (us and): the pronoun stays with "jwenn", "epi" leads the next phrase.
  CHECK(bound("Vin jwenn nou epi sipòte", "ht") ==
        std::string("Vin") + kNbsp + "jwenn nou epi" + kNbsp + "sipòte");
  CHECK(text::is_conjunction("at", "tl"));
  CHECK(text::is_conjunction("और", "hi"));
  CHECK(text::is_conjunction("ve", "tr"));
  CHECK(text::is_conjunction("và", "vi"));
  CHECK(text::is_conjunction("و", "fa"));
}

TEST_CASE("Haitian's indefinite article leads into its noun") {
  // "Pou yon politik" (for a policy): the trifold covers ended a line on "Pou yon".
  CHECK(text::is_function_word("yon", "ht"));
  CHECK(bound("Pou yon politik sosyalis", "ht") ==
        std::string("Pou") + kNbsp + "yon" + kNbsp + "politik sosyalis");
}

namespace {
/// The text bound for `lang`, its word joiners taken out and a "|" where a line may still
/// break between two letters of which one is Chinese or Japanese, or between two Thai words.
std::string phrases(const std::string& s, const std::string& lang) {
  const std::string b = bound(s, lang);
  const auto thai = text::pango_dictionary_breaks(s, lang);
  auto is_letter = [](gunichar c) { return g_unichar_isalnum(c); };
  auto is_cjk = [](gunichar c) {
    const GUnicodeScript script = g_unichar_get_script(c);
    return script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
           script == G_UNICODE_SCRIPT_KATAKANA;
  };
  std::string out;
  size_t source = 0;  // offset in `s` of the character read next
  gunichar before = 0;
  bool joined = false;
  for (const char* p = b.data(); p < b.data() + b.size(); p = g_utf8_next_char(p)) {
    const gunichar c = g_utf8_get_char(p);
    if (c == 0x2060) {
      joined = true;
      continue;
    }
    const bool cjk_break = is_letter(before) && is_letter(c) && (is_cjk(before) || is_cjk(c));
    const bool thai_break = std::find(thai.begin(), thai.end(), source) != thai.end();
    if (!joined && (cjk_break || thai_break)) out += '|';
    const char* next = g_utf8_next_char(p);
    out.append(p, next);
    source += static_cast<size_t>(next - p);
    before = c;
    joined = false;
  }
  return out;
}
}  // namespace

TEST_CASE("Japanese breaks between phrases: after hiragana that meets a new word, or a particle") {
  CHECK(phrases("移民に対するすべての強制捜査をやめろ！ICEとCBPを廃止せよ！", "ja") ==
        "移民に|対するすべての|強制捜査を|やめろ！ICEと|CBPを|廃止せよ！");
  CHECK(phrases("開かれた国境のための社会主義政策を", "ja") ==
        "開かれた|国境のための|社会主義政策を");
  // After a particle a phrase ends before more hiragana too.
  CHECK(phrases("すべての人にまともな賃金", "ja") == "すべての|人に|まともな|賃金");
  // A particle that attaches to the particle before it ("での", "には") starts no phrase.
  CHECK(phrases("ショッピングセンターでのパトロール", "ja") ==
        "ショッピングセンターでの|パトロール");
  CHECK(phrases("職場にはまともな賃金", "ja") == "職場には|まともな|賃金");
  // A Japanese text is known by its kana whatever its language tag says.
  CHECK(phrases("強制捜査をやめろ", "und") == "強制捜査を|やめろ");
  // Chinese keeps to its words.
  CHECK(phrases("开放边界的社会主义政策", "zh").find('|') != std::string::npos);
}

TEST_CASE("a Japanese phrase too wide for the line falls back to its words") {
  const std::string text = "国境のための社会主義政策を";
  text::PhraseRules rules;
  rules.too_wide = [](std::string_view phrase) { return phrase == "社会主義政策を"; };
  const std::string loose = text::bind_phrases(core::RichText::plain(text), "ja", rules).text;
  const std::string strict = bound(text, "ja");
  auto joiners = [](const std::string& s) {
    size_t n = 0;
    for (size_t at = s.find(kWj); at != std::string::npos; at = s.find(kWj, at + 1)) ++n;
    return n;
  };
  // The wide phrase breaks where the word iterator has a boundary; the other holds.
  CHECK(joiners(loose) < joiners(strict));
  CHECK(loose.find(std::string("政") + kWj + "策") != std::string::npos);
  CHECK(loose.find(std::string("の") + kWj + "た") != std::string::npos);
  CHECK(loose.find(std::string("策") + kWj + "を") != std::string::npos);
}

TEST_CASE("Thai prefixes and prepositions lead into the next word, 'all' stays with its noun") {
  CHECK(phrases("หยุดการกวาดล้างผู้อพยพทั้งหมด", "th") == "หยุด|การกวาด|ล้าง|ผู้อพยพทั้งหมด");
  CHECK(phrases("เพื่อนโยบายสังคมนิยมแห่งพรมแดน", "th") == "เพื่อนโยบาย|สังคมนิยม|แห่งพรมแดน");
  // A conjunction leads into the word after it over a space, like "and CBP".
  CHECK(bound("ยกเลิก ICE และ CBP", "th") == std::string("ยกเลิก ICE และ") + kNbsp + "CBP");
}

TEST_CASE("a line break falls where a phrase ends after punctuation or before a conjunction") {
  using text::is_phrase_end;
  CHECK(is_phrase_end("A decent, good-paying job,", "free healthcare", "en"));
  CHECK(is_phrase_end("free healthcare", "and free education", "en"));
  CHECK(is_phrase_end("free healthcare", std::string("and") + kNbsp + "free education", "en"));
  CHECK(is_phrase_end("Gesundheitsversorgung", "und kostenlose Bildung", "de"));
  CHECK(is_phrase_end("حدود مفتوحة،", "مع حقوق", "ar"));
  CHECK(is_phrase_end("所有工人享有，", "完整的公民权利", "zh"));
  // Inside a phrase, or at a hard hyphen: no.
  CHECK_FALSE(is_phrase_end("free healthcare and free", "education for everyone", "en"));
  CHECK_FALSE(is_phrase_end("with cost-", "of-living adjustments", "en"));
  CHECK_FALSE(is_phrase_end("Schluss", "mit allen", "de"));
}

TEST_CASE("a laid-out line that ends in a word leading into the next is against the phrase") {
  CHECK(text::ends_leading_on("and CBP! For ", "en"));
  CHECK(text::ends_leading_on("Stop all", "en"));
  CHECK(text::ends_leading_on("Σταματήστε όλες τις", "el"));
  CHECK(text::ends_leading_on("Macht mit und\u00A0für", "de"));
  CHECK_FALSE(text::ends_leading_on("Abolish ICE", "en"));
  CHECK_FALSE(text::ends_leading_on("raids!", "en"));
  CHECK_FALSE(text::ends_leading_on("anti-", "en"));
  CHECK_FALSE(text::ends_leading_on("", "en"));
  // A short word closed by punctuation ends its phrase.
  CHECK_FALSE(text::ends_leading_on("Join us,", "en"));
}

TEST_CASE("a laid-out line ending on a new sentence's first word alone") {
  CHECK(text::ends_on_lone_sentence_start("göçmen baskınlarını durdurun! ICE"));
  CHECK(text::ends_on_lone_sentence_start("d\u2019immigr\u00E9s\u202F! Abolition "));
  CHECK(text::ends_on_lone_sentence_start("contra los inmigrantes! \u00A1Abolir"));
  // Two words after the sentence's end, bound or not, and no sentence end at all, pass.
  CHECK_FALSE(text::ends_on_lone_sentence_start("raids! Abolish ICE"));
  CHECK_FALSE(text::ends_on_lone_sentence_start("and CBP! For\u00A0a"));
  CHECK_FALSE(text::ends_on_lone_sentence_start("Stop all anti-immigrant raids!"));
  CHECK_FALSE(text::ends_on_lone_sentence_start("Abolish"));
  // A lower-case word after a full stop is no new sentence ("U.S. troops", "etc. and").
  CHECK_FALSE(text::ends_on_lone_sentence_start("the U.S. troops"));
}
