// The process floor: a program that does nothing but is linked with PoDoFo
// (loading it and its dependencies, relocating, running static
// constructors). `lettrine --version` is Lettrine's own floor.
#include <podofo/podofo.h>

int main() {
    PoDoFo::PdfError::EnableDebug(false);  // one call, so that the library is really linked
    return 0;
}
