#include "signing/sign_command.hpp"

#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"
#include "core/french.hpp"
#include "core/output_batch.hpp"
#include "signing/credentials.hpp"
#include "signing/pdf_signer.hpp"

namespace fs = boost::filesystem;

namespace lettrine::signing {

namespace {

// A letter is a few hundred kilobytes; this only stops a wrong argument
// (a disk image) from being read into memory.
constexpr std::uintmax_t kMaxPdfBytes = 256ull << 20;

// core's read_file (a regular file only, size-capped), its error kept with
// the others so that every file's problem is reported at once.
std::string read_file(const fs::path& file, std::uintmax_t limit, Diagnostics& problems) {
    try {
        return lettrine::read_file(file, limit);
    } catch (const LettrineError& e) {
        problems.append(e.diagnostics());
        return {};
    }
}

std::string read_password(const std::string& file) {
    if (file.empty()) return {};
    Diagnostics problems;
    std::string password = read_file(file, 4096, problems);
    if (problems.has_errors()) throw LettrineError(ErrorKind::Usage, std::move(problems));
    while (!password.empty() && (password.back() == '\n' || password.back() == '\r')) password.pop_back();
    return password;
}

const pdf::SignatureFieldSpec& field_named(const std::string& option) {
    return option == "referent" ? pdf::kSignatureFields[1] : pdf::kSignatureFields[0];
}

struct Signed {
    fs::path destination;
    std::string bytes;
};

// Every file signed in memory; all problems at once.
std::vector<Signed> sign_all(const SignOptions& options, const Credentials& credentials,
                             const SignatureRequest& request) {
    Diagnostics problems;
    std::vector<Signed> done;
    for (const std::string& name : options.files) {
        const fs::path file(name);
        const std::size_t errors_before = problems.error_count();
        const std::string bytes = read_file(file, kMaxPdfBytes, problems);
        if (problems.error_count() > errors_before) continue;  // an empty file goes on: « pas un PDF lisible »
        try {
            const fs::path destination = options.output.empty() ? file : fs::path(options.output) / file.filename();
            done.push_back({destination, sign_pdf(bytes, name, credentials, request)});
        } catch (const LettrineError& e) {
            if (e.kind() != ErrorKind::Data) throw;
            for (const auto& d : e.diagnostics().items()) problems.add(d);
        }
    }
    if (problems.has_errors()) throw LettrineError(ErrorKind::Data, std::move(problems));
    return done;
}

// One batch per output folder (the letters usually share one): nothing is
// published before every file is staged.
void publish(const std::vector<Signed>& files) {
    std::map<std::string, std::unique_ptr<OutputBatch>> batches;
    for (const Signed& f : files) {
        const fs::path folder = output_folder_of(f.destination);
        auto& batch = batches[fs::absolute(folder).lexically_normal().string()];
        if (!batch) batch = std::make_unique<OutputBatch>(folder);
        batch->stage_bytes(f.destination, f.bytes);
    }
    for (auto& [folder, batch] : batches) batch->commit();
}

}  // namespace

Signer::Signer(const SignOptions& options, std::ostream& out)
    : options_(options), credentials_(load_credentials(options.certificate, read_password(options.password_file))) {
    if (credentials_.legacy_algorithms)
        out << "Note : ce certificat est chiffré avec des algorithmes anciens (RC2-40 ou 3DES) ; Lettrine a chargé le "
               "module « legacy » d’OpenSSL pour le lire. Réexportez-le en AES-256 quand vous le pourrez.\n";
    request_.field = &field_named(options.field);
    request_.when = options.when ? *options.when : std::time(nullptr);
    check_validity(credentials_, request_.when, options.certificate);
    request_.reason = options.reason;
    request_.location = options.location;
    request_.signer_name = subject_common_name(credentials_);
    request_.signer_role = options.role.empty() ? subject_title(credentials_) : options.role;
}

void Signer::sign(const std::vector<std::string>& files, std::ostream& out) const {
    SignOptions options = options_;
    options.files = files;
    const std::vector<Signed> signed_files = sign_all(options, credentials_, request_);
    publish(signed_files);
    for (const Signed& f : signed_files) out << "Signé : " << f.destination.string() << "\n";
    out << signed_files.size() << (signed_files.size() > 1 ? " lettres signées" : " lettre signée") << " par "
        << quoted(request_.signer_name) << ".\n";
}

int Signer::sign_written(const std::vector<fs::path>& written, std::ostream& out) const {
    std::vector<std::string> pdfs;
    for (const fs::path& file : written)
        if (file.extension() == ".pdf") pdfs.push_back(file.string());
    if (pdfs.empty()) return 0;
    try {
        sign(pdfs, out);
        return 0;
    } catch (const LettrineError& e) {
        for (const auto& d : e.diagnostics().items()) out << d.describe() << "\n";
        out << "Échec de la signature : les lettres sont écrites, mais non signées ; corrigez le problème puis "
               "signez-les avec « lettrine signer » (docs/SIGNATURE.md).\n";
        return exit_code_for(e.kind());
    }
}

std::optional<Signer> signer_for_batch(const std::string& certificate, const std::string& password_file,
                                       std::ostream& out) {
    if (certificate.empty()) return std::nullopt;
    SignOptions options;
    options.certificate = certificate;
    options.password_file = password_file;
    return Signer(options, out);
}

void run_signing(const SignOptions& options, std::ostream& out) { Signer(options, out).sign(options.files, out); }

int sign_command(const std::vector<std::string>& args) {
    const SignOptions options = parse_sign_arguments(args);
    if (options.help) {
        std::cout << sign_help_text();
        return 0;
    }
    run_signing(options, std::cerr);
    return 0;
}

}  // namespace lettrine::signing
