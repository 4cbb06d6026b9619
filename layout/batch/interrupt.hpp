// interrupt.hpp — Ctrl-C (SIGINT) and SIGTERM while a batch runs: the handler only counts them;
// the runner's supervisor decides what to do (stop taking jobs, then stop the running ones).
#pragma once

namespace broadside::batch {

/// Installs handlers for SIGINT and SIGTERM for its lifetime, restoring the previous ones after.
/// One at a time per process.
class InterruptWatch {
 public:
  InterruptWatch();
  ~InterruptWatch();
  InterruptWatch(const InterruptWatch&) = delete;
  InterruptWatch& operator=(const InterruptWatch&) = delete;

  /// How many interrupts arrived since construction.
  int count() const;
  /// The last signal that arrived (SIGINT or SIGTERM); 0 when none did.
  int signal() const;
};

}  // namespace broadside::batch
