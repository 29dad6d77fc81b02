/*
 * The loader stub, libaerospike_c.so: what Java loads to reach the C client inside the npm
 * addon (aerospike.node). Its NEEDED entries pull in the addon, OpenSSL and libuv, which Node
 * would otherwise provide; this file supplies the rest of what the addon expects from Node.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "trap.h"

/*
 * The addon's load-time constructor tail-calls this to register itself with Node. Outside Node
 * there is nothing to register with, and leaving it unresolved kills the process at load.
 */
ASNATIVE_EXPORT void node_module_register(void *module)
{
    (void)module;
}

static void write_all(const char *text, size_t length)
{
    while (length > 0) {
        ssize_t written = write(STDERR_FILENO, text, length);
        if (written <= 0) {
            return;
        }
        text += written;
        length -= (size_t)written;
    }
}

/* Only write(2) and abort(3): a trap may fire in any state, so it must not allocate or lock. */
void asnative_trap(const char *symbol)
{
    static const char prefix[] = "asnative: the C client called ";
    static const char suffix[] = ", a Node.js/V8 function that does not exist outside Node; aborting\n";
    write_all(prefix, sizeof prefix - 1);
    write_all(symbol, strlen(symbol));
    write_all(suffix, sizeof suffix - 1);
    abort();
}

/*
 * vzeroupper for the FFM binding (io.asnative.ffm.VectorState). On AVX-512 machines HotSpot's C2
 * zeroes new objects with 256/512-bit stores, and a compiled method that uses no wide vectors of
 * its own gets no vzeroupper before its calls. A downcall from such a method enters the C client
 * (built for baseline x86-64: legacy SSE encodings) with the upper vector state dirty, and the
 * first SSE instruction pays an AVX-SSE transition. Clearing the state first (unless
 * -Dasnative.ffm.vzeroupper=false) costs one critical downcall; vector registers are caller-saved
 * in the SysV ABI, so clearing them is always allowed.
 */
#if defined(__x86_64__)
/* vzeroupper is an AVX instruction: without AVX (CPU or OS) it must never run. */
ASNATIVE_EXPORT int asnative_vector_state_clearable(void)
{
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx") ? 1 : 0;
}

ASNATIVE_EXPORT void asnative_clear_upper_vector_state(void)
{
    __asm__ volatile("vzeroupper");
}
#else
ASNATIVE_EXPORT int asnative_vector_state_clearable(void)
{
    return 0;
}

ASNATIVE_EXPORT void asnative_clear_upper_vector_state(void)
{
}
#endif
