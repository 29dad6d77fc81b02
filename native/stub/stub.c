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
