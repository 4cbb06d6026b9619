// vt_document.cpp — records copied in with qpdf, shared objects folded together as each record
// arrives, then the DPart hierarchy (ISO 32000-2 14.12, ISO 16612-2 6.5) and the metadata.
#include "prepress/vt_document.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <optional>

#include "core/diagnostic.hpp"
#include "prepress/pdf_values.hpp"
#include "prepress/shared_objects.hpp"
#include "prepress/shared_tail.hpp"
#include "prepress/xmp.hpp"

namespace broadside::prepress {

namespace {

using Handle = QPDFObjectHandle;

/// PDF 1.6's implementation limit on array length: DParts is an array of arrays so that any
/// number of records fits in arrays of at most this many.
constexpr size_t kMaxArrayItems = 8191;

bool claims_pdfx4(QPDF& src) {
  return text_of(src.getTrailer().getKey("/Info").getKey("/GTS_PDFXVersion")) == "PDF/X-4" &&
         src.getRoot().getKey("/OutputIntents").isArray();
}

/// What makes two records' output intents the same: the condition and the profile's bytes.
std::string intent_key(QPDF& src) {
  std::string key;
  Handle intents = src.getRoot().getKey("/OutputIntents");
  for (int i = 0; intents.isArray() && i < intents.getArrayNItems(); ++i) {
    Handle intent = intents.getArrayItem(i);
    key += text_of(intent.getKey("/OutputConditionIdentifier")) + "|";
    Handle profile = intent.getKey("/DestOutputProfile");
    if (!profile.isStream()) continue;
    auto data = profile.getStreamData(qpdf_dl_all);
    key += sha256_digest(
        std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()));
  }
  return key;
}

/// `foreign` (an object of another file) copied into `doc`, direct containers included.
Handle copy_in(QPDF& doc, Handle foreign) {
  if (foreign.isIndirect()) return doc.copyForeignObject(foreign);
  if (foreign.isArray()) {
    Handle out = Handle::newArray();
    for (int i = 0; i < foreign.getArrayNItems(); ++i)
      out.appendItem(copy_in(doc, foreign.getArrayItem(i)));
    return out;
  }
  if (foreign.isDictionary()) {
    Handle out = Handle::newDictionary();
    for (const auto& key : foreign.getKeys())
      out.replaceKey(key, copy_in(doc, foreign.getKey(key)));
    return out;
  }
  return Handle::parse(foreign.unparse());  // a scalar
}

Handle dpm_of(const VtValues& values, size_t record) {
  Handle fields = Handle::newDictionary();
  for (const auto& [name, value] : values)
    fields.replaceKey("/" + name, Handle::newUnicodeString(value));
  return Handle::newDictionary({
      {"/RecordNumber", Handle::newInteger(static_cast<long long>(record))},
      {"/Values", fields},
  });
}

}  // namespace

struct VtDocument::State {
  struct Record {
    std::vector<Handle> pages;
    VtValues values;
  };
  /// A record read but not yet appended: the first waits for the second, as the end of their
  /// pages' content they share is found by comparing them.
  struct Pending {
    std::unique_ptr<const std::string> pdf;  // qpdf reads it in place: it must not move
    std::unique_ptr<QPDF> src;
    VtValues values;
    std::vector<Instructions> contents;
  };
  QPDF doc;
  SharedObjects shared{doc};
  std::vector<Record> records;
  std::optional<Pending> first;
  /// The first record's page contents, and how many trailing instructions of each page the
  /// first two records share (later records share at most that much, so their forms match).
  std::vector<Instructions> reference;
  std::vector<size_t> tails;
  bool is_pdfx4 = false;
  std::string intent;
  std::string version = "1.4";
  /// Hashes of every record's file: the seed of the XMP identifiers.
  std::string seed;
  size_t shared_forms = 0;

  Pending read(std::string pdf, VtValues values, size_t number);
  void append(Pending& record, const std::vector<Instructions>& compare_with);
};

VtDocument::VtDocument() : state_(std::make_unique<State>()) {
  state_->doc.emptyPDF();
  state_->doc.setSuppressWarnings(true);
}

VtDocument::~VtDocument() = default;

