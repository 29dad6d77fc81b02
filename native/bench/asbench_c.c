/*
 * asbench-c: the raw C baseline of the asnative benchmark. It calls the official Aerospike C
 * client (7.4.0, through the loader stub libaerospike_c.so) in plain loops: the floor for any
 * binding of that library. It runs the same workloads as the Java harness (java/bench), on the
 * same records, and prints one JSON object per line on stdout.
 *
 *   asbench-c [--host H] [--port P] [--namespace NS] [--set SET] [--max-conns N] [--samples]
 *             [--serve | --ops N --rounds R --warmup W]
 *
 * --serve reads commands from stdin, one per line, and answers each with one JSON line; the Java
 * harness drives it so that the C rounds are interleaved with the Java contestants' rounds.
 * Without --serve it runs a standalone sequence (warmup, then R rounds of put and get, then the
 * batch sizes and thread counts) and prints the same JSON lines.
 *
 * Commands (keys are integers in the set; records are {name: "user-<k>", age: k % 100,
 * score: k * 0.5}, exactly what the Java harness writes):
 *   hello                               version and pid
 *   put   FIRST COUNT                   COUNT sequential puts of keys FIRST..
 *   get   FIRST COUNT                   COUNT sequential gets
 *   batch FIRST SPAN KEYS CALLS         CALLS batch reads of KEYS keys; call j reads keys
 *                                       FIRST + (j*KEYS + i) % SPAN
 *   job   FIRST RECORDS BATCH           read-modify-write pass over RECORDS records, BATCH at a
 *                                       time: batch read, then batch write age+1, score+1.0
 *   tput  THREADS MILLIS FIRST SPAN     THREADS threads doing gets on random keys for MILLIS ms
 *   samples on|off                      whether put/get/batch/job answers carry per-op samples
 *   keys per-op|prebuilt                where put/get/batch keys and digests are made: inside
 *                                       the timed loop (default), or all before it (the job
 *                                       and tput always make theirs inside)
 *   reconnect                           close the client and open a new one: new connections
 *   quit
 *
 * Every answer carries wall_ns (monotonic clock around the measured loop), cpu_ns (this
 * process's user+system time over the same span, from getrusage) and errors. Exit codes: 0 on
 * success, 1 when the client cannot connect, 2 on bad arguments.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "aerospike_abi.h"
#include "record_ops.h"

/* ------------------------------------------------------------------------------------------ */
/* Clocks                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static inline uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static uint64_t cpu_ns(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ((uint64_t)ru.ru_utime.tv_sec + (uint64_t)ru.ru_stime.tv_sec) * 1000000000u
        + ((uint64_t)ru.ru_utime.tv_usec + (uint64_t)ru.ru_stime.tv_usec) * 1000u;
}

/* ------------------------------------------------------------------------------------------ */
/* Set-up                                                                                      */
/* ------------------------------------------------------------------------------------------ */

typedef struct {
    const char* host;
    int port;
    const char* ns;
    const char* set;
    int max_conns;
    int ops;
    int rounds;
    int warmup;
    bool serve;
    bool samples;
    /* Keys built (digest included) before the timed loop, as the Java contestants do under
     * asbench --keys=prebuilt: the timed part then holds the C client's work alone. */
    bool prebuilt_keys;
} options;

static aerospike* g_as;
static options g_opt;

static int usage(const char* problem)
{
    if (problem) {
        fprintf(stderr, "asbench-c: %s\n", problem);
    }
    fprintf(stderr,
            "usage: asbench-c [--host H] [--port P] [--namespace NS] [--set SET] [--max-conns N]\n"
            "                 [--samples] [--serve | --ops N --rounds R --warmup W]\n");
    return problem ? 2 : 0;
}

static int parse_int(const char* s, int* out)
{
    char* end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < 0 || v > 1000000000L) {
        return -1;
    }
    *out = (int)v;
    return 0;
}

