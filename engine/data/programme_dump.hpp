#pragma once
// A stable text dump of a Programme, one field per line, without positions:
// what golden tests and the XLSX/XML equivalence test compare.
#include <string>

#include "data/programme.hpp"

namespace lettrine {

std::string dump_programme(const Programme& programme);

}  // namespace lettrine
