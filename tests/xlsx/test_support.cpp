#include "test_support.hpp"

#include <unistd.h>

namespace lettrine::xlsx_test {

namespace fs = boost::filesystem;

fs::path fresh_folder(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("lettrine-test-xlsx-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

}  // namespace lettrine::xlsx_test