static int parse_args(int argc, char** argv, options* o)
{
    *o = (options){.host = "127.0.0.1", .port = 3000, .ns = "test", .set = "bench", .max_conns = 1200,
                   .ops = 10000, .rounds = 30, .warmup = 200};
    for (int i = 1; i < argc; i++) {
        const char* a = argv[i];
        const char* v = i + 1 < argc ? argv[i + 1] : NULL;
        int* num = NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            return 1;
        } else if (!strcmp(a, "--serve")) {
            o->serve = true;
            continue;
        } else if (!strcmp(a, "--samples")) {
            o->samples = true;
            continue;
        } else if (!v) {
            return -1;
        } else if (!strcmp(a, "--host")) {
            o->host = v;
        } else if (!strcmp(a, "--namespace")) {
            o->ns = v;
        } else if (!strcmp(a, "--set")) {
            o->set = v;
        } else if (!strcmp(a, "--port")) {
            num = &o->port;
        } else if (!strcmp(a, "--max-conns")) {
            num = &o->max_conns;
        } else if (!strcmp(a, "--ops")) {
            num = &o->ops;
        } else if (!strcmp(a, "--rounds")) {
            num = &o->rounds;
        } else if (!strcmp(a, "--warmup")) {
            num = &o->warmup;
        } else {
            return -1;
        }
        if (num && parse_int(v, num) != 0) {
            return -1;
        }
        i++;
    }
    if (strlen(o->ns) >= AS_NAMESPACE_MAX_SIZE || strlen(o->set) >= AS_SET_MAX_SIZE || o->port == 0
        || o->port > 65535 || o->ops == 0 || o->max_conns == 0) {
        return -1;
    }
    return 0;
}

