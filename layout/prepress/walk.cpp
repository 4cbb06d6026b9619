// walk.cpp — a depth-first walk with a visited set for indirect objects.
#include "prepress/walk.hpp"

#include <set>
#include <vector>

namespace broadside::prepress {

void for_each_reachable(QPDFObjectHandle root,
                        const std::function<void(QPDFObjectHandle&)>& visit) {
  std::set<QPDFObjGen> seen;
  std::vector<QPDFObjectHandle> todo{root};
  while (!todo.empty()) {
    QPDFObjectHandle h = todo.back();
    todo.pop_back();
    if (h.isIndirect() && !seen.insert(h.getObjGen()).second) continue;
    visit(h);
    std::vector<QPDFObjectHandle> children;
    if (h.isArray()) {
      children = h.getArrayAsVector();
    } else if (h.isDictionary() || h.isStream()) {
      QPDFObjectHandle dict = h.isStream() ? h.getDict() : h;
      for (const auto& key : dict.getKeys()) children.push_back(dict.getKey(key));
    }
    // Reversed, so the stack hands them out in order.
    for (auto it = children.rbegin(); it != children.rend(); ++it)
      if (it->isArray() || it->isDictionary() || it->isStream()) todo.push_back(*it);
  }
}

}  // namespace broadside::prepress
