// shared_objects.cpp — content keys (the object as PDF text, references already shared; a
// stream's dictionary without /Length plus the SHA-256 of its raw bytes) and the walk.
#include "prepress/shared_objects.hpp"

#include "prepress/pdf_values.hpp"

namespace broadside::prepress {

namespace {

using Handle = QPDFObjectHandle;

/// Objects whose identity means something: a page belongs to one place in the page tree, an
/// annotation to one page.
bool keeps_identity(Handle object) {
  Handle dict = object.isStream() ? object.getDict() : object;
  if (!dict.isDictionary()) return false;
  Handle type = dict.getKey("/Type");
  return type.isNameAndEquals("/Page") || type.isNameAndEquals("/Pages") ||
         type.isNameAndEquals("/Annot") || (dict.hasKey("/Subtype") && dict.hasKey("/Rect"));
}

}  // namespace

void SharedObjects::share(Handle root) {
  if (root.isIndirect()) seen_.emplace(root.getObjGen(), root);
  rewrite_children(root);
}

std::string SharedObjects::content_key(Handle object) const {
  std::string key(1, object.isStream() ? 's' : 'o');
  if (!object.isStream()) return key += object.unparseResolved();
  Handle dict = object.getDict().shallowCopy();
  dict.removeKey("/Length");  // the writer sets it; it may be an indirect object of its own
  const auto raw = object.getRawStreamData();
  const std::string bytes(reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize());
  key += dict.unparseResolved();
  key += ' ';
  key += std::to_string(bytes.size());
  key += ' ';
  return key += sha256_digest(bytes);
}

Handle SharedObjects::canonical(Handle object) {
  const QPDFObjGen og = object.getObjGen();
  if (auto it = seen_.find(og); it != seen_.end()) {
    if (open_.count(og)) on_cycle_.insert(og);
    return it->second;
  }
  // Standing for itself until its content is known: a reference cycle ends here, and an
  // object on a cycle keeps its identity (something already refers to it by number).
  seen_.emplace(og, object);
  if (keeps_identity(object)) {
    rewrite_children(object);
    return object;
  }
  open_.insert(og);
  rewrite_children(object.isStream() ? object.getDict() : object);
  open_.erase(og);
  if (on_cycle_.count(og)) return object;
  const std::string key = content_key(object);
  auto [first, is_new] = by_content_.emplace(key, object);
  if (is_new) return object;
  seen_[og] = first->second;
  ++duplicates_;
  if (object.isStream()) saved_bytes_ += object.getRawStreamData()->getSize();
  twins_.push_back(og);
  return first->second;
}

void SharedObjects::drop_duplicates() {
  for (const QPDFObjGen& og : twins_) doc_.replaceObject(og, Handle::newNull());
  twins_.clear();
}

Handle SharedObjects::shared_child(Handle child) {
  if (child.isIndirect()) return canonical(child);
  if (child.isDictionary() || child.isArray()) rewrite_children(child);
  return child;
}

void SharedObjects::rewrite_children(Handle container) {
  if (container.isStream()) container = container.getDict();
  if (container.isDictionary()) {
    for (const auto& key : container.getKeys()) {
      if (key == "/Parent") continue;  // the page tree, not content
      Handle child = container.getKey(key);
      Handle shared = shared_child(child);
      if (child.isIndirect() && shared.getObjGen() != child.getObjGen())
        container.replaceKey(key, shared);
    }
  } else if (container.isArray()) {
    for (int i = 0; i < container.getArrayNItems(); ++i) {
      Handle child = container.getArrayItem(i);
      Handle shared = shared_child(child);
      if (child.isIndirect() && shared.getObjGen() != child.getObjGen())
        container.setArrayItem(i, shared);
    }
  }
}

}  // namespace broadside::prepress
