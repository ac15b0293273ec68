// The C library's allocator settings, which Swift's Glibc module does not show.
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

/// Grows the heap `bytes` at a time (glibc's M_TOP_PAD) instead of 128 KB; elsewhere, nothing.
static inline void kaoping_heap_growth(int bytes) {
#if defined(M_TOP_PAD)
    mallopt(M_TOP_PAD, bytes);
#else
    (void)bytes;
#endif
}
