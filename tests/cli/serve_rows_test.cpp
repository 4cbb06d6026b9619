// serve_rows_test.cpp — `broadside serve` beyond one render: a CSV table made into a zip of one
// file per row, a page past the end as the request's own problem, a render process that dies,
// and the designer's stream following a palette the design includes.
#include <algorithm>
#include <atomic>
#include <fstream>
#include <thread>

#include "cli/serve_support.hpp"

namespace broadside::testing {
namespace {

namespace fs = std::filesystem;

/// Three branches; York's empty place cell leaves the value the form shares.
const std::string kBranches =
    "branch.name,event.place\n"
    "Leeds,Leeds Civic Hall\n"
    "\"Bradford, West\",Bradford Unity Hall\n"
    "York,\n";

json rows_request(const std::string& table) {
  json req = poster_request();
  req["values"].erase("branch.name");
  req["format"] = "pdf";
  req["table"] = table;
  req["table_name"] = "branches.csv";
  return req;
}

httplib::Result post_rows(httplib::Client& c, const json& body) {
  return c.Post("/api/rows", body.dump(), "application/json");
}

/// The "errors" of a refused table, as "row field" -> message.
std::map<std::string, std::string> row_errors_of(const httplib::Result& r) {
  std::map<std::string, std::string> out;
  const json body = json::parse(r->body);
  for (const auto& e : body["errors"])
    out[std::to_string(e["row"].get<int>()) + " " + e["field"].get<std::string>()] =
        e["message"].get<std::string>();
  return out;
}

TEST_CASE("serve: a page past the end is the request's 'page', not a command-line option") {
  Server server;
  auto c = server.client();
  json req = poster_request();
  req["page"] = 7;
  auto r = post(c, req);
  REQUIRE(r);
  CHECK(r->status == 422);
  const auto errors = errors_of(r);
  REQUIRE(errors.count("page"));
  CHECK(errors.at("page") == "there is no page 7; the document has 1");
  CHECK(r->body.find("--pages") == std::string::npos);
}

TEST_CASE("serve: a CSV table makes a zip of one PDF per row, each with its row's values") {
  Server server;
  auto c = server.client();
  auto r = post_rows(c, rows_request(kBranches));
  REQUIRE(r);
  REQUIRE_MESSAGE(r->status == 200, r->body);
  CHECK(r->get_header_value("Content-Type") == "application/zip");
  CHECK(r->get_header_value("X-Rows") == "3");
  CHECK(r->get_header_value("Content-Disposition").find("branch-poster-a4-rows.zip") !=
        std::string::npos);
  const fs::path dir = scratch_dir("serve-rows");
  std::ofstream(dir / "rows.zip", std::ios::binary) << r->body;
  REQUIRE(run({"python3", "-m", "zipfile", "-e", (dir / "rows.zip").string(), (dir / "x").string()})
              .exit_code == 0);
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir / "x")) names.push_back(e.path().filename());
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"01-Leeds.pdf", "02-Bradford, West.pdf", "03-York.pdf"});
  auto text = [&](const std::string& name) {
    return run({"pdftotext", (dir / "x" / name).string(), "-"}).out;
  };
  CHECK(text("01-Leeds.pdf").find("Leeds Civic Hall") != std::string::npos);
  CHECK(text("02-Bradford, West.pdf").find("Bradford Unity Hall") != std::string::npos);
  // An empty cell leaves the value the form shares.
  CHECK(text("03-York.pdf").find("Leeds Civic Hall") != std::string::npos);
  // The same table, the same archive.
  auto again = post_rows(c, rows_request(kBranches));
  REQUIRE(again);
  CHECK(again->body == r->body);
}

TEST_CASE("serve: a table's bad rows are each reported with their row and field, no zip made") {
  Server server;
  auto c = server.client();
  auto r =
      post_rows(c, rows_request("branch.name,event.time\n"
                                "Leeds,7pm\n" +
                                std::string("Bradford,") + std::string(40, 'x') + "\n" + "York\n"));
  REQUIRE(r);
  CHECK(r->status == 422);
  CHECK(r->get_header_value("Content-Type") == "application/json");
  const auto errors = row_errors_of(r);
  REQUIRE(errors.count("2 event.time"));
  CHECK(errors.at("2 event.time").find("at most 32") != std::string::npos);
  CHECK(errors.size() == 2);  // row 3 is ragged
  CHECK(errors.count("1 event.time") == 0);

  std::string many = "branch.name\n";
  for (int i = 0; i < 101; ++i) many += "Branch " + std::to_string(i) + "\n";
  r = post_rows(c, rows_request(many));
  REQUIRE(r);
  CHECK(r->status == 422);
  CHECK(row_errors_of(r)["0 table"].find("at most 100") != std::string::npos);

  r = post_rows(c, rows_request("not a variable!,x\n1,2\n"));
  REQUIRE(r);
  CHECK(r->status == 422);
  CHECK(row_errors_of(r).count("0 table") == 1);

  json no_table = poster_request();
  r = post_rows(c, no_table);
  REQUIRE(r);
  CHECK(r->status == 400);
  CHECK(errors_of(r).count("table") == 1);
}

/// A poster at 24 dpi: a render that costs little, for the tests of the render processes.
json small_poster_request() {
  json req = poster_request();
  req["dpi"] = 24;
  return req;
}

