#pragma once
// Shared by the bilan tests: the default programme, a valid XML bilan to
// mutate, temporary folders and running /usr/bin/python3 (openpyxl).
#include <string>

#include <boost/filesystem.hpp>

#include "bilan/bilan_reader.hpp"
#include "data/programme.hpp"

namespace lettrine::testing {

const Programme& default_programme();  // input/programme-2016.xml
const Sector& sector(const std::string& id);

// A complete, valid bilan for « habitat » in XML (30 to 45 days).
std::string valid_bilan_xml();

// Every diagnostic of checking `xml` as "bilan.xml", one per line (errors and warnings).
std::string xml_problems(const std::string& xml);

// A fresh empty folder under the system temporary folder.
boost::filesystem::path temp_folder(const std::string& name);

// Runs `/usr/bin/python3 tests/bilan/<script> args…`; returns its exit code, stdout in `out`.
int run_python(const std::string& script, const std::string& arguments, std::string& out);

std::string source_path(const std::string& relative);  // under the project root

}  // namespace lettrine::testing
