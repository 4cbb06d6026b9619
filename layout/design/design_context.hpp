// design_context.hpp — what reading the pages needs from the design's earlier sections.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/options.hpp"
#include "design/design.hpp"
#include "design/page_setup.hpp"
#include "design/palette.hpp"
#include "design/styles.hpp"
#include "design/variable_names.hpp"
#include "design/yaml_reader.hpp"

namespace broadside::design {

/// The resolved page, grid, colours and styles that frames refer to, plus the frame ids seen.
struct DesignContext {
  Reader& in;
  /// The run's limits and the folders besides `folder` that images may come from.
  const core::Options& options;
  /// The design file's folder: images are found relative to it.
  std::filesystem::path folder;
  PageSetup page;
  Grid grid;
  Palette colors;
  std::map<std::string, StyleDraft> styles;
  /// Ids written as `id:`, and where; defaulted ids are settled once every page is read.
  std::map<std::string, core::SourceLocation> explicit_ids;
  /// Frame::where (line, column) of the frames whose id was written as `id:`.
  std::set<std::pair<int, int>> explicit_id_frames;
  /// The names `when-set:` and `when-unset:` give, checked once every variable is declared.
  std::vector<VariableUse> condition_uses;
};

}  // namespace broadside::design
