#!/usr/bin/env python3
"""gather.py — builds the multilingual test corpus (tests/corpus/*.md) from the translations that
Debian packages ship as gettext catalogues: GTK, GLib, gdk-pixbuf, AT-SPI, Linux-PAM, apt, dpkg
and others for running text, iso-codes' country and language names where a language has nothing
else. Each language becomes a statement: a headline, two demands, a call to action, a contact
line and a few body paragraphs, all real translated sentences. Run it again with
`python3 tests/corpus/gather.py` after installing the packages named below; the corpus is
committed, so tests never need them.

Packages read: libgtk-3-common, libglib2.0-data, libgdk-pixbuf2.0-common, at-spi2-core,
libpam-runtime (Linux-PAM), apt, dpkg, iso-codes, libc-l10n.
"""
import gettext
import os
import re
import sys
from collections import Counter

LOCALE = "/usr/share/locale"
OUT = os.path.dirname(os.path.abspath(__file__))
SENTENCE_DOMAINS = ["gtk30", "glib20", "gdk-pixbuf", "at-spi2-core", "gtk30-properties",
                    "Linux-PAM", "apt", "libapt-pkg6.0", "dpkg", "libc", "coreutils", "grep",
                    "sed", "tar", "shadow", "xdg-user-dirs", "shared-mime-info", "systemd"]
NAME_DOMAINS = ["iso_3166", "iso_639"]

# locale folder -> (BCP 47 tag, script, English name). At least 60 languages in 30 scripts.
LANGUAGES = [
    ("es", "es", "Latn", "Spanish"), ("fr", "fr", "Latn", "French"), ("de", "de", "Latn", "German"),
    ("pl", "pl", "Latn", "Polish"), ("cs", "cs", "Latn", "Czech"), ("hu", "hu", "Latn", "Hungarian"),
    ("tr", "tr", "Latn", "Turkish"), ("vi", "vi", "Latn", "Vietnamese"),
    ("id", "id", "Latn", "Indonesian"), ("fi", "fi", "Latn", "Finnish"),
    ("ro", "ro", "Latn", "Romanian"), ("lt", "lt", "Latn", "Lithuanian"),
    ("lv", "lv", "Latn", "Latvian"), ("ca", "ca", "Latn", "Catalan"), ("eu", "eu", "Latn", "Basque"),
    ("hr", "hr", "Latn", "Croatian"), ("is", "is", "Latn", "Icelandic"),
    ("ga", "ga", "Latn", "Irish"), ("cy", "cy", "Latn", "Welsh"), ("az", "az", "Latn", "Azerbaijani"),
    ("xh", "xh", "Latn", "Xhosa"), ("ha", "ha", "Latn", "Hausa"), ("yo", "yo", "Latn", "Yoruba"),
    ("sw", "sw", "Latn", "Swahili"), ("eo", "eo", "Latn", "Esperanto"),
    ("ru", "ru", "Cyrl", "Russian"), ("uk", "uk", "Cyrl", "Ukrainian"),
    ("bg", "bg", "Cyrl", "Bulgarian"), ("sr", "sr", "Cyrl", "Serbian"),
    ("mk", "mk", "Cyrl", "Macedonian"), ("kk", "kk", "Cyrl", "Kazakh"), ("tg", "tg", "Cyrl", "Tajik"),
    ("mn", "mn", "Cyrl", "Mongolian"), ("be", "be", "Cyrl", "Belarusian"),
    ("el", "el", "Grek", "Greek"), ("hy", "hy", "Armn", "Armenian"), ("ka", "ka", "Geor", "Georgian"),
    ("he", "he", "Hebr", "Hebrew"), ("yi", "yi", "Hebr", "Yiddish"),
    ("ar", "ar", "Arab", "Arabic"), ("fa", "fa", "Arab", "Persian"), ("ug", "ug", "Arab", "Uyghur"),
    ("ps", "ps", "Arab", "Pashto"), ("ckb", "ckb", "Arab", "Central Kurdish"),
    ("sd", "sd", "Arab", "Sindhi"), ("dv", "dv", "Thaa", "Dhivehi"),
    ("hi", "hi", "Deva", "Hindi"), ("mr", "mr", "Deva", "Marathi"), ("ne", "ne", "Deva", "Nepali"),
    ("mai", "mai", "Deva", "Maithili"), ("bn_IN", "bn", "Beng", "Bengali"),
    ("as", "as", "Beng", "Assamese"), ("pa", "pa", "Guru", "Punjabi"),
    ("gu", "gu", "Gujr", "Gujarati"), ("or", "or", "Orya", "Odia"), ("ta", "ta", "Taml", "Tamil"),
    ("te", "te", "Telu", "Telugu"), ("kn", "kn", "Knda", "Kannada"),
    ("ml", "ml", "Mlym", "Malayalam"), ("si", "si", "Sinh", "Sinhala"), ("th", "th", "Thai", "Thai"),
    ("lo", "lo", "Laoo", "Lao"), ("km", "km", "Khmr", "Khmer"), ("my", "my", "Mymr", "Burmese"),
    ("dz", "dz", "Tibt", "Dzongkha"), ("am", "am", "Ethi", "Amharic"),
    ("ti", "ti", "Ethi", "Tigrinya"), ("zh_CN", "zh-Hans", "Hans", "Chinese (Simplified)"),
    ("zh_TW", "zh-Hant", "Hant", "Chinese (Traditional)"), ("ja", "ja", "Jpan", "Japanese"),
    ("ko", "ko", "Kore", "Korean"), ("chr", "chr", "Cher", "Cherokee"),
    ("iu", "iu", "Cans", "Inuktitut"),
]

