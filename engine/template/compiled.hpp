#pragma once
// Internal: a parsed template, partials inlined, ready for kainjow.
//
// The text kainjow parses is rewritten: every tag is replaced by a marker,
// "{{#\x1F12}}" for tag 12 of `tags`, which the render context (not kainjow)
// resolves. That is how sections get the French truthiness rule, helpers
// know their position for messages, and lookups follow the Mustache
// specification. Partials are inlined (kainjow would re-parse them at every
// use and recurse into cycles).
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "template/helpers.hpp"
#include "template/template.hpp"

namespace lettrine {

namespace template_detail {

// Starts every rewritten tag name; template names cannot contain it (the
// scanner refuses control characters).
inline constexpr char kMarker = '\x1F';

struct CompiledTag {
    TagKind kind = TagKind::Variable;
    std::string name;                // as written: "secteur.nom", "."
    std::vector<std::string> path;   // {"secteur", "nom"}; empty for "."
    SourcePosition position;
    const HelperInfo* helper = nullptr;  // for TagKind::Helper
    bool literal_brace = false;      // an internal {{&…}} that prints "{" (see Expander)
};

// The structure of the expanded template, for check_names.
struct Node {
    int tag = -1;
    std::vector<Node> children;  // inside a section
};

}  // namespace template_detail

struct Template::Compiled {
    std::string source_name;
    std::vector<template_detail::CompiledTag> tags;
    std::vector<template_detail::Node> tree;
    std::string expanded;                 // what kainjow parsed
    kainjow::mustache::mustache prototype;

    explicit Compiled(const std::string& text) : prototype(text) {}

    // kainjow's render() is not const (it records errors in the object): each
    // rendering borrows an instance; instances are reused, never shared.
    std::unique_ptr<kainjow::mustache::mustache> acquire() const;
    void release(std::unique_ptr<kainjow::mustache::mustache> engine) const;

private:
    mutable std::mutex pool_mutex_;
    mutable std::vector<std::unique_ptr<kainjow::mustache::mustache>> pool_;
};

namespace template_detail {

// Renders `compiled` for `data`; helper problems → LettrineError(Data).
std::string render_compiled(const Template::Compiled& compiled, const DataValue& data);

}  // namespace template_detail

}  // namespace lettrine
