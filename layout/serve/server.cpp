// server.cpp — `broadside serve`: cpp-httplib's server, the routes of the page and the API,
// and a clean stop on SIGINT or SIGTERM.
#include <httplib.h>
#include <pthread.h>
#include <sys/socket.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <optional>
#include <thread>

#include "batch/session.hpp"
#include "serve/api.hpp"
#include "serve/pages.hpp"
#include "serve/render_pool.hpp"
#include "serve/request.hpp"
#include "serve/serve.hpp"
#include "serve/watch.hpp"

namespace broadside::serve {

namespace fs = std::filesystem;

namespace {

/// HTTP threads beyond the render workers and queue: listings, pages, the designer's event
/// streams, and requests that are to be told 503 while every worker is busy.
constexpr size_t kSpareHttpThreads = 4;
/// Seconds a client may take to send a request, and to read an answer.
constexpr time_t kReadTimeoutSeconds = 10, kWriteTimeoutSeconds = 30;

/// Nothing a page loads comes from elsewhere, and nothing may frame it.
void secure_headers(httplib::Response& res) {
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                 "img-src 'self' blob: data:; connect-src 'self'; frame-ancestors 'none'; "
                 "base-uri 'none'; form-action 'none'");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
}

void send_errors(httplib::Response& res, int status,
                 const std::vector<batch::FieldProblem>& problems) {
  res.status = status;
  res.set_content(errors_json(problems), "application/json");
}

struct Server {
  const ServeArgs& args;
  batch::Library& library;
  RenderPool& pool;
  Watchers& watchers;

  void routes(httplib::Server& http) {
    http.Get("/", [](const httplib::Request&, httplib::Response& res) {
      secure_headers(res);
      res.set_content(branch_page().data(), branch_page().size(), "text/html; charset=utf-8");
    });
    http.Get("/api/designs", [this](const httplib::Request&, httplib::Response& res) {
      core::Diagnostics diags;  // unreadable designs are left out; the designer page shows why
      res.set_content(designs_json(library.designs(diags)), "application/json");
    });
    http.Get("/api/statements", [this](const httplib::Request&, httplib::Response& res) {
      core::Diagnostics diags;
      res.set_content(statements_json(library.statements(diags)), "application/json");
    });
    http.Post("/api/render", [this](const httplib::Request& req, httplib::Response& res) {
      render(req.body, res);
    });
    http.Post("/api/rows",
              [this](const httplib::Request& req, httplib::Response& res) { rows(req.body, res); });
    if (!args.watch) return;
    http.Get("/designer", [](const httplib::Request&, httplib::Response& res) {
      secure_headers(res);
      res.set_content(designer_page().data(), designer_page().size(), "text/html; charset=utf-8");
    });
    http.Get("/api/names", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(names_json(library.design_names(), library.statement_names()),
                      "application/json");
    });
    http.Get("/api/watch", [this](const httplib::Request& req, httplib::Response& res) {
      watchers.stream(req.get_param_value("design"), req.get_param_value("statement"), res);
    });
  }

  /// The pool's answer to `request`; nullopt when `res` is answered already: 503 with
  /// Retry-After when the queue is full, 500 when the render failed.
  template <class Result, class Request>
  std::optional<Result> await_pool(Request request, httplib::Response& res) {
    auto future = pool.submit(std::move(request));
    if (!future) {
      res.set_header("Retry-After", std::to_string(pool.retry_after_seconds()));
      send_errors(res, 503, {{"", "every renderer is busy; try again shortly", ""}});
      return std::nullopt;
    }
    try {
      return future->get();
    } catch (const std::exception& e) {
      send_errors(res, 500, {{"", std::string("the render failed: ") + e.what(), ""}});
      return std::nullopt;
    }
  }

  void render(const std::string& body, httplib::Response& res) {
    const auto start = std::chrono::steady_clock::now();
    DecodedRequest decoded = decode_render_request(body, RequestLimits{});
    if (!decoded.request) return send_errors(res, decoded.status, decoded.problems);
    const batch::Format format = decoded.request->format;
    const std::string name = decoded.request->design;
    auto answer = await_pool<batch::PreviewResult>(std::move(*decoded.request), res);
    if (!answer) return;
    batch::PreviewResult& result = *answer;
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    res.set_header("Server-Timing", "render;dur=" + std::to_string(ms));
    if (result.status != batch::PreviewStatus::ok)
      return send_errors(res, status_for(result.status), result.problems);
    res.set_header("X-Pages", std::to_string(result.pages));
    res.set_header("Cache-Control", "no-store");
    const char* ext = format == batch::Format::pdf   ? "pdf"
                      : format == batch::Format::svg ? "svg"
                                                     : "png";
    res.set_header("Content-Disposition", "inline; filename=\"" + name + "." + ext + "\"");
    // An SVG is a document that can carry script: never run it as this site's page.
    if (format == batch::Format::svg) secure_headers(res);
    res.set_content(result.bytes, content_type(format));
  }