# GTK's and iso-codes' Amharic country names are in a broken legacy encoding (unassigned code
# points such as U+1316): iso-codes' language names are used instead.
NAMES_ONLY = {"am": ["iso_639"]}

BAD = re.compile(r"[%{}<>_\n\t\\|]|\$|https?:|\.\.\.|…|GTK|Gtk|TRUE|FALSE|NULL|&")


def catalog(folder, domains):
    out = {}
    for domain in domains:
        path = os.path.join(LOCALE, folder, "LC_MESSAGES", domain + ".mo")
        if not os.path.exists(path):
            continue
        try:
            with open(path, "rb") as f:
                cat = gettext.GNUTranslations(f)._catalog
        except Exception:
            continue
        for k, v in cat.items():
            if isinstance(k, str) and isinstance(v, str) and k and v and v != k and k not in out:
                out[k] = v.strip()
    return out


def is_sentence(english):
    return (re.match(r"^[A-Z][a-z][^.]{20,160}\.$", english) is not None
            and not BAD.search(english))


def is_phrase(english):
    return re.match(r"^[A-Z][a-z ]{12,48}$", english) is not None and not BAD.search(english)


def yaml_quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    sentence_cats = {loc: catalog(loc, SENTENCE_DOMAINS) for loc, *_ in LANGUAGES}
    name_cats = {loc: catalog(loc, NAMES_ONLY.get(loc, NAME_DOMAINS)) for loc, *_ in LANGUAGES}
    counts = Counter(k for cat in sentence_cats.values() for k in cat)
    ranked = sorted(counts, key=lambda k: (-counts[k], k))
    sentences = [k for k in ranked if is_sentence(k)]
    phrases = [k for k in ranked if is_phrase(k)]
    written = []
    for loc, tag, script, name in LANGUAGES:
        cat = sentence_cats[loc]
        body = [cat[k] for k in sentences if k in cat and not BAD.search(cat[k])]
        short = [cat[k] for k in phrases if k in cat and not BAD.search(cat[k])]
        seen = set()
        body = [s for s in body if not (s in seen or seen.add(s))]
        if len(body) >= 12 and len(short) >= 6 and loc not in NAMES_ONLY:
            headline, demands, cta, contact, byline = short[0], short[1:3], short[3], short[4], short[5]
            paragraphs = [" ".join(body[i:i + 4]) for i in (0, 4, 8)]
            source = "gettext catalogues (GTK, GLib, ...)"
        else:
            names = [v for k, v in sorted(name_cats[loc].items()) if not BAD.search(v)]
            if len(names) < 20:
                print(f"skipped {loc}: {len(body)} sentences, {len(names)} names", file=sys.stderr)
                continue
            headline = " · ".join(names[0:3])
            demands = names[3:5]
            cta, contact, byline = names[5], names[6], names[7]
            # Names run on as text, a comma after each, as a list in a sentence would.
            step = (len(names) - 8) // 3
            paragraphs = [", ".join(names[8 + i * step:8 + (i + 1) * step]) for i in range(3)]
            source = "iso-codes (country and language names)"
        with open(os.path.join(OUT, f"{tag}.md"), "w", encoding="utf-8") as f:
            f.write("---\n")
            f.write(f"# {name} ({script}), from {source}\n")
            f.write(f"lang: {tag}\n")
            f.write(f"headline: {yaml_quote(headline)}\n")
            f.write(f"author: {yaml_quote(byline)}\n")
            f.write(f"role: {yaml_quote(cta)}\n")
            f.write(f"byline: {yaml_quote(byline)}\n")
            f.write("demands:\n")
            for d in demands:
                f.write(f"  - {yaml_quote(d)}\n")
            f.write(f"cta:\n  text: {yaml_quote(cta)}\n  url: example.org\n")
            f.write(f"contact: {yaml_quote(contact)}\n")
            f.write("---\n")
            f.write("\n\n".join(paragraphs) + "\n")
        written.append((tag, script, name))
    scripts = sorted({s for _, s, _ in written})
    write_manifest(written)
    print(f"{len(written)} languages in {len(scripts)} scripts: {' '.join(scripts)}")


def write_manifest(written):
    """corpus.yaml: every language in every bundled design, as one batch (tests/cli/corpus_test)."""
    designs = sorted(f[:-5] for f in os.listdir(os.path.join(OUT, "..", "..", "designs"))
                     if f.endswith(".yaml"))
    with open(os.path.join(OUT, "corpus.yaml"), "w", encoding="utf-8") as f:
        f.write("# corpus.yaml — the corpus in every bundled design (written by gather.py):\n")
        f.write("#   broadside batch tests/corpus/corpus.yaml --out out/corpus --contact-sheet sheet.png\n")
        f.write("outputs: \"{design}/{lang}.pdf\"\n")
        f.write("set:  # a branch's details, for the meeting posters\n")
        for key, value in [("branch.name", "Detroit"), ("branch.id", "det"),
                           ("event.place", "UAW Local 600 Hall, 10550 Dix Ave, Dearborn"),
                           ("event.date", "2026-03-14"), ("event.time", "19:00"),
                           ("branch.contact", "detroit@socialism2020.org")]:
            f.write(f"  {key}: \"{value}\"\n")
        f.write("jobs:\n  - designs: [" + ", ".join(designs) + "]\n    statements:\n")
        for tag, _, _ in written:
            f.write(f"      - {tag}.md\n")


if __name__ == "__main__":
    main()
