// layers.cpp — each page's items parted as its `varying` says; links all go with the varying part.
#include "compose/layers.hpp"

namespace broadside::compose {

Layers split_layers(const Composition& composition) {
  Layers out;
  out.varying.metadata = composition.metadata;
  for (const auto& page : composition.pages) {
    Page fixed{page.name, page.geometry, {}, page.folds, {}};
    Page varying{page.name, page.geometry, {}, page.folds, {}};
    for (size_t i = 0; i < page.items.size(); ++i) {
      const Item& item = page.items[i];
      if (page.varying->contains(i))
        varying.items.push_back(item);
      else if (!std::holds_alternative<Link>(item))
        fixed.items.push_back(item);
    }
    for (size_t i = 0; i < page.items.size(); ++i)
      if (!page.varying->contains(i) && std::holds_alternative<Link>(page.items[i]))
        varying.items.push_back(page.items[i]);
    out.fixed.pages.push_back(std::move(fixed));
    out.varying.pages.push_back(std::move(varying));
  }
  return out;
}

}  // namespace broadside::compose
