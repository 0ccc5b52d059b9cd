// Declarations only (include/CFuzzDriver.h); libFuzzer itself comes from the toolchain's compiler-rt.
#include "CFuzzDriver.h"
