// leftovers.hpp — temporary files a killed run left behind, removed when the next run resumes.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>

namespace broadside::batch {

/// Output file names this process owns, by folder.
using OwnedOutputs = std::map<std::filesystem::path, std::set<std::string>>;

/// Removes the temporaries core::write_file_atomically names ".<file>.XXXXXX" for any output in
/// `owned` (or one of its pages, "<name>-2.png"): they are what a SIGKILL between creating and
/// renaming one leaves. Only this process's own outputs are touched, so shards running at the
/// same time never lose a temporary they are still writing. Lists each folder once.
void remove_stale_temporaries(const OwnedOutputs& owned);

}  // namespace broadside::batch
