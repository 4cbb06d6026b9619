// serve_test.cpp — `broadside serve` end to end: the server started as a process on a free
// port, asked with httplib's client; every status of the API, the limits, the load.
#include <atomic>
#include <fstream>
#include <thread>

#include "cli/serve_support.hpp"

namespace broadside::testing {
namespace {

TEST_CASE("serve: listens on the loopback address unless told otherwise and stops cleanly") {
  Server server;
  CHECK(server.first_line.find("http://127.0.0.1:") != std::string::npos);
  auto c = server.client();
  auto page = c.Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Type").find("text/html") == 0);
  // Self-contained: nothing loaded from another site.
  CHECK(page->body.find("http://") == std::string::npos);
  CHECK(page->body.find("https://") == std::string::npos);
  CHECK(page->get_header_value("Content-Security-Policy").find("default-src 'none'") == 0);
  CHECK(c.Get("/designer")->status == 404);  // only with --watch
  CHECK(server.stop() == 0);
}

TEST_CASE("serve: refuses to start on a folder that is not there or a port that is taken") {
  auto r = run_broadside({"serve", "--port", "0", "--designs", "/nonexistent-designs"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("'/nonexistent-designs' is not a folder") != std::string::npos);
  Server server;
  r = run_broadside({"serve", "--port", std::to_string(server.port)});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("cannot listen on 127.0.0.1:" + std::to_string(server.port)) !=
        std::string::npos);
  CHECK(server.is_alive());
}

TEST_CASE("serve: designs and statements are listed with what a form needs") {
  Server server;
  auto c = server.client();
  auto r = c.Get("/api/designs");
  REQUIRE(r);
  CHECK(r->status == 200);
  const json designs = json::parse(r->body);
  const json* poster = nullptr;
  for (const auto& d : designs)
    if (d["name"] == "branch-poster-a4") poster = &d;
  REQUIRE(poster);
  CHECK((*poster)["page"]["width_mm"] == 210.0);
  CHECK((*poster)["page"]["height_mm"] == 297.0);
  CHECK((*poster)["pages"] == 1);
  CHECK((*poster)["formats"] == json::array({"pdf", "png"}));
  std::map<std::string, json> vars;
  for (const auto& v : (*poster)["variables"]) vars[v["name"].get<std::string>()] = v;
  CHECK(vars["event.time"]["max_length"] == 32);
  CHECK(vars["event.date"]["format"] == "weekday-date");
  CHECK(vars["event.title"]["default"] == "Public meeting");
  CHECK((*poster)["variables"][0]["name"] == "event.title");  // in the design's order

  r = c.Get("/api/statements");
  REQUIRE(r);
  std::map<std::string, std::string> langs;
  for (const auto& s : json::parse(r->body))
    langs[s["name"].get<std::string>()] = s["lang"].get<std::string>();
  CHECK(langs["statement.en"] == "en");
  CHECK(langs["statement.ar"] == "ar");
  CHECK(langs.count("README") == 0);  // the folder's README is no statement
}

TEST_CASE(
    "serve: renders PNG and SVG and PDF and print-ready PDF/X-4 in memory with the values set") {
  Server server;
  auto c = server.client();
  json req = poster_request();
  req["dpi"] = 30;
  auto png = post(c, req);
  REQUIRE(png);
  CHECK(png->status == 200);
  CHECK(png->get_header_value("Content-Type") == "image/png");
  CHECK(png->body.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  CHECK(png->get_header_value("X-Pages") == "1");

  req["format"] = "svg";
  auto svg = post(c, req);
  REQUIRE(svg);
  CHECK(svg->status == 200);
  CHECK(svg->body.find("<svg") != std::string::npos);

  const auto dir = scratch_dir("serve-pdf");
  for (const char* print : {"none", "pdfx4"}) {
    CAPTURE(print);
    req = poster_request();
    req["format"] = "pdf";
    req["print"] = print;
    auto pdf = post(c, req);
    REQUIRE(pdf);
    CHECK(pdf->status == 200);
    CHECK(pdf->get_header_value("Content-Type") == "application/pdf");
    const auto file = dir / (std::string(print) + ".pdf");
    std::ofstream(file, std::ios::binary) << pdf->body;
    const std::string text = run({"pdftotext", file.string(), "-"}).out;
    CHECK(text.find("Leeds Civic Hall") != std::string::npos);
    CHECK(text.find("Thursday 7pm") != std::string::npos);
    const bool is_pdfx = pdf->body.find("GTS_PDFXVersion") != std::string::npos;
    CHECK(is_pdfx == (std::string(print) == "pdfx4"));
  }
  // Nothing was written next to the designs or in the working folder.
  CHECK_FALSE(std::filesystem::exists(source_dir() / "out" / "branch-poster-a4.pdf"));
}

TEST_CASE("serve: values the design refuses are 422 and each is tied to its field") {
  Server server;
  auto c = server.client();
  auto r =
      post(c, poster_request({{"event.time", std::string(40, 'x')}, {"event.date", "2026-13-40"}}));
  REQUIRE(r);
  CHECK(r->status == 422);
  auto errors = errors_of(r);
  CHECK(errors["event.time"].find("at most 32") != std::string::npos);
  // Written YYYY-MM-DD and still no date: the field says why.
  CHECK(errors["event.date"].find("there is no month 13") != std::string::npos);
  // No folder of the server's shows in what it tells a client.
  CHECK(r->body.find(source_dir().string()) == std::string::npos);

  // Within max-length but too wide for its frame: the layout's error names the field.
  r = post(c, poster_request({{"event.time", std::string(30, 'W')}}));
  REQUIRE(r);
  CHECK(r->status == 422);
  errors = errors_of(r);
  REQUIRE(errors.count("event.time"));
  CHECK(errors["event.time"].find("does not fit") != std::string::npos);

  // A control character is refused, not drawn.
  r = post(c, poster_request({{"event.place", "Hall\x07"}}));
  REQUIRE(r);
  CHECK(r->status == 422);
  CHECK(errors_of(r).count("event.place") == 1);
}

TEST_CASE("serve: malformed requests are 400 and unknown names 404 and big bodies 413") {
  Server server;
  auto c = server.client();
  auto status = [&](const std::string& body) {
    auto r = c.Post("/api/render", body, "application/json");
    REQUIRE(r);
    CHECK(json::parse(r->body).contains("errors"));
    return r->status;
  };
  CHECK(status("{\"design\":") == 400);
  CHECK(status("[1,2]") == 400);
  CHECK(status("{\"statement\":\"statement.en\"}") == 400);
  CHECK(status(std::string(5000, '[') + std::string(5000, ']')) == 400);
  json req = poster_request();
  req["format"] = "gif";
  CHECK(status(req.dump()) == 400);
  req = poster_request();
  req["dpi"] = 100000;
  CHECK(status(req.dump()) == 400);
  req = poster_request();
  req["values"]["event.place"] = json::object({{"a", 1}});
  CHECK(status(req.dump()) == 422);

  req = poster_request();
  req["design"] = "no-such-design";
  CHECK(status(req.dump()) == 404);
  // A request never names a path: these name nothing, whatever is on disk.
  for (const char* path : {"../designs/branch-poster-a4", "/etc/passwd",
                           "designs/branch-poster-a4.yaml", "branch-poster-a4.yaml"}) {
    CAPTURE(path);
    req["design"] = path;
    CHECK(status(req.dump()) == 404);
  }
  req = poster_request();
  req["statement"] = "../content/statement.en";
  CHECK(status(req.dump()) == 404);
  auto r = c.Get("/etc/passwd");
  REQUIRE(r);
  CHECK(r->status == 404);

  req = poster_request({{"event.place", std::string(100 * 1024, 'a')}});
  CHECK(status(req.dump()) == 413);
  // Too many values, and a value over the per-value limit.
  req = poster_request();
  for (int i = 0; i < 100; ++i) req["values"]["v" + std::to_string(i)] = "x";
  CHECK(status(req.dump()) == 422);
  req = poster_request({{"event.place", std::string(3000, 'a')}});
  CHECK(status(req.dump()) == 422);
  CHECK(server.is_alive());
}

TEST_CASE("serve: under load every answer is 200 or 503 with Retry-After and memory stays flat") {
  Server server({"--workers", "1", "--queue", "2"});
  auto warm = server.client();
  json req = poster_request();
  req["dpi"] = 30;
  REQUIRE(post(warm, req)->status == 200);
  std::atomic<int> ok{0}, busy{0}, other{0};
  auto fire = [&](int requests) {
    auto c = server.client();
    for (int i = 0; i < requests; ++i) {
      json mine = req;
      mine["values"]["event.time"] = "Thursday " + std::to_string(i) + "pm";
      auto r = post(c, mine);
      if (r && r->status == 200)
        ++ok;
      else if (r && r->status == 503 && std::stoi(r->get_header_value("Retry-After")) >= 1)
        ++busy;
      else
        ++other;
    }
  };
  const long rss_before = server.rss_kib();
  {
    std::vector<std::jthread> clients;
    for (int t = 0; t < 12; ++t) clients.emplace_back(fire, 15);
  }
  const long rss_after_first = server.rss_kib();
  {
    std::vector<std::jthread> clients;
    for (int t = 0; t < 12; ++t) clients.emplace_back(fire, 15);
  }
  const long rss_after = server.rss_kib();
  CHECK(other == 0);
  CHECK(ok > 0);
  CHECK(busy > 0);  // one worker and a queue of two cannot take twelve at once
  CHECK(server.is_alive());
  MESSAGE("load: " << ok.load() << " rendered, " << busy.load() << " turned away; RSS "
                   << rss_before << " -> " << rss_after_first << " -> " << rss_after << " KiB");
  // The second round grows nothing the first did not: caches are bounded, nothing leaks.
  // Under AddressSanitizer freed memory sits in its quarantine, so RSS says nothing there;
  // LeakSanitizer checks the server instead, at its clean stop (a leak makes its exit code
  // non-zero).
  if (!kIsSanitized) CHECK(rss_after - rss_after_first < 16 * 1024);
  CHECK(server.stop() == 0);
}

TEST_CASE("serve: a preview after a keystroke costs a fraction of the first render") {
  Server server({"--workers", "1"});
  auto c = server.client();
  auto timed = [&](const json& body) {
    const auto start = std::chrono::steady_clock::now();
    auto r = post(c, body);
    REQUIRE(r);
    CHECK(r->status == 200);
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
  };
  json req = poster_request();
  req["dpi"] = 60;
  const double cold = timed(req);
  double warm = 1e9;
  for (const char* time : {"Thursday 7", "Thursday 7p", "Thursday 7pm"}) {
    req["values"]["event.time"] = time;
    warm = std::min(warm, timed(req));
  }
  MESSAGE("preview: first " << cold << " ms, after a keystroke " << warm << " ms");
  CHECK(warm * 2 < cold);
}

}  // namespace
}  // namespace broadside::testing
