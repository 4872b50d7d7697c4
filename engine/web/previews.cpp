#include "web/previews.hpp"

#include <fstream>
#include <sstream>

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"
#include "preview/preview.hpp"

namespace fs = boost::filesystem;

namespace lettrine::web {

namespace {

std::optional<PreviewEntry> parse_entry(const std::string& line) {
    std::istringstream fields(line);
    PreviewEntry entry;
    std::string page, width;
    if (!std::getline(fields, entry.png, '\t') || !std::getline(fields, entry.pdf, '\t') ||
        !std::getline(fields, page, '\t') || !std::getline(fields, width))
        return std::nullopt;
    entry.page = std::atoi(page.c_str());
    entry.width = std::atoi(width.c_str());
    if (entry.page < 1 || entry.width < 1) return std::nullopt;
    return entry;
}

}  // namespace

int add_preview(const Workspace& workspace, const fs::path& output, const PreviewEntry& entry) {
    std::ofstream list((output / kPreviewManifest).string(), std::ios::binary | std::ios::app);
    list << entry.png << '\t' << entry.pdf << '\t' << entry.page << '\t' << entry.width << '\n';
    if (!list)
        throw LettrineError(ErrorKind::Io, SourcePosition::in_file((output / kPreviewManifest).string()),
                            "liste des aperçus impossible à écrire");
    return document_page_count(output / entry.pdf, workspace.preview_cache(), entry.width);
}

std::optional<PreviewEntry> find_preview(const Workspace& workspace, const std::string& id, const std::string& png) {
    if (!is_result_id(id)) return std::nullopt;
    std::ifstream in((workspace.result(id) / kPreviewManifest).string());
    std::string line;
    while (std::getline(in, line)) {
        std::optional<PreviewEntry> entry = parse_entry(line);
        if (entry && entry->png == png) return entry;
    }
    return std::nullopt;
}

struct PreviewService::Render {
    std::string key;
    fs::path pdf;
    int page = 1, width = 300;
    bool done = false;
    fs::path png;
    std::string error;
};

PreviewService::PreviewService(fs::path cache_folder) : cache_(std::move(cache_folder)) {
    for (int i = 0; i < kPreviewHelpers; ++i) threads_.emplace_back([this] { work(); });
}

PreviewService::~PreviewService() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    queued_.notify_all();
    for (std::thread& t : threads_) t.join();
}

// The render of (pdf, page, width): the one already asked for, else a new
// one at the end of the queue; null when the queue is full.
std::shared_ptr<PreviewService::Render> PreviewService::ask(const std::string& key, const fs::path& pdf, int page,
                                                           int width) {
    const auto found = asked_.find(key);
    if (found != asked_.end()) return found->second;
    if (queue_.size() >= kMaxQueuedPreviews) return nullptr;
    auto render = std::make_shared<Render>();
    render->key = key;
    render->pdf = pdf;
    render->page = page;
    render->width = width;
    asked_[key] = render;
    queue_.push_back(render);
    queued_.notify_one();
    return render;
}

PreviewService::Answer PreviewService::get(const fs::path& pdf, int page, int width) {
    if (std::optional<PagePreview> found = cached_page_preview(pdf, cache_, page, width))
        return {Status::Ready, found->png, ""};
    const std::string key = pdf.string() + '\n' + std::to_string(page) + '\n' + std::to_string(width);
    std::unique_lock<std::mutex> lock(mutex_);
    const auto failure = failed_.find(key);
    if (failure != failed_.end()) return {Status::Failed, {}, failure->second};
    const std::shared_ptr<Render> render = ask(key, pdf, page, width);
    if (!render || waiting_ >= kPreviewWaiters) return {};
    ++waiting_;
    rendered_.wait_for(lock, kPreviewWait, [&] { return render->done; });
    --waiting_;
    if (!render->done) return {};
    if (!render->error.empty()) return {Status::Failed, {}, render->error};
    return {Status::Ready, render->png, ""};
}

void PreviewService::work() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
        queued_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (stopping_) return;
        const std::shared_ptr<Render> render = queue_.front();
        queue_.pop_front();
        lock.unlock();
        fs::path png;
        std::string error;
        try {
            png = page_preview(render->pdf, cache_, render->page, render->width).png;
        } catch (const LettrineError& e) {
            error = e.what();
        } catch (const std::exception& e) {
            error = render->pdf.filename().string() + " : aperçu impossible (" + e.what() + ")";
        }
        lock.lock();
        render->png = png;
        render->error = error;
        render->done = true;
        asked_.erase(render->key);
        if (!error.empty()) {
            if (failed_.size() >= kMaxQueuedPreviews) failed_.clear();
            failed_[render->key] = error;
        }
        rendered_.notify_all();
    }
}

void answer_preview(PreviewService& previews, const Workspace& workspace, const Pages& pages, const std::string& id,
                    const PreviewEntry& entry, httplib::Response& res) {
    const PreviewService::Answer answer = previews.get(workspace.result(id) / entry.pdf, entry.page, entry.width);
    if (answer.status == PreviewService::Status::Ready) {
        res.set_header("Cache-Control", "private, max-age=3600");
        res.set_content(read_file(answer.png), "image/png");
        return;
    }
    res.set_header("Cache-Control", "no-store");
    if (answer.status == PreviewService::Status::Busy) {
        res.status = 503;
        res.set_header("Retry-After", "1");
        res.set_content(pages.message("Aperçu en préparation",
                                      "L’image de cette page est en cours de préparation. Elle s’affiche d’elle-même "
                                      "dans un instant ; sinon, rechargez la page."),
                        "text/html; charset=utf-8");
        return;
    }
    res.status = 500;
    res.set_content(pages.message("Aperçu impossible", "Lettrine n’a pas pu dessiner l’image de cette page (" +
                                                           answer.error + "). Le document lui-même reste ouvrable."),
                    "text/html; charset=utf-8");
}

}  // namespace lettrine::web
