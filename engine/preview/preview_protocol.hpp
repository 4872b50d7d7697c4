#pragma once
// What lettrine-apercu (apercu_main.cpp) and the library that runs it
// (preview.cpp) agree on: exit codes. Its standard output is "pages N".
namespace lettrine::preview_protocol {

inline constexpr int kExitUsage = 2;
inline constexpr int kExitUnreadable = 3;  // not a PDF, damaged, or locked
inline constexpr int kExitNoSuchPage = 4;
inline constexpr int kExitRender = 5;      // rendering or writing the PNG failed
inline constexpr int kExitMemory = 6;      // the RLIMIT_AS limit was reached
inline constexpr int kExitInternal = 7;

}  // namespace lettrine::preview_protocol
