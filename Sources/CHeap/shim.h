// The C library's allocator settings, which Swift's Glibc module does not show.
#include <malloc.h>

/// Grows the heap `bytes` at a time (glibc's M_TOP_PAD) instead of 128 KB.
static inline void kaoping_heap_growth(int bytes) {
#ifdef M_TOP_PAD
    mallopt(M_TOP_PAD, bytes);
#endif
}
