#include "editable/chart_png.hpp"

#include <cmath>
#include <memory>

#include <cairo.h>
#include <librsvg/rsvg.h>

#include "core/diagnostic.hpp"

namespace lettrine {

namespace {

struct HandleDeleter {
    void operator()(RsvgHandle* h) const { g_object_unref(h); }
};
struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};

[[noreturn]] void fail(const std::string& what) {
    throw LettrineError(ErrorKind::Internal, SourcePosition{}, "image de repli PNG impossible : " + what);
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string svg_to_png(const std::string& svg, double width, double height) {
    GError* error = nullptr;
    std::unique_ptr<RsvgHandle, HandleDeleter> handle(
        rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error));
    if (!handle) {
        const std::string message = error ? error->message : "SVG illisible";
        if (error) g_error_free(error);
        fail(message);
    }
    const double scale = kFallbackDotsPerInch / 72.0;
    const int pixels_wide = std::max(1, static_cast<int>(std::ceil(width * scale)));
    const int pixels_high = std::max(1, static_cast<int>(std::ceil(height * scale)));
    std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pixels_wide, pixels_high));
    std::unique_ptr<cairo_t, ContextDeleter> cr(cairo_create(surface.get()));
    // White under the drawing: a transparent PNG shows black in some viewers.
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    const RsvgRectangle viewport{0, 0, static_cast<double>(pixels_wide), static_cast<double>(pixels_high)};
    if (!rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &error)) {
        const std::string message = error ? error->message : "rendu impossible";
        if (error) g_error_free(error);
        fail(message);
    }
    cairo_surface_flush(surface.get());
    std::string png;
    if (cairo_surface_write_to_png_stream(surface.get(), append, &png) != CAIRO_STATUS_SUCCESS) fail("écriture PNG");
    return png;
}

}  // namespace lettrine
