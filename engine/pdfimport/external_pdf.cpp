#include "pdfimport/external_pdf.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <locale>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

#include "core/diagnostic.hpp"
#include "core/french.hpp"
#include "core/installation.hpp"
#include "core/output_files.hpp"
#include "pdfimport/child_process.hpp"
#include "pdfimport/import_protocol.hpp"

namespace lettrine {

namespace fs = boost::filesystem;
namespace proto = pdfimport_protocol;

namespace {

// "2 000" with a narrow no-break space (U+202F), as French sets numbers.
std::string french_integer(std::uint64_t value) { return group_digits(std::to_string(value)); }

// "512 Kio", "200 Mio" (binary units, as the other readers say; rounded up).
std::string file_size_text(std::uint64_t bytes) {
    if (bytes < (1u << 20)) return french_integer((bytes + 1023) >> 10) + "\u00A0Kio";
    return french_integer((bytes + (1u << 20) - 1) >> 20) + "\u00A0Mio";
}

// "30 s", "0,5 s".
std::string seconds(double value) {
    const double tenths = std::round(value * 10);
    std::string text = french_integer(static_cast<std::uint64_t>(tenths / 10));
    const int decimal = static_cast<int>(std::fmod(tenths, 10));
    if (decimal != 0) text += "," + std::to_string(decimal);
    return text + "\u00A0s";
}

[[noreturn]] void fail(ErrorKind kind, const fs::path& file, const std::string& message) {
    throw LettrineError(kind, SourcePosition::in_file(file.string()), message);
}

// What can be told without parsing: the file exists, is a regular file we
// may read, and is not too large.
void check_file(const fs::path& file, std::uint64_t max_bytes) {
    boost::system::error_code error;
    const fs::file_status status = fs::status(file, error);
    if (status.type() == fs::file_not_found) fail(ErrorKind::Io, file, "fichier introuvable");
    if (error) fail(ErrorKind::Io, file, "lecture impossible : " + describe_system_error(error.value()));
    if (status.type() != fs::regular_file) fail(ErrorKind::Io, file, "ce n’est pas un fichier ordinaire");
    const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);  // a FIFO put in its place cannot block
    if (fd < 0) fail(ErrorKind::Io, file, "lecture impossible : " + describe_system_error(errno));
    ::close(fd);
    const std::uint64_t size = fs::file_size(file, error);
    if (error) fail(ErrorKind::Io, file, "lecture impossible : " + describe_system_error(error.value()));
    if (size > max_bytes)
        fail(ErrorKind::Data, file,
             "fichier trop volumineux pour être importé (" + file_size_text(size) + " ; au plus " +
                 file_size_text(max_bytes) + ")");
}

std::vector<std::string> limit_arguments(const ImportLimits& limits, std::size_t files) {
    return {"--cpu-seconds", std::to_string(static_cast<long long>(limits.cpu_seconds) * static_cast<long long>(files)),
            "--memory-bytes", std::to_string(limits.memory_bytes),
            "--max-pages", std::to_string(limits.max_pages)};
}

// A number written by the helper ("%.3f", C locale), read whatever the
// process's locale.
double parse_number(const std::string& text) {
    std::istringstream in(text);
    in.imbue(std::locale::classic());
    double value = 0;
    in >> value;
    return value;
}

std::vector<std::vector<std::string>> records(const std::string& out) {
    std::vector<std::vector<std::string>> lines;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::vector<std::string> record;
        std::string field;
        while (fields >> field) record.push_back(field);
        if (!record.empty()) lines.push_back(std::move(record));
    }
    return lines;
}

std::string first_line(const std::string& text) {
    const std::string line = text.substr(0, text.find('\n'));
    return line.size() > 300 ? line.substr(0, 300) + "…" : line;
}

// Who the helper's input numbers designate, for messages.
struct Inputs {
    std::vector<fs::path> files;  // 0: the inspected file or the Lettrine PDF; k: placement k's file
    fs::path output;
    bool first_is_ours = false;   // files[0] was written by Lettrine (place)
    const fs::path& at(std::size_t input) const { return files.at(input < files.size() ? input : 0); }
};

