/*
 * The raw C loop's single-record work, shared by asbench-c (its own process) and
 * libasbench_jni.so's asbench_loop_* (the same loop run inside a JVM, to tell what the binding
 * costs from what being a JVM process costs). Records are {name: "user-<k>", age: k % 100,
 * score: k * 0.5}, exactly what the Java harness writes.
 */
#ifndef ASNATIVE_RECORD_OPS_H
#define ASNATIVE_RECORD_OPS_H

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "aerospike_abi.h"

/* Writes record k under `key` (built by the caller), with `name` as its name bin. */
static inline bool asb_put_named(aerospike* as, as_key* key, int64_t k, const char* name)
{
    as_record rec;
    as_record_init(&rec, 3);
    as_record_set_strp(&rec, "name", name, false);
    as_record_set_int64(&rec, "age", k % 100);
    as_record_set_double(&rec, "score", (double)k * 0.5);
    as_error err;
    as_status status = aerospike_key_put(as, &err, NULL, key, &rec);
    as_record_destroy(&rec);
    return status == AEROSPIKE_OK;
}

/* Writes record k under `key` (built by the caller), its name formatted here. */
static inline bool asb_put_key(aerospike* as, as_key* key, int64_t k)
{
    char name[32];
    snprintf(name, sizeof name, "user-%" PRId64, k);
    return asb_put_named(as, key, k, name);
}

/* Reads every bin's value as the Java side builds its Record: the work a caller does with it. */
static inline int64_t asb_consume(const as_record* rec)
{
    int64_t sum = rec->gen;
    for (uint16_t i = 0; i < rec->bins.size; i++) {
        const as_bin_value* v = rec->bins.entries[i].valuep;
        switch (v ? as_val_type_of(v) : AS_UNDEF) {
        case AS_INTEGER: sum += v->integer.value; break;
        case AS_DOUBLE: sum += (int64_t)v->dbl.value; break;
        case AS_STRING: sum += (int64_t)strlen(v->string.value); break;
        default: break;
        }
    }
    return sum;
}

/* Reads the record under `key`, adding what asb_consume reads of it to *sink. */
static inline bool asb_get_key(aerospike* as, as_key* key, int64_t* sink)
{
    as_error err;
    as_record* rec = NULL;
    as_status status = aerospike_key_get(as, &err, NULL, key, &rec);
    if (rec) {
        *sink += asb_consume(rec);
        as_record_destroy(rec);
    }
    return status == AEROSPIKE_OK;
}

/* One put of record k with a key made for it, as a C caller would. */
static inline bool asb_put_one(aerospike* as, const char* ns, const char* set, int64_t k)
{
    as_key key;
    as_key_init_int64(&key, ns, set, k);
    bool ok = asb_put_key(as, &key, k);
    as_key_destroy(&key);
    return ok;
}

/* One get of record k with a key made for it, as a C caller would. */
static inline bool asb_get_one(aerospike* as, const char* ns, const char* set, int64_t k, int64_t* sink)
{
    as_key key;
    as_key_init_int64(&key, ns, set, k);
    bool ok = asb_get_key(as, &key, sink);
    as_key_destroy(&key);
    return ok;
}

/*
 * Key k with its digest handed over, as the FFM binding makes an as_key from a Java Key
 * (as_key_init_int64, then the digest copied in and marked computed): C does not hash it.
 */
static inline void asb_key_with_digest(as_key* key, const char* ns, const char* set, int64_t k, const uint8_t* digest)
{
    as_key_init_int64(key, ns, set, k);
    memcpy(key->digest.value, digest, AS_DIGEST_VALUE_SIZE);
    key->digest.init = true;
}

#endif
