#ifndef POSTLINT_FUZZER_DRIVER_H
#define POSTLINT_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs that have their own `main` (libFuzzer's
/// `FuzzerInterface.h`). SwiftPM names an executable's entry point after its target, so each fuzz
/// target's `<Target>_main` hands control to libFuzzer through this.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
