/*
 * Proves the stub is loadable the strict way: run with LD_BIND_NOW=1 and RTLD_NOW, every
 * symbol of the stub, the addon and their dependencies must bind at load time, so a missing
 * trap or a missing NEEDED library (libuv for the uv_* symbols) fails here, not in production.
 *
 * usage: check_stub <path/to/libaerospike_c.so> <expected aerospike_client_version>
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(const char *what, const char *detail)
{
    fprintf(stderr, "check_stub: %s: %s\n", what, detail ? detail : "(no detail)");
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        return fail("usage", "check_stub <libaerospike_c.so> <expected version>");
    }
    const char *bind_now = getenv("LD_BIND_NOW");
    if (bind_now == NULL || bind_now[0] == '\0') {
        return fail("environment", "LD_BIND_NOW must be set, or this check proves nothing");
    }

    void *stub = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (stub == NULL) {
        return fail("dlopen", dlerror());
    }

    const char *const *version = dlsym(stub, "aerospike_client_version");
    if (version == NULL || *version == NULL) {
        return fail("aerospike_client_version", dlerror());
    }
    if (strcmp(*version, argv[2]) != 0) {
        fprintf(stderr, "check_stub: aerospike_client_version is \"%s\", expected \"%s\"\n", *version, argv[2]);
        return 1;
    }

    /* A function of the C client and one of libuv, both reached through the stub's dependencies. */
    const char *required[] = {"aerospike_new", "as_event_set_external_loop", "uv_loop_init"};
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
        if (dlsym(stub, required[i]) == NULL) {
            return fail(required[i], dlerror());
        }
    }

    printf("check_stub: %s loads with LD_BIND_NOW=1; aerospike_client_version = \"%s\"\n", argv[1], *version);
    return 0;
}
