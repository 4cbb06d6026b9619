// interrupt.cpp — async-signal-safe counting with lock-free atomics (sigaction(2)).
#include "batch/interrupt.hpp"

#include <csignal>

#include <atomic>

namespace broadside::batch {

namespace {

std::atomic<int> g_count{0};
std::atomic<int> g_signal{0};
static_assert(std::atomic<int>::is_always_lock_free, "signal handlers need lock-free atomics");

struct sigaction g_old_int, g_old_term;

extern "C" void on_signal(int sig) {
  g_signal.store(sig);
  g_count.fetch_add(1);
}

}  // namespace

InterruptWatch::InterruptWatch() {
  g_count = 0;
  g_signal = 0;
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // the supervisor polls; no system call need fail with EINTR
  sigaction(SIGINT, &action, &g_old_int);
  sigaction(SIGTERM, &action, &g_old_term);
}

InterruptWatch::~InterruptWatch() {
  sigaction(SIGINT, &g_old_int, nullptr);
  sigaction(SIGTERM, &g_old_term, nullptr);
}

int InterruptWatch::count() const {
  return g_count.load();
}

int InterruptWatch::signal() const {
  return g_signal.load();
}

}  // namespace broadside::batch