// Turns a run that did not end with "done" into the error it stands for.
[[noreturn]] void report_failure(const pdfimport::ChildRun& run, const Inputs& inputs, const ImportLimits& limits,
                                 std::size_t files_read) {
    std::size_t current = 0;
    std::string code;
    for (const auto& record : records(run.out)) {
        if (record.size() == 2 && record[0] == "file") current = std::strtoul(record[1].c_str(), nullptr, 10);
        if (record.size() == 3 && record[0] == "error") {
            code = record[1];
            current = std::strtoul(record[2].c_str(), nullptr, 10);
        }
    }
    const fs::path& file = inputs.at(current);
    // Problems of the Lettrine PDF itself (input 0 of "place") are our bugs.
    const bool ours = current == 0 && inputs.first_is_ours;
    const ErrorKind data = ours ? ErrorKind::Internal : ErrorKind::Data;
    const std::string hostile = " : le fichier est anormal, peut-être piégé";

    if (run.timed_out)
        fail(data, file, "la lecture de ce PDF prend trop de temps (arrêtée au bout de " +
                             seconds(limits.wall_seconds * static_cast<double>(files_read)) + ")" + hostile);
    if (!run.exited) {
        if (run.signal == SIGXCPU)
            fail(data, file, "la lecture de ce PDF demande trop de calcul (plus de " +
                                 seconds(limits.cpu_seconds * static_cast<double>(files_read)) + ")" + hostile);
        if (run.signal == SIGKILL)
            fail(data, file, "la lecture de ce PDF demande trop de calcul ou de mémoire (le système l’a arrêtée)" +
                                 hostile);
        fail(data, file, "la lecture de ce PDF a fait échouer le programme d’import (" +
                             pdfimport::signal_name(run.signal) + ")" + hostile);
    }
    if (code == proto::kNotPdf) fail(data, file, "ce fichier n’est pas un PDF");
    if (code == proto::kUnreadable) fail(ErrorKind::Io, file, "lecture impossible");
    if (code == proto::kEncrypted)
        fail(data, file, "ce PDF est protégé par un mot de passe : enregistrez-le ou exportez-le sans mot de passe");
    if (code == proto::kDamaged)
        fail(data, file,
             "ce PDF est endommagé (il faudrait le réparer pour le lire) : exportez-le à nouveau depuis le "
             "logiciel qui l’a produit");
    if (code == proto::kTooManyPages)
        fail(data, file, "ce PDF a trop de pages pour être importé (plus de " + french_integer(limits.max_pages) + ")");
    if (code == proto::kNoPages) fail(data, file, "ce PDF n’a aucune page");
    if (code == proto::kMemory)
        fail(data, file, "la lecture de ce PDF demande trop de mémoire (plus de " + file_size_text(limits.memory_bytes) +
                             ")" + hostile);
    if (code == proto::kNoSuchPage)
        fail(ErrorKind::Internal, file,
             current == 0 ? "une page cible demandée n’existe pas dans ce PDF"
                          : "la page demandée (placement " + std::to_string(current) + ") n’existe pas dans ce PDF");
    if (code == proto::kBadRectangle)
        fail(ErrorKind::Internal, inputs.at(0),
             "la zone du placement " + std::to_string(current) + " est vide ou sort de sa page cible");
    if (code == proto::kOutput) fail(ErrorKind::Io, inputs.output, "écriture impossible");
    fail(ErrorKind::Internal, file,
         "le programme d’import a échoué (" +
             (run.exited ? "code " + std::to_string(run.exit_status) : pdfimport::signal_name(run.signal)) +
             (run.err.empty() ? std::string(")") : ") : " + first_line(run.err)));
}

bool succeeded(const pdfimport::ChildRun& run) {
    if (run.timed_out || !run.exited || run.exit_status != 0) return false;
    const auto lines = records(run.out);
    return !lines.empty() && lines.back().size() == 1 && lines.back()[0] == "done";
}

}  // namespace

fs::path import_helper_path() {
#ifdef LETTRINE_IMPORT_PDF_BUILD_PATH
    const char* const build_path = LETTRINE_IMPORT_PDF_BUILD_PATH;
#else
    const char* const build_path = nullptr;
#endif
    return find_helper_program({kImportHelperName, kImportHelperVariable, build_path, "programme d’import des PDF"});
}

ExternalPdfInfo inspect_external_pdf(const fs::path& file, const ImportLimits& limits) {
    check_file(file, limits.max_file_bytes);
    std::vector<std::string> arguments = limit_arguments(limits, 1);
    arguments.push_back(proto::kInspect);
    arguments.push_back(file.string());
    const pdfimport::ChildRun run = pdfimport::run_child(import_helper_path(), arguments, limits.wall_seconds);
    Inputs inputs;
    inputs.files = {file};
    if (!succeeded(run)) report_failure(run, inputs, limits, 1);

    ExternalPdfInfo info;
    std::size_t announced = 0;
    for (const auto& record : records(run.out)) {
        if (record.size() == 2 && record[0] == "pages") announced = std::strtoul(record[1].c_str(), nullptr, 10);
        if (record.size() == 4 && record[0] == "page")
            info.pages.push_back({parse_number(record[2]), parse_number(record[3])});
    }
    if (announced == 0 || announced != info.pages.size())
        fail(ErrorKind::Internal, file, "réponse incohérente du programme d’import : « " + first_line(run.out) + " »");
    return info;
}

void place_external_pages(const fs::path& lettrine_pdf, const std::vector<PagePlacement>& placements,
                          const fs::path& output, const ImportLimits& limits) {
    check_file(lettrine_pdf, UINT64_MAX);  // ours: no size limit
    Inputs inputs;
    inputs.files.push_back(lettrine_pdf);
    inputs.first_is_ours = true;
    inputs.output = output;
    std::vector<fs::path> distinct;
    for (const PagePlacement& placement : placements) {
        inputs.files.push_back(placement.file);
        if (std::find(distinct.begin(), distinct.end(), placement.file) == distinct.end()) {
            check_file(placement.file, limits.max_file_bytes);
            distinct.push_back(placement.file);
        }
    }
    const std::size_t files_read = 1 + distinct.size();

    std::vector<std::string> arguments = limit_arguments(limits, files_read);
    arguments.push_back(proto::kPlace);
    arguments.push_back(lettrine_pdf.string());
    arguments.push_back(output.string());
    auto number = [](double value) {
        std::ostringstream out;
        out.imbue(std::locale::classic());
        out.precision(17);
        out << value;
        return out.str();
    };
    for (const PagePlacement& placement : placements) {
        arguments.push_back(std::to_string(placement.target_page));
        arguments.push_back(placement.file.string());
        arguments.push_back(std::to_string(placement.source_page));
        for (double value : {placement.x, placement.y, placement.width, placement.height})
            arguments.push_back(number(value));
    }
    const pdfimport::ChildRun run = pdfimport::run_child(import_helper_path(), arguments,
                                                         limits.wall_seconds * static_cast<double>(files_read));
    if (!succeeded(run)) {
        // A killed helper may have left a partial output behind.
        boost::system::error_code ignored;
        if (!run.exited || run.exit_status != 0) fs::remove(output, ignored);
        report_failure(run, inputs, limits, files_read);
    }
}

}  // namespace lettrine
