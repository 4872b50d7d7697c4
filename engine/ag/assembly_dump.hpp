#pragma once
// A readable text dump of a GeneralAssembly (no positions): tests compare
// the workbook's and the XML twin's dumps, and diff it when they differ.
#include <string>

#include "ag/assembly.hpp"

namespace lettrine {

std::string dump_assembly(const GeneralAssembly& assembly);

}  // namespace lettrine
