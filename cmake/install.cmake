# What `cmake --install` and `cpack -G DEB` put where (GNUInstallDirs; the
# program finds the rest from its own path: engine/core/installation.hpp):
#   bin/lettrine
#   libexec/lettrine/lettrine-import-pdf, lettrine-apercu
#   share/lettrine/templates/ (web/ included), input/, samples/
#   share/doc/lettrine/        README.md and docs/*.md
#   lib/systemd/system/lettrine.service   installed, not enabled
# The Debian package: `bash scripts/paquet.sh` (a release build, then cpack).

# Installing (and cpack) builds nothing: only what is installed must be
# built, not the test suite (scripts/paquet.sh builds `lettrine` first).
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

# GNUInstallDirs' DOCDIR is named after the project (Lettrine); Debian's after the package.
set(LETTRINE_DOCDIR ${CMAKE_INSTALL_DATADIR}/doc/lettrine)

install(TARGETS lettrine RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS lettrine-import-pdf lettrine-apercu RUNTIME DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/lettrine)
install(DIRECTORY templates/ DESTINATION ${CMAKE_INSTALL_DATADIR}/lettrine/templates)
install(DIRECTORY input/ DESTINATION ${CMAKE_INSTALL_DATADIR}/lettrine/input)
install(DIRECTORY samples/ DESTINATION ${CMAKE_INSTALL_DATADIR}/lettrine/samples)
install(FILES README.md DESTINATION ${LETTRINE_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${LETTRINE_DOCDIR} FILES_MATCHING PATTERN "*.md")

# The unit names the program by its installed path, known only when
# installing (cpack installs with the package's prefix, /usr).
install(CODE "
  set(LETTRINE_BINDIR \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\")
  set(LETTRINE_DOCDIR \"\${CMAKE_INSTALL_PREFIX}/${LETTRINE_DOCDIR}\")
  configure_file(\"${CMAKE_SOURCE_DIR}/packaging/lettrine.service.in\"
                 \"${CMAKE_BINARY_DIR}/packaging/lettrine.service\" @ONLY)
")
install(FILES ${CMAKE_BINARY_DIR}/packaging/lettrine.service DESTINATION lib/systemd/system)

# cpack -G DEB → lettrine_<version>_amd64.deb
set(CPACK_PACKAGE_NAME lettrine)
set(CPACK_PACKAGE_VENDOR "Les Ecossolies")
set(CPACK_PACKAGE_CONTACT "Les Ecossolies")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "documents des Ecossolies : lettres de mission, budgets, notes de bilan, rapport")
set(CPACK_PACKAGE_DESCRIPTION
    "Lettrine produit les lettres de mission, les tableaux budgétaires, les notes de bilan, le rapport d’activité et les dossiers de l’assemblée générale des Ecossolies, en ligne de commande ou dans le navigateur (lettrine serveur, service systemd lettrine.service installé mais pas activé).")
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
# Libraries (PoDoFo, qpdf, poppler, httplib, libsodium…): dpkg-shlibdeps.
# Files the engine opens by path: the fonts (engine/font/font.cpp), the
# French hyphenation patterns (engine/layout/hyphenation.hpp).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-liberation2, fonts-dejavu-core, hyphen-fr")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "fonts-dejavu-extra")
include(CPack)