static int connect_client(void)
{
    as_config config;
    as_config_init(&config);
    as_config_add_host(&config, g_opt.host, (uint16_t)g_opt.port);
    config.max_conns_per_node = (uint32_t)g_opt.max_conns;
    g_as = aerospike_new(&config);
    as_error err;
    if (aerospike_connect(g_as, &err) != AEROSPIKE_OK) {
        fprintf(stderr, "asbench-c: cannot connect to %s:%d: %d %s\n", g_opt.host, g_opt.port, err.code,
                as_error_message_at(&err, AS_ERROR_MESSAGE_OFFSET_740));
        aerospike_destroy(g_as);
        g_as = NULL;
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Output                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void print_samples(const uint64_t* samples, int n)
{
    if (!g_opt.samples || !samples) {
        return;
    }
    fputs(",\"samples_ns\":[", stdout);
    for (int i = 0; i < n; i++) {
        printf(i ? ",%" PRIu64 : "%" PRIu64, samples[i]);
    }
    fputc(']', stdout);
}

static void print_result(const char* type, const char* op, int ops, int errors, uint64_t wall, uint64_t cpu,
                         const uint64_t* samples, int nsamples, const char* extra)
{
    printf("{\"type\":\"%s\",\"op\":\"%s\",\"ops\":%d,\"errors\":%d,\"wall_ns\":%" PRIu64 ",\"cpu_ns\":%" PRIu64 "%s",
           type, op, ops, errors, wall, cpu, extra ? extra : "");
    print_samples(samples, nsamples);
    fputs("}\n", stdout);
    fflush(stdout);
}

static void print_error(const char* message)
{
    printf("{\"type\":\"error\",\"message\":\"%s\"}\n", message);
    fflush(stdout);
}

/* ------------------------------------------------------------------------------------------ */
/* Workloads                                                                                   */
/* ------------------------------------------------------------------------------------------ */

static volatile int64_t g_sink;

static bool put_one(int64_t k)
{
    return asb_put_one(g_as, g_opt.ns, g_opt.set, k);
}

static bool get_one(int64_t k)
{
    int64_t sum = 0;
    bool ok = asb_get_one(g_as, g_opt.ns, g_opt.set, k, &sum);
    g_sink += sum;
    return ok;
}

static bool put_key(as_key* key, int64_t k)
{
    return asb_put_key(g_as, key, k);
}

static bool get_key(as_key* key)
{
    int64_t sum = 0;
    bool ok = asb_get_key(g_as, key, &sum);
    g_sink += sum;
    return ok;
}

/* Keys first .. first+count-1 with their digests computed: the prebuilt-keys mode's inputs. */
static as_key* prebuilt_keys(int64_t first, int count)
{
    as_key* keys = malloc(sizeof(as_key) * (size_t)count);
    if (!keys) {
        return NULL;
    }
    for (int i = 0; i < count; i++) {
        as_key_init_int64(&keys[i], g_opt.ns, g_opt.set, first + i);
        as_key_digest(&keys[i]);
    }
    return keys;
}

static void run_seq(bool put, int64_t first, int count)
{
    uint64_t* samples = malloc(sizeof(uint64_t) * (size_t)count);
    as_key* keys = g_opt.prebuilt_keys ? prebuilt_keys(first, count) : NULL;
    if (!samples || (g_opt.prebuilt_keys && !keys)) {
        free(samples);
        free(keys);
        print_error("out of memory");
        return;
    }
    int errors = 0;
    uint64_t cpu0 = cpu_ns();
    uint64_t start = now_ns();
    for (int i = 0; i < count; i++) {
        uint64_t t0 = now_ns();
        bool ok = keys ? (put ? put_key(&keys[i], first + i) : get_key(&keys[i]))
                       : (put ? put_one(first + i) : get_one(first + i));
        samples[i] = now_ns() - t0;
        errors += !ok;
    }
    uint64_t wall = now_ns() - start;
    uint64_t cpu = cpu_ns() - cpu0;
    print_result("seq", put ? "put" : "get", count, errors, wall, cpu, samples, count, NULL);
    free(samples);
    free(keys);
}

/* Fills `records` with read-all-bins entries for keys FIRST + (offset + i) % span. With
 * `digests` (the prebuilt-keys mode), each key takes its precomputed digest, as the FFM binding
 * takes the Java Key's, so that C does not hash it in the timed part. */
static void batch_read_records(as_batch_records* records, int64_t first, int64_t span, int64_t offset, int nkeys,
                               const as_digest_value* digests)
{
    as_batch_records_init_capacity(records, (uint32_t)nkeys);
    for (int i = 0; i < nkeys; i++) {
        as_batch_read_record* r = as_batch_read_reserve_item(records);
        as_key_init_int64(&r->key, g_opt.ns, g_opt.set, first + (offset + i) % span);
        if (digests) {
            memcpy(r->key.digest.value, digests[i], AS_DIGEST_VALUE_SIZE);
            r->key.digest.init = true;
        }
        r->read_all_bins = true;
    }
}

/* The digests of every key that `calls` batches of `nkeys` read, in order. */
static as_digest_value* batch_digests(int64_t first, int64_t span, int nkeys, int calls)
{
    size_t n = (size_t)nkeys * (size_t)calls;
    as_digest_value* digests = malloc(sizeof(as_digest_value) * n);
    if (!digests) {
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        as_key key;
        as_key_init_int64(&key, g_opt.ns, g_opt.set, first + (int64_t)(i % (size_t)span));
        memcpy(digests[i], as_key_digest(&key)->value, AS_DIGEST_VALUE_SIZE);
        as_key_destroy(&key);
    }
    return digests;
}

static void run_batch(int64_t first, int64_t span, int nkeys, int calls)
{
    uint64_t* samples = malloc(sizeof(uint64_t) * (size_t)calls);
    as_digest_value* digests = g_opt.prebuilt_keys ? batch_digests(first, span, nkeys, calls) : NULL;
    if (!samples || (g_opt.prebuilt_keys && !digests)) {
        free(samples);
        free(digests);
        print_error("out of memory");
        return;
    }
    int errors = 0;
    uint64_t cpu0 = cpu_ns();
    uint64_t start = now_ns();
    for (int j = 0; j < calls; j++) {
        uint64_t t0 = now_ns();
        as_batch_records records;
        batch_read_records(&records, first, span, (int64_t)j * nkeys, nkeys,
                           digests ? digests + (size_t)j * (size_t)nkeys : NULL);
        as_error err;
        as_status status = aerospike_batch_read(g_as, &err, NULL, &records);
        int64_t sum = 0;
        for (uint32_t i = 0; i < records.list.size; i++) {
            as_batch_base_record* r = as_batch_records_at(&records, i);
            if (r->result == AEROSPIKE_OK) {
                sum += asb_consume(&r->record);
            } else {
                errors++;
            }
        }
        g_sink += sum;
        as_batch_records_destroy(&records);
        samples[j] = now_ns() - t0;
        errors += status != AEROSPIKE_OK;
    }
    uint64_t wall = now_ns() - start;
    uint64_t cpu = cpu_ns() - cpu0;
    char extra[64];
    snprintf(extra, sizeof extra, ",\"keys\":%d,\"calls\":%d", nkeys, calls);
    print_result("batch", "batch-get", calls, errors, wall, cpu, samples, calls, extra);
    free(samples);
    free(digests);
}

static int64_t bin_int(const as_record* rec, const char* name)
{
    for (uint16_t i = 0; i < rec->bins.size; i++) {
        const as_bin* b = &rec->bins.entries[i];
        if (!strcmp(b->name, name) && b->valuep && as_val_type_of(b->valuep) == AS_INTEGER) {
            return b->valuep->integer.value;
        }
    }
    return 0;
}

static double bin_double(const as_record* rec, const char* name)
{
    for (uint16_t i = 0; i < rec->bins.size; i++) {
        const as_bin* b = &rec->bins.entries[i];
        if (!strcmp(b->name, name) && b->valuep && as_val_type_of(b->valuep) == AS_DOUBLE) {
            return b->valuep->dbl.value;
        }
    }
    return 0.0;
}

/* One read-modify-write batch: batch read, then batch write of age+1 and score+1.0. */
static int job_batch(int64_t first, int n, as_operations* ops)
{
    int errors = 0;
    as_batch_records reads;
    batch_read_records(&reads, first, n, 0, n, NULL);
    as_error err;
    if (aerospike_batch_read(g_as, &err, NULL, &reads) != AEROSPIKE_OK) {
        errors++;
    }
    as_batch_records writes;
    as_batch_records_init_capacity(&writes, (uint32_t)n);
    int nops = 0;
    for (int i = 0; i < n; i++) {
        as_batch_base_record* r = as_batch_records_at(&reads, (uint32_t)i);
        if (r->result != AEROSPIKE_OK) {
            errors++;
            continue;
        }
        as_operations* o = &ops[nops++];
        as_operations_init(o, 2);
        as_operations_add_write_int64(o, "age", bin_int(&r->record, "age") + 1);
        as_operations_add_write_double(o, "score", bin_double(&r->record, "score") + 1.0);
        as_batch_write_record* w = as_batch_write_reserve_item(&writes);
        as_key_init_int64(&w->key, g_opt.ns, g_opt.set, first + i);
        w->ops = o;
    }
    as_batch_records_destroy(&reads);
    as_status status = aerospike_batch_write(g_as, &err, NULL, &writes);
    if (status != AEROSPIKE_OK) {
        errors++;
    }
    for (uint32_t i = 0; i < writes.list.size; i++) {
        if (as_batch_records_at(&writes, i)->result != AEROSPIKE_OK) {
            errors++;
        }
    }
    as_batch_records_destroy(&writes);
    for (int i = 0; i < nops; i++) {
        as_operations_destroy(&ops[i]);
    }
    return errors;
}

static void run_job(int64_t first, int records, int batch)
{
    int calls = (records + batch - 1) / batch;
    uint64_t* samples = malloc(sizeof(uint64_t) * (size_t)calls);
    as_operations* ops = malloc(sizeof(as_operations) * (size_t)batch);
    if (!samples || !ops) {
        free(samples);
        free(ops);
        print_error("out of memory");
        return;
    }
    int errors = 0;
    uint64_t cpu0 = cpu_ns();
    uint64_t start = now_ns();
    for (int j = 0; j < calls; j++) {
        int n = records - j * batch < batch ? records - j * batch : batch;
        uint64_t t0 = now_ns();
        errors += job_batch(first + (int64_t)j * batch, n, ops);
        samples[j] = now_ns() - t0;
    }
    uint64_t wall = now_ns() - start;
    uint64_t cpu = cpu_ns() - cpu0;
    char extra[64];
    snprintf(extra, sizeof extra, ",\"records\":%d,\"batch\":%d", records, batch);
    print_result("job", "batch-job", records, errors, wall, cpu, samples, calls, extra);
    free(samples);
    free(ops);
}

typedef struct {
    uint64_t deadline;
    int64_t first;
    int64_t span;
    uint64_t seed;
    int64_t ops;
    int64_t errors;
} tput_worker;

static void* tput_run(void* arg)
{
    tput_worker* w = arg;
    uint64_t x = w->seed;
    while (now_ns() < w->deadline) {
        /* xorshift64: a cheap per-thread key stream. */
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        if (get_one(w->first + (int64_t)(x % (uint64_t)w->span))) {
            w->ops++;
        } else {
            w->errors++;
        }
    }
    return NULL;
}

static void run_tput(int threads, int millis, int64_t first, int64_t span)
{
    tput_worker* workers = calloc((size_t)threads, sizeof(tput_worker));
    pthread_t* ids = calloc((size_t)threads, sizeof(pthread_t));
    if (!workers || !ids) {
        free(workers);
        free(ids);
        print_error("out of memory");
        return;
    }
    uint64_t cpu0 = cpu_ns();
    uint64_t start = now_ns();
    uint64_t deadline = start + (uint64_t)millis * 1000000u;
    int started = 0;
    for (int t = 0; t < threads; t++) {
        workers[t] = (tput_worker){deadline, first, span, 0x9E3779B97F4A7C15ull * (uint64_t)(t + 1), 0, 0};
        if (pthread_create(&ids[t], NULL, tput_run, &workers[t]) != 0) {
            break;
        }
        started++;
    }
    int64_t ops = 0;
    int64_t errors = 0;
    for (int t = 0; t < started; t++) {
        pthread_join(ids[t], NULL);
        ops += workers[t].ops;
        errors += workers[t].errors;
    }
    uint64_t wall = now_ns() - start;
    uint64_t cpu = cpu_ns() - cpu0;
    char extra[64];
    snprintf(extra, sizeof extra, ",\"threads\":%d", started);
    print_result("tput", "get", (int)ops, (int)errors, wall, cpu, NULL, 0, extra);
    free(workers);
    free(ids);
}

/* ------------------------------------------------------------------------------------------ */
/* Commands                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/*
 * A new client instance, and with it new connections: the harness's per-round reconnect (the
 * kernel sizes each connection's receive buffer from its own history). A client that cannot
 * connect again leaves nothing to run on, so the program exits and the harness drops it.
 */
static void reconnect(void)
{
    as_error err;
    aerospike_close(g_as, &err);
    aerospike_destroy(g_as);
    if (connect_client() != 0) {
        print_error("cannot reconnect");
        exit(1);
    }
    printf("{\"type\":\"reconnect\"}\n");
    fflush(stdout);
}

/* Runs one command line; returns false on "quit". */
static bool run_command(char* line)
{
    char cmd[16] = "";
    long long a = 0, b = 0, c = 0, d = 0;
    char word[16] = "";
    int n = sscanf(line, "%15s %lld %lld %lld %lld", cmd, &a, &b, &c, &d);
    if (n <= 0) {
        return true;
    }
    if (!strcmp(cmd, "quit")) {
        return false;
    } else if (!strcmp(cmd, "reconnect")) {
        reconnect();
    } else if (!strcmp(cmd, "hello")) {
        printf("{\"type\":\"hello\",\"c_client\":\"%s\",\"pid\":%d}\n", aerospike_client_version, (int)getpid());
        fflush(stdout);
    } else if (!strcmp(cmd, "samples") && sscanf(line, "%*s %15s", word) == 1) {
        g_opt.samples = !strcmp(word, "on");
        printf("{\"type\":\"samples\",\"on\":%s}\n", g_opt.samples ? "true" : "false");
        fflush(stdout);
    } else if (!strcmp(cmd, "keys") && sscanf(line, "%*s %15s", word) == 1
               && (!strcmp(word, "per-op") || !strcmp(word, "prebuilt"))) {
        g_opt.prebuilt_keys = !strcmp(word, "prebuilt");
        printf("{\"type\":\"keys\",\"prebuilt\":%s}\n", g_opt.prebuilt_keys ? "true" : "false");
        fflush(stdout);
    } else if ((!strcmp(cmd, "put") || !strcmp(cmd, "get")) && n == 3 && b > 0) {
        run_seq(cmd[0] == 'p', a, (int)b);
    } else if (!strcmp(cmd, "batch") && n == 5 && b > 0 && c > 0 && d > 0) {
        run_batch(a, b, (int)c, (int)d);
    } else if (!strcmp(cmd, "job") && n == 4 && b > 0 && c > 0) {
        run_job(a, (int)b, (int)c);
    } else if (!strcmp(cmd, "tput") && n == 5 && a > 0 && b > 0 && d > 0) {
        run_tput((int)a, (int)b, c, d);
    } else {
        print_error("bad command");
    }
    return true;
}

static void serve(void)
{
    char line[256];
    while (fgets(line, sizeof line, stdin)) {
        if (!run_command(line)) {
            break;
        }
    }
}

/* The standalone sequence: the floor measured without the Java harness. */
static void standalone(void)
{
    char line[128];
    int span = g_opt.ops < 5000 ? 5000 : g_opt.ops;
    snprintf(line, sizeof line, "hello");
    run_command(line);
    snprintf(line, sizeof line, "put 0 %d", span);
    run_command(line); /* load */
    bool samples = g_opt.samples;
    g_opt.samples = false;
    snprintf(line, sizeof line, "put 0 %d", g_opt.warmup > 0 ? g_opt.warmup : 1);
    run_command(line);
    snprintf(line, sizeof line, "get 0 %d", g_opt.warmup > 0 ? g_opt.warmup : 1);
    run_command(line);
    g_opt.samples = samples;
    for (int r = 0; r < g_opt.rounds; r++) {
        snprintf(line, sizeof line, "put 0 %d", g_opt.ops);
        run_command(line);
        snprintf(line, sizeof line, "get 0 %d", g_opt.ops);
        run_command(line);
    }
    static const int sizes[] = {100, 1000, 5000};
    for (int s = 0; s < 3; s++) {
        int calls = g_opt.ops / sizes[s] < 3 ? 3 : g_opt.ops / sizes[s];
        snprintf(line, sizeof line, "batch 0 %d %d %d", span, sizes[s], calls);
        run_command(line);
    }
    static const int threads[] = {1, 4, 16, 64};
    for (int t = 0; t < 4; t++) {
        snprintf(line, sizeof line, "tput %d 2000 0 %d", threads[t], span);
        run_command(line);
    }
}

int main(int argc, char** argv)
{
    int parsed = parse_args(argc, argv, &g_opt);
    if (parsed != 0) {
        return usage(parsed < 0 ? "bad arguments" : NULL);
    }
    if (connect_client() != 0) {
        return 1;
    }
    if (g_opt.serve) {
        serve();
    } else {
        standalone();
    }
    as_error err;
    aerospike_close(g_as, &err);
    aerospike_destroy(g_as);
    return 0;
}