TEST_CASE("serve: a render process that dies is replaced and no request is lost") {
  Server server({"--workers", "2"});
  auto c = server.client();
  const json req = small_poster_request();
  const auto first = post(c, req);
  REQUIRE(first);
  REQUIRE(first->status == 200);
  // Each render process, first or replacement, is forked by one process with one thread.
  CHECK(server.children("broadside-fork").size() == 1);
  const auto pids = server.children("broadside-work");
  REQUIRE(pids.size() == 2);
  for (pid_t pid : pids) kill(pid, SIGKILL);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  for (int i = 0; i < 4; ++i) {
    const auto r = post(c, req);
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->body == first->body);
  }
  // The replacement is the server's child too: it waits for it as for the first ones.
  const auto replaced = server.children("broadside-work");
  CHECK(!replaced.empty());
  for (pid_t pid : replaced) CHECK(std::find(pids.begin(), pids.end(), pid) == pids.end());
  // One that dies while idle is reaped and replaced before any request finds it dead.
  const pid_t idle = server.children("broadside-work").front();
  kill(idle, SIGKILL);
  std::vector<pid_t> now;
  for (int i = 0; i < 150; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    now = server.children("broadside-work");
    if (server.zombies().empty() && now.size() == 2 &&
        std::find(now.begin(), now.end(), idle) == now.end())
      break;
  }
  CHECK(server.zombies().empty());
  CHECK(now.size() == 2);
  CHECK(std::find(now.begin(), now.end(), idle) == now.end());
  CHECK(server.is_alive());
  CHECK(server.stop() == 0);
}

TEST_CASE(
    "serve: a render stuck inside a stage is stopped past the time limit, and the next one works") {
  // Long enough for a first render on a loaded machine under the sanitizers.
  Server server({"--workers", "1", "--limit", "job-seconds=6"});
  auto c = server.client();
  const json req = small_poster_request();
  const auto first = post(c, req);
  REQUIRE(first);
  REQUIRE(first->status == 200);
  const auto workers = server.children("broadside-work");
  REQUIRE(workers.size() == 1);
  // A stopped process answers nothing, as one looping inside a stage would.
  kill(workers[0], SIGSTOP);
  const auto start = std::chrono::steady_clock::now();
  const auto stuck = post(c, req);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(stuck);
  CHECK(stuck->status == 500);
  CHECK(stuck->body.find("over the job-seconds limit of 6 seconds") != std::string::npos);
  CHECK(seconds < 40);
  const auto after = post(c, req);
  REQUIRE(after);
  CHECK(after->status == 200);
  CHECK(after->body == first->body);
  const auto now = server.children("broadside-work");
  REQUIRE(now.size() == 1);
  CHECK(now[0] != workers[0]);
  CHECK(server.stop() == 0);
}

TEST_CASE("serve: the designer's stream redraws when a palette the design includes changes") {
  const fs::path dir = scratch_dir("serve-include");
  fs::create_directories(dir / "palettes");
  fs::copy_file(source_dir() / "designs" / "branch-poster-a4.yaml", dir / "poster.yaml",
                fs::copy_options::overwrite_existing);
  const fs::path palette = dir / "palettes" / "campaign.yaml";
  fs::copy_file(source_dir() / "designs" / "palettes" / "campaign.yaml", palette,
                fs::copy_options::overwrite_existing);
  Server server({"--watch", "--designs", dir.string()});
  auto c = server.client();
  c.set_read_timeout(20, 0);
  std::mutex mutex;
  std::vector<json> events;
  std::atomic<bool> done{false};
  std::jthread stream([&] {
    std::string buffer;
    c.Get("/api/watch?design=poster&statement=statement.en", [&](const char* data, size_t n) {
      buffer.append(data, n);
      for (size_t end; (end = buffer.find("\n\n")) != std::string::npos;) {
        const std::string event = buffer.substr(0, end);
        buffer.erase(0, end + 2);
        if (event.rfind("data: ", 0) == 0) {
          std::lock_guard lock(mutex);
          events.push_back(json::parse(event.substr(6)));
        }
      }
      return !done;
    });
  });
  auto wait_for = [&](size_t count) {
    for (int i = 0; i < 200; ++i) {
      {
        std::lock_guard lock(mutex);
        if (events.size() >= count) return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  };
  REQUIRE(wait_for(1));
  CHECK(events[0]["ok"] == true);
  // A save of the palette alone: a colour the design uses is gone.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // a new modification time
  std::ofstream(palette) << "red: {cmyk: [0, 100, 78, 18]}\n";
  REQUIRE(wait_for(2));
  {
    std::lock_guard lock(mutex);
    CHECK(events[1]["ok"] == false);
    CHECK(events[1]["errors"].dump().find("rose") != std::string::npos);
  }
  // Fixed again: the design draws again.
  fs::copy_file(source_dir() / "designs" / "palettes" / "campaign.yaml", palette,
                fs::copy_options::overwrite_existing);
  REQUIRE(wait_for(3));
  {
    std::lock_guard lock(mutex);
    CHECK(events[2]["ok"] == true);
  }
  done = true;
  server.stop();
}

}  // namespace
}  // namespace broadside::testing