VtDocument::State::Pending VtDocument::State::read(std::string pdf, VtValues values,
                                                   size_t number) {
  Pending r{std::make_unique<const std::string>(std::move(pdf)),
            std::make_unique<QPDF>(),
            std::move(values),
            {}};
  QPDF& src = *r.src;
  src.setSuppressWarnings(true);
  src.processMemoryFile("record.pdf", r.pdf->data(), r.pdf->size());
  // The record's bytes are copied as its objects are, so nothing of it need outlive append().
  src.setImmediateCopyFrom(true);
  src.pushInheritedAttributesToPage();
  const bool x4 = claims_pdfx4(src);
  const std::string key = x4 ? intent_key(src) : std::string{};
  if (number == 1) {
    is_pdfx4 = x4;
    intent = key;
    version = src.getPDFVersion();
    Handle root = doc.getRoot();
    if (x4) {
      root.replaceKey("/OutputIntents", copy_in(doc, src.getRoot().getKey("/OutputIntents")));
      shared.share(root.getKey("/OutputIntents"));
    }
    Handle info = src.getTrailer().getKey("/Info");
    if (info.isDictionary())
      doc.getTrailer().replaceKey("/Info", doc.makeIndirectObject(copy_in(doc, info)));
    if (src.getRoot().getKey("/Lang").isString())
      root.replaceKey("/Lang", copy_in(doc, src.getRoot().getKey("/Lang")));
  } else if (x4 != is_pdfx4 || key != intent) {
    throw core::Failure({}, "record " + std::to_string(number) +
                                " is not printed for the same output condition as record 1 "
                                "(PDF/X and output intent): one file has one printing "
                                "condition");
  }
  for (auto& page : QPDFPageDocumentHelper(src).getAllPages())
    r.contents.push_back(instructions_of(page));
  if (r.contents.empty())
    throw core::Failure({}, "record " + std::to_string(number) + " has no pages");
  seed += sha256_digest(*r.pdf);
  return r;
}

void VtDocument::State::append(Pending& record, const std::vector<Instructions>& compare_with) {
  Record out{{}, std::move(record.values)};
  QPDFPageDocumentHelper pages(doc);
  const auto src_pages = QPDFPageDocumentHelper(*record.src).getAllPages();
  for (size_t p = 0; p < src_pages.size(); ++p) {
    pages.addPage(src_pages[p], false);
    Handle copied = doc.getAllPages().back();
    copied.removeKey("/StructParents");  // the structure tree stays behind
    if (p < compare_with.size()) {
      size_t tail = common_tail(record.contents[p], compare_with[p]);
      if (p < tails.size())
        tail = std::min(tail, tails[p]);
      else
        tails.push_back(tail);
      if (move_tail_to_form(doc, QPDFPageObjectHelper(copied), record.contents[p], tail) > 0)
        ++shared_forms;
    }
    shared.share(copied);
    out.pages.push_back(copied);
  }
  // Every reference of this record's objects now points at shared ones.
  shared.drop_duplicates();
  records.push_back(std::move(out));
}

void VtDocument::add_record(const std::string& pdf, const VtValues& values) {
  State& s = *state_;
  const size_t number = s.records.size() + (s.first ? 2 : 1);
  try {
    State::Pending record = s.read(pdf, values, number);
    if (number == 1) {
      s.first = std::move(record);
      return;
    }
    if (s.first) {
      s.reference = s.first->contents;
      s.append(*s.first, record.contents);
      s.first.reset();
    }
    s.append(record, s.reference);
  } catch (const core::Failure&) {
    throw;
  } catch (const std::exception& e) {
    throw core::Failure({},
                        "record " + std::to_string(number) + ": cannot read its PDF: " + e.what());
  }
}

