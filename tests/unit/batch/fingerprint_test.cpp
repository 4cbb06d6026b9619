// fingerprint_test.cpp — SHA-256 against FIPS test vectors, and job fingerprints that change
// exactly when an input does.
#include <doctest/doctest.h>

#include "batch/fingerprint.hpp"
#include "batch/sha256.hpp"

using namespace broadside;
using namespace broadside::batch;

TEST_CASE("sha256: FIPS 180-4 test vectors") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256: fed in pieces equals fed whole; fields are unambiguous") {
  const std::string text(200, 'x');
  Sha256 pieces;
  for (size_t i = 0; i < text.size(); i += 7) pieces.update(text.substr(i, 7));
  CHECK(pieces.hex() == sha256_hex(text));
  Sha256 a, b;
  a.field("ab");
  a.field("c");
  b.field("a");
  b.field("bc");
  CHECK(a.hex() != b.hex());
}

TEST_CASE("fingerprint: the same inputs give the same hash; any change gives another") {
  core::Variables values = {{"branch.name", core::Value::scalar("Detroit")}};
  const JobInputs base{"design-hash", "statement-hash", &values, {"out/a.pdf"}, 150, "fonts"};
  const std::string h = job_fingerprint(base);
  CHECK(h.size() == 64);
  CHECK(job_fingerprint(base) == h);

  JobInputs in = base;
  in.design = "other";
  CHECK(job_fingerprint(in) != h);
  in = base;
  in.statement = "other";
  CHECK(job_fingerprint(in) != h);
  in = base;
  in.font_set = "other";
  CHECK(job_fingerprint(in) != h);
  in = base;
  in.dpi = 300;
  CHECK(job_fingerprint(in) != h);
  in = base;
  in.outputs.push_back("out/a.png");
  CHECK(job_fingerprint(in) != h);
  in = base;
  in.epoch = 1700000000;  // SOURCE_DATE_EPOCH sets the dates inside the PDFs
  CHECK(job_fingerprint(in) != h);

  core::Variables changed = {{"branch.name", core::Value::scalar("Oakland")}};
  in = base;
  in.values = &changed;
  CHECK(job_fingerprint(in) != h);
  core::Variables as_list = {{"branch.name", core::Value::list({"Detroit"})}};
  in.values = &as_list;
  CHECK(job_fingerprint(in) != h);
  core::Variables more = values;
  more["x"] = core::Value::scalar("");
  in.values = &more;
  CHECK(job_fingerprint(in) != h);
  // A value's place in its file does not change what is printed.
  core::Variables moved = {{"branch.name", core::Value::scalar("Detroit", {"b.csv", 9})}};
  in.values = &moved;
  CHECK(job_fingerprint(in) == h);
}
