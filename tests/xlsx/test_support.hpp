#pragma once
// Small helpers shared by the xlsx tests: private temporary folders (and,
// from tests/support, running an outside program).
#include <string>

#include <boost/filesystem.hpp>

#include "support/process.hpp"

namespace lettrine::xlsx_test {

// A fresh, empty folder unique to this process and name; removed by the caller.
boost::filesystem::path fresh_folder(const std::string& name);

using test_support::CommandResult;
using test_support::run_command;
using test_support::shell_quote;

}  // namespace lettrine::xlsx_test
