// qr_frame.cpp — QR codes (libqrencode) as module data, square, with their quiet zone.
#include <qrencode.h>

#include "compose/frames.hpp"
#include "core/handle.hpp"

namespace broadside::compose {

namespace {

QRecLevel level_for(design::QrErrorCorrection l) {
  switch (l) {
    case design::QrErrorCorrection::low:
      return QR_ECLEVEL_L;
    case design::QrErrorCorrection::quartile:
      return QR_ECLEVEL_Q;
    case design::QrErrorCorrection::high:
      return QR_ECLEVEL_H;
    default:
      return QR_ECLEVEL_M;
  }
}

}  // namespace

void place_qr(const design::Frame& frame, const design::QrFrame& qr, const Rect& inner,
              Context& ctx) {
  const auto data = expand(qr.data, frame, ctx);
  if (!data) return;
  core::Handle<QRcode, QRcode_free> code(
      QRcode_encodeString(data->text.c_str(), 0, level_for(qr.level), QR_MODE_8, 1));
  if (!code) {
    ctx.error(frame, "cannot encode '" + data->text + "' as a QR code", "is it too long?");
    return;
  }
  const Pt side = core::min(inner.width, inner.height);
  const int total = code->width + 2 * QrCode::kQuietZone;
  // Whole modules are not required in vector output, but a minimum module size is: below
  // about 0.33 mm phone cameras stop reading printed codes reliably.
  if (core::to_mm(side) / total < 0.33)
    ctx.error(frame,
              "the QR code is too small to scan (" +
                  std::to_string(static_cast<int>(core::to_mm(side) + 0.5)) + " mm)",
              "give it at least " + std::to_string(static_cast<int>(total * 0.33 + 1)) + " mm");
  Pt y = inner.y;
  if (frame.valign == core::VAlign::middle) y += (inner.height - side) / 2;
  if (frame.valign == core::VAlign::bottom) y += inner.height - side;
  QrCode out{Rect{inner.x + (inner.width - side) / 2, y, side, side}, code->width, {}, qr.color};
  out.dark.reserve(static_cast<size_t>(code->width * code->width));
  for (int i = 0; i < code->width * code->width; ++i) out.dark.push_back(code->data[i] & 1);
  const Rect area = out.rect;
  ctx.page->items.push_back(std::move(out));
  // A code that encodes a web address is also a link in the PDF.
  if (data->text.rfind("http://", 0) == 0 || data->text.rfind("https://", 0) == 0)
    ctx.page->items.push_back(Link{area, data->text});
}

}  // namespace broadside::compose
