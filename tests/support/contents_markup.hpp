#pragma once
// A document with a two-level table of contents, shared by the ODT and DOCX
// contents tests (the same tree, read back from each writer's XML).
// Listed headings, in order: Habitat (a <signet>), Bilan de l’année, Dans un
// bloc, Trop profond (level 3, not in a two-level contents), Annexe; the
// paragraph's <renvoi-page> points at Annexe.
namespace lettrine::test_support {

inline constexpr const char* kContentsMarkup = R"(<document titre="Sommaire" lang="fr-FR">
  <titre niveau="1" sommaire="non">Sommaire</titre>
  <table-matieres niveaux="2"/>
  <saut-page/>
  <signet titre="Habitat" niveau="1"/>
  <titre niveau="2">Bilan de l’année</titre>
  <p>Voir l’annexe page <renvoi-page cible="annexe"/>.</p>
  <bloc><titre niveau="2">Dans un bloc</titre></bloc>
  <titre niveau="3">Trop profond</titre>
  <saut-page/>
  <titre niveau="1" id="annexe">Annexe</titre>
</document>)";

}  // namespace lettrine::test_support
