// zip_archive.cpp — libzip writing into a buffer source, read back once the archive is closed.
#include "batch/zip_archive.hpp"

#include <zip.h>

#include <memory>

namespace broadside::batch {

namespace {

struct SourceFree {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};
struct ArchiveDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};

std::string message_of(zip_error_t* e) {
  std::string m = zip_error_strerror(e);
  zip_error_fini(e);
  return m;
}

}  // namespace

std::optional<std::string> zip_files(const std::vector<ZipEntry>& entries, std::int64_t mtime,
                                     std::string& error) {
  zip_error_t err;
  zip_error_init(&err);
  // This function's reference; the archive takes a second one while it is open.
  std::unique_ptr<zip_source_t, SourceFree> buffer(zip_source_buffer_create(nullptr, 0, 0, &err));
  if (!buffer) return error = message_of(&err), std::nullopt;
  zip_source_keep(buffer.get());
  std::unique_ptr<zip_t, ArchiveDiscard> archive(
      zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &err));
  if (!archive) {
    zip_source_free(buffer.get());  // the reference the archive did not take
    return error = message_of(&err), std::nullopt;
  }
  zip_error_fini(&err);
  for (const auto& e : entries) {
    // Not copied: the entries outlive zip_close below.
    zip_source_t* data = zip_source_buffer(archive.get(), e.bytes.data(), e.bytes.size(), 0);
    const zip_int64_t index =
        data ? zip_file_add(archive.get(), e.name.c_str(), data, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (data) zip_source_free(data);
      return error = zip_strerror(archive.get()), std::nullopt;
    }
    zip_set_file_compression(archive.get(), static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    zip_file_set_mtime(archive.get(), static_cast<zip_uint64_t>(index), static_cast<time_t>(mtime),
                       0);
  }
  if (zip_close(archive.get()) != 0) return error = zip_strerror(archive.get()), std::nullopt;
  archive.release();  // zip_close freed it, and its reference to the buffer
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_open(buffer.get()) != 0) return error = "the archive cannot be read", std::nullopt;
  std::string out;
  if (zip_source_stat(buffer.get(), &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
    out.resize(st.size);
    if (zip_source_read(buffer.get(), out.data(), st.size) != static_cast<zip_int64_t>(st.size))
      out.clear();
  }
  zip_source_close(buffer.get());
  if (out.empty()) return error = "the archive cannot be read", std::nullopt;
  return out;
}

}  // namespace broadside::batch
