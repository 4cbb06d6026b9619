// shared_objects.hpp — identical objects of a PDF under construction stored once: each object
// copied in is replaced by an earlier one with the same content (fonts, images, ICC profiles,
// resource dictionaries of a data merge's records).
#pragma once

#include <qpdf/QPDF.hh>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace broadside::prepress {

/// Hash-consing over one QPDF: share() walks what a page refers to, children first, and
/// points every reference at the first object seen with the same content. Pages, page trees
/// and annotations keep their identity (each belongs to one page).
class SharedObjects {
 public:
  explicit SharedObjects(QPDF& doc) : doc_(doc) {}

  /// Rewrites the references of `root` (a page, or any object, and everything it reaches) to
  /// shared objects.
  void share(QPDFObjectHandle root);

  /// Frees the objects share() found to be duplicates, so memory holds each content once. Only
  /// once nothing refers to them: qpdf reads a reference to a freed object as a missing key,
  /// so a reference share() has not rewritten yet would silently vanish.
  void drop_duplicates();

  /// Objects replaced by an earlier identical one, and the stream bytes that saved.
  size_t duplicates() const { return duplicates_; }
  std::uintmax_t saved_bytes() const { return saved_bytes_; }

 private:
  QPDFObjectHandle canonical(QPDFObjectHandle object);
  void rewrite_children(QPDFObjectHandle container);
  QPDFObjectHandle shared_child(QPDFObjectHandle child);
  std::string content_key(QPDFObjectHandle object) const;

  QPDF& doc_;
  /// Each indirect object seen -> the object that stands for it (itself, or an earlier twin).
  std::map<QPDFObjGen, QPDFObjectHandle> seen_;
  /// Objects being walked, and those found to be reached again from inside their own walk.
  std::set<QPDFObjGen> open_, on_cycle_;
  /// Content key -> the first object with that content.
  std::map<std::string, QPDFObjectHandle> by_content_;
  /// Duplicates not yet dropped.
  std::vector<QPDFObjGen> twins_;
  size_t duplicates_ = 0;
  std::uintmax_t saved_bytes_ = 0;
};

}  // namespace broadside::prepress
