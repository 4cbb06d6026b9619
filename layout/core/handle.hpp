// handle.hpp — RAII ownership for C library objects (GLib, Cairo, Pango, fontconfig, ...).
#pragma once

#include <memory>

namespace broadside::core {

template <auto Free>
struct FreeWith {
  template <class T>
  void operator()(T* p) const noexcept {
    if (p) Free(p);
  }
};

/// `Handle<PangoLayout, g_object_unref>` owns a pointer and frees it with the given function.
template <class T, auto Free>
using Handle = std::unique_ptr<T, FreeWith<Free>>;

}  // namespace broadside::core