namespace {

/// The document part hierarchy: a root DPart (level 0) over one DPart per record (level 1,
/// the record level), each naming its first and last page; every page names its DPart.
Handle dpart_root(QPDF& doc,
                  const std::vector<std::pair<std::vector<Handle>, const VtValues*>>& records) {
  Handle root = doc.makeIndirectObject(Handle::newDictionary({
      {"/Type", Handle::newName("/DPartRoot")},
      {"/RecordLevel", Handle::newInteger(1)},
      {"/NodeNameList",
       Handle::newArray({Handle::newName("/Document"), Handle::newName("/Record")})},
  }));
  Handle top = doc.makeIndirectObject(Handle::newDictionary({
      {"/Type", Handle::newName("/DPart")},
      {"/Parent", root},
  }));
  Handle groups = Handle::newArray();
  for (size_t i = 0; i < records.size(); ++i) {
    const auto& [pages, values] = records[i];
    Handle part = doc.makeIndirectObject(Handle::newDictionary({
        {"/Type", Handle::newName("/DPart")},
        {"/Parent", top},
        {"/Start", pages.front()},
        {"/DPM", dpm_of(*values, i + 1)},
    }));
    if (pages.size() > 1) part.replaceKey("/End", pages.back());
    for (Handle page : pages) page.replaceKey("/DPart", part);
    if (i % kMaxArrayItems == 0) groups.appendItem(Handle::newArray());
    Handle last = groups.getArrayItem(groups.getArrayNItems() - 1);
    last.appendItem(part);
    groups.setArrayItem(groups.getArrayNItems() - 1, last);
  }
  top.replaceKey("/DParts", groups);
  root.replaceKey("/DPartRootNode", top);
  return root;
}

/// XMP for PDF/X-4 plus the PDF/VT-1 identification, from the Info dictionary.
std::string vt_xmp(QPDF& doc, const std::string& seed) {
  Handle info = doc.getTrailer().getKey("/Info");
  XmpFields x;
  read_info_text(info, x);
  const auto fallback = parse_pdf_date("D:20000101000000Z");
  const auto created = parse_pdf_date(text_of(info.getKey("/CreationDate")));
  const auto modified = parse_pdf_date(text_of(info.getKey("/ModDate")));
  x.create_date = (created ? created : fallback)->xmp;
  x.modify_date = (modified ? modified : fallback)->xmp;
  x.document_id = uuid_from("vt document " + seed);
  x.instance_id = uuid_from("vt instance " + seed);
  x.pdfx_version = "PDF/X-4";
  x.pdfvt_version = "PDF/VT-1";
  return xmp_packet(x);
}

}  // namespace

VtWritten VtDocument::write() {
  State& s = *state_;
  if (s.first) {  // the only record: nothing to compare it with
    s.append(*s.first, {});
    s.first.reset();
  }
  if (s.records.empty()) throw core::Failure({}, "no record to write");
  try {
    VtWritten out;
    std::vector<std::pair<std::vector<Handle>, const VtValues*>> parts;
    for (const auto& r : s.records) {
      parts.emplace_back(r.pages, &r.values);
      out.pages += static_cast<int>(r.pages.size());
    }
    Handle root = s.doc.getRoot();
    root.replaceKey("/DPartRoot", dpart_root(s.doc, parts));
    if (Handle info = s.doc.getTrailer().getKey("/Info"); info.isDictionary()) {
      info.replaceKey("/Producer", Handle::newUnicodeString("broadside"));
      // The first record's PDF/X-1a claim does not carry over: the joined file has neither its
      // output intent nor its metadata (and DParts are not PDF 1.4).
      if (!s.is_pdfx4)
        for (const char* key : {"/GTS_PDFXVersion", "/GTS_PDFXConformance"}) info.removeKey(key);
    }
    if (s.is_pdfx4) {
      Handle metadata = s.doc.newStream(vt_xmp(s.doc, sha256_digest(s.seed)));
      metadata.getDict().replaceKey("/Type", Handle::newName("/Metadata"));
      metadata.getDict().replaceKey("/Subtype", Handle::newName("/XML"));
      root.replaceKey("/Metadata", metadata);
    }
    QPDFWriter writer(s.doc);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    // PDF/VT-1 is PDF 1.6 (as PDF/X-4 is); otherwise the records' own version.
    writer.setMinimumPDFVersion(s.is_pdfx4 ? "1.6" : s.version);
    // The many small dictionaries a merge repeats (pages, DParts) compress well together.
    writer.setObjectStreamMode(qpdf_o_generate);
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    out.bytes.assign(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    out.records = static_cast<int>(s.records.size());
    out.conformance = s.is_pdfx4 ? VtConformance::pdfvt1 : VtConformance::none;
    out.shared_objects = s.shared.duplicates();
    out.shared_bytes = s.shared.saved_bytes();
    out.shared_forms = s.shared_forms;
    return out;
  } catch (const core::Failure&) {
    throw;
  } catch (const std::exception& e) {
    throw core::Failure({}, std::string("cannot write the variable-data PDF: ") + e.what());
  }
}

}  // namespace broadside::prepress
