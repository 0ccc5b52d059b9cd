#ifndef NEWSDESK_CFUZZDRIVER_H
#define NEWSDESK_CFUZZDRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry for programs that keep their own main (compiler-rt, FuzzerDriver.cpp; in LLVM since 11).
/// Linked from libclang_rt.fuzzer by `swiftc -sanitize=fuzzer`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));

#endif