  void rows(const std::string& body, httplib::Response& res) {
    DecodedRows decoded = decode_rows_request(body, RequestLimits{});
    if (!decoded.request) return send_errors(res, decoded.status, decoded.problems);
    const std::string name = decoded.request->base.design;
    auto answer = await_pool<batch::RowsResult>(std::move(*decoded.request), res);
    if (!answer) return;
    batch::RowsResult& result = *answer;
    if (result.status != batch::PreviewStatus::ok) {
      res.status = status_for(result.status);
      return res.set_content(row_errors_json(result.problems), "application/json");
    }
    res.set_header("X-Rows", std::to_string(result.rows));
    res.set_header("Cache-Control", "no-store");
    res.set_header("Content-Disposition", "attachment; filename=\"" + name + "-rows.zip\"");
    res.set_content(result.zip, "application/zip");
  }
};

/// Answers without a body of their own (404, 413 from httplib...) get a JSON one.
void fill_error_bodies(httplib::Server& http) {
  http.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        const char* message = res.status == 404   ? "there is nothing here"
                              : res.status == 413 ? "the request is larger than this server takes"
                                                  : "the request cannot be answered";
        res.set_content(errors_json({{"", message, ""}}), "application/json");
        return httplib::Server::HandlerResponse::Handled;
      }));
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        res.status = 500;
        res.set_content(errors_json({{"", "the server failed on this request", ""}}),
                        "application/json");
      });
}

std::vector<fs::path> folders_or(const std::vector<fs::path>& given, const fs::path& fallback) {
  return given.empty() ? std::vector<fs::path>{fallback} : given;
}

}  // namespace

int run(const ServeArgs& args, const core::Options& options) {
  // SIGINT and SIGTERM are taken by one thread (sigwait below), not by whichever thread they hit.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  core::Diagnostics diags;
  const auto session = batch::open_session(options, diags);
  for (const auto& d : diags.all()) std::cerr << d.to_string() << "\n";
  if (!session) return 1;
  const auto designs = folders_or(args.designs, options.data_dir / "designs");
  const auto contents = folders_or(args.contents, options.data_dir / "content");
  for (const auto* dirs : {&designs, &contents})
    for (const auto& dir : *dirs)
      if (std::error_code ec; !fs::is_directory(dir, ec)) {
        std::cerr << "broadside serve: '" << dir.string() << "' is not a folder\n";
        return 1;
      }
  const size_t workers =
      args.workers > 0 ? args.workers : std::max(1u, std::thread::hardware_concurrency());
  // Forked first, while this process has one thread (the signal mask above is inherited).
  RenderPool pool(session, designs, contents, workers, static_cast<size_t>(args.queue));
  batch::Library library(session->options, designs, contents);
  Watchers watchers(library, pool);

  httplib::Server http;
  const size_t http_threads = workers + args.queue + Watchers::kMaxStreams + kSpareHttpThreads;
  // httplib takes the pool it is given and deletes it when the server goes.
  http.new_task_queue = [http_threads] { return new httplib::ThreadPool(http_threads); };
  http.set_payload_max_length(args.max_body);
  // SO_REUSEADDR only: httplib's default SO_REUSEPORT would let a second server start on a port
  // already in use and take half of its connections, instead of saying the port is taken.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http.set_read_timeout(kReadTimeoutSeconds, 0);
  http.set_write_timeout(kWriteTimeoutSeconds, 0);
  if (args.log)
    http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::fprintf(stderr, "%s %s %d %zu\n", req.method.c_str(), req.path.c_str(), res.status,
                   res.body.size());
    });
  fill_error_bodies(http);
  Server server{args, library, pool, watchers};
  server.routes(http);

  int port = args.port;
  if (port == 0) {
    port = http.bind_to_any_port(args.host);
  } else if (!http.bind_to_port(args.host, port)) {
    port = -1;
  }
  if (port <= 0) {
    std::cerr << "broadside serve: cannot listen on " << args.host << ":" << args.port << "\n";
    return 1;
  }
  std::cout << "broadside serve: http://" << args.host << ":" << port << "/"
            << (args.watch ? "  (designer page: /designer)" : "") << std::endl;

  std::jthread stopper([&http, &watchers, stop_signals] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    watchers.stop();
    http.stop();
  });
  http.listen_after_bind();
  // Listening ended some other way (it failed): let the signal thread go too.
  pthread_kill(stopper.native_handle(), SIGTERM);
  return 0;
}

}  // namespace broadside::serve
