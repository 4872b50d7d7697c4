#pragma once
// The 2016 programme of the call for applications (seed: Annexe 1 « Nature et
// volume des missions par secteur »), built directly in C++ so the writer's
// tests do not depend on the readers. Referent structures are examples.
#include "data/programme.hpp"

namespace lettrine::xlsx_test {

Programme programme_2016();

}  // namespace lettrine::xlsx_test
