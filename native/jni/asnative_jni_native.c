/*
 * JNI glue for io.asnative.jni.JniNative: the JNI backend's only class with native methods.
 *
 * How a call works (the JNI twin of the FFM backend, which writes C structs from Java):
 *   Java encodes the request (policy fields, key, bins / operations / batch records) into a
 *   per-thread direct buffer and passes its address as a long. This file decodes it and makes
 *   exactly the C client calls the FFM backend makes (listed on io.asnative.internal.NativeSession),
 *   then copies the result record(s) into a per-thread direct output buffer that Java decodes into
 *   com.aerospike.client.Record objects with io.asnative.internal.Records. The FFM backend reads the
 *   as_record structs from Java directly instead; JNI cannot read native memory from Java 17
 *   without Unsafe, so here the copy-out is the one extra step (marked "JNI-only" below).
 *
 * Conventions (zstd-jni / Netty native transports):
 *   - natives registered with RegisterNatives in JNI_OnLoad; class and method IDs cached once there
 *     as global references and released in JNI_OnUnload;
 *   - raw addresses travel as jlong; C returns an as_status and Java throws
 *     (io.asnative.internal.CStatus); on error the as_error message and in_doubt are written to the
 *     output buffer: [i32 status][u8 in_doubt][3 pad][i32 length][message bytes];
 *   - every allocation checked, everything freed on every path (goto cleanup); no JNI local
 *     references are created in loops (the only upcall, JniBuffers.growOut, returns a primitive).
 *
 * Request formats are written by io.asnative.jni.JniEncoder and documented there.
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "aerospike_abi.h"

/* The C client's static nil value (exported read-only data): what as_record_set_nil uses. */
extern const as_val as_nil;

#define JNI_NATIVE_CLASS "io/asnative/jni/JniNative"
#define JNI_BUFFERS_CLASS "io/asnative/jni/JniBuffers"

/* Status for failures of this glue itself (bad request, out of memory): AEROSPIKE_ERR_CLIENT. */
#define GLUE_ERROR AEROSPIKE_ERR_CLIENT

static jclass g_buffers_class;    /* global ref */
static jmethodID g_grow_out;      /* long JniBuffers.growOut(int) */
static size_t g_error_message_offset = AS_ERROR_MESSAGE_OFFSET_740;

/* ------------------------------------------------------------------------------------------ */
/* Request reader: bounds-checked; a malformed request sets 'bad' instead of reading past end.  */
/* ------------------------------------------------------------------------------------------ */

typedef struct {
    const uint8_t* p;
    const uint8_t* end;
    bool bad;
} reader;

static inline bool rd_has(reader* r, size_t n)
{
    if (r->bad || (size_t)(r->end - r->p) < n) {
        r->bad = true;
        return false;
    }
    return true;
}

static inline uint8_t rd_u8(reader* r)
{
    if (!rd_has(r, 1)) {
        return 0;
    }
    return *r->p++;
}

static inline uint16_t rd_u16(reader* r)
{
    uint16_t v = 0;
    if (rd_has(r, 2)) {
        memcpy(&v, r->p, 2);
        r->p += 2;
    }
    return v;
}

static inline int32_t rd_i32(reader* r)
{
    int32_t v = 0;
    if (rd_has(r, 4)) {
        memcpy(&v, r->p, 4);
        r->p += 4;
    }
    return v;
}

static inline int64_t rd_i64(reader* r)
{
    int64_t v = 0;
    if (rd_has(r, 8)) {
        memcpy(&v, r->p, 8);
        r->p += 8;
    }
    return v;
}

static inline double rd_f64(reader* r)
{
    double v = 0;
    if (rd_has(r, 8)) {
        memcpy(&v, r->p, 8);
        r->p += 8;
    }
    return v;
}

static inline const uint8_t* rd_bytes(reader* r, size_t n)
{
    if (!rd_has(r, n)) {
        return NULL;
    }
    const uint8_t* v = r->p;
    r->p += n;
    return v;
}

/* [u16 length][bytes][NUL]: returns a C string pointing into the request. */
static inline const char* rd_cstr(reader* r)
{
    uint16_t len = rd_u16(r);
    const uint8_t* s = rd_bytes(r, (size_t)len + 1);
    if (s == NULL || s[len] != 0) {
        r->bad = true;
        return "";
    }
    return (const char*)s;
}

/* ------------------------------------------------------------------------------------------ */
/* Output writer                                                                               */
/* ------------------------------------------------------------------------------------------ */

typedef struct {
    JNIEnv* env;
    jobject buffers; /* JniBuffers, for growOut */
    uint8_t* base;
    size_t cap;
} output;

/* Makes room for 'needed' bytes (one upcall to JniBuffers.growOut when the buffer is too small). */
static bool out_ensure(output* o, size_t needed)
{
    if (needed <= o->cap) {
        return true;
    }
    if (needed > 0x7FFFFFF0u || o->buffers == NULL) {
        return false;
    }
    jlong addr = (*o->env)->CallLongMethod(o->env, o->buffers, g_grow_out, (jint)needed);
    if ((*o->env)->ExceptionCheck(o->env) || addr == 0) {
        return false; /* the pending Java exception (e.g. OutOfMemoryError) is thrown on return */
    }
    o->base = (uint8_t*)(intptr_t)addr;
    o->cap = needed;
    return true;
}

static inline uint8_t* put_u8(uint8_t* p, uint8_t v)
{
    *p = v;
    return p + 1;
}

static inline uint8_t* put_i32(uint8_t* p, int32_t v)
{
    memcpy(p, &v, 4);
    return p + 4;
}

static inline uint8_t* put_i64(uint8_t* p, int64_t v)
{
    memcpy(p, &v, 8);
    return p + 8;
}

/* Error record: [i32 status][u8 in_doubt][3 pad][i32 length][message]. The buffer always has room
 * for it (Java keeps at least JniBuffers.MIN_OUT = 16 KiB). */
static as_status write_error(output* o, as_status status, const char* message, bool in_doubt)
{
    size_t len = message ? strnlen(message, AS_ERROR_MESSAGE_MAX_SIZE) : 0;
    if (o->cap < 12 + len) {
        len = o->cap >= 12 ? o->cap - 12 : 0;
        if (o->cap < 12) {
            return status;
        }
    }
    uint8_t* p = o->base;
    p = put_i32(p, status);
    p = put_u8(p, in_doubt ? 1 : 0);
    memset(p, 0, 3);
    p += 3;
    p = put_i32(p, (int32_t)len);
    if (len) {
        memcpy(p, message, len);
    }
    return status;
}

static as_status write_as_error(output* o, as_status status, const as_error* err)
{
    return write_error(o, status, as_error_message_at(err, g_error_message_offset), err->in_doubt);
}

/* ------------------------------------------------------------------------------------------ */
/* Record -> output (JNI-only copy-out; the FFM backend reads these structs from Java)          */
/* Record: [i32 gen][i32 ttl][i32 nbins] then per bin [u8 name length][name][u8 kind][payload]. */
/* ------------------------------------------------------------------------------------------ */

enum {
    OUT_NIL = 0,
    OUT_BOOL = 1,         /* u8 */
    OUT_INT = 2,          /* i64 */
    OUT_DOUBLE = 3,       /* f64 */
    OUT_STRING = 4,       /* i32 length, UTF-8 bytes */
    OUT_PARTICLE = 5,     /* u8 particle type, i32 length, bytes */
    OUT_GEOJSON = 6,      /* i32 length, UTF-8 bytes (the JSON text) */
    OUT_UNSUPPORTED = 7   /* u8 as_val_t */
};

static inline size_t string_len(const as_string* s)
{
    if (s->value == NULL) {
        return 0;
    }
    return s->len == SIZE_MAX ? strlen(s->value) : s->len;
}

static size_t bin_size(const as_bin* bin)
{
    size_t n = 1 + strnlen(bin->name, AS_BIN_NAME_MAX_SIZE) + 1;
    const as_val* v = (const as_val*)bin->valuep;
    switch (as_val_type_of(v)) {
        case AS_UNDEF:
        case AS_NIL:
            return n;
        case AS_BOOLEAN:
            return n + 1;
        case AS_INTEGER:
        case AS_DOUBLE:
            return n + 8;
        case AS_STRING:
        case AS_GEOJSON:
            return n + 4 + string_len((const as_string*)v);
        case AS_BYTES:
            return n + 1 + 4 + ((const as_bytes*)v)->size;
        default:
            return n + 1;
    }
}

static size_t record_size(const as_record* rec)
{
    size_t n = 12;
    for (uint16_t i = 0; i < rec->bins.size; i++) {
        n += bin_size(&rec->bins.entries[i]);
    }
    return n;
}

static uint8_t* write_record(uint8_t* p, const as_record* rec)
{
    p = put_i32(p, rec->gen);
    p = put_i32(p, (int32_t)rec->ttl);
    p = put_i32(p, rec->bins.size);
    for (uint16_t i = 0; i < rec->bins.size; i++) {
        const as_bin* bin = &rec->bins.entries[i];
        size_t name_len = strnlen(bin->name, AS_BIN_NAME_MAX_SIZE);
        p = put_u8(p, (uint8_t)name_len);
        memcpy(p, bin->name, name_len);
        p += name_len;
        const as_val* v = (const as_val*)bin->valuep;
        as_val_t type = as_val_type_of(v);
        switch (type) {
            case AS_UNDEF:
            case AS_NIL:
                p = put_u8(p, OUT_NIL);
                break;
            case AS_BOOLEAN:
                p = put_u8(p, OUT_BOOL);
                p = put_u8(p, ((const as_boolean*)v)->value ? 1 : 0);
                break;
            case AS_INTEGER:
                p = put_u8(p, OUT_INT);
                p = put_i64(p, ((const as_integer*)v)->value);
                break;
            case AS_DOUBLE:
                p = put_u8(p, OUT_DOUBLE);
                memcpy(p, &((const as_double*)v)->value, 8);
                p += 8;
                break;
            case AS_STRING:
            case AS_GEOJSON: {
                const as_string* s = (const as_string*)v;
                size_t len = string_len(s);
                p = put_u8(p, type == AS_STRING ? OUT_STRING : OUT_GEOJSON);
                p = put_i32(p, (int32_t)len);
                if (len) {
                    memcpy(p, s->value, len);
                }
                p += len;
                break;
            }
            case AS_BYTES: {
                const as_bytes* b = (const as_bytes*)v;
                p = put_u8(p, OUT_PARTICLE);
                p = put_u8(p, (uint8_t)b->type);
                p = put_i32(p, (int32_t)b->size);
                if (b->size) {
                    memcpy(p, b->value, b->size);
                }
                p += b->size;
                break;
            }
            default:
                /* e.g. AS_LIST / AS_MAP if someone enabled deserialize: Java reports it. */
                p = put_u8(p, OUT_UNSUPPORTED);
                p = put_u8(p, type);
                break;
        }
    }
    return p;
}

/* Writes one record at the start of the output. */
static as_status output_record(output* o, const as_record* rec)
{
    size_t size = record_size(rec);
    if (!out_ensure(o, size)) {
        return write_error(o, GLUE_ERROR, "JNI: cannot allocate the result buffer", false);
    }
    write_record(o->base, rec);
    return AEROSPIKE_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* Policies: [u8 present] then, if present, POLICY_SLOTS int32 (JniEncoder.policy)              */
/* ------------------------------------------------------------------------------------------ */

enum {
    P_TOTAL_TIMEOUT,
    P_SOCKET_TIMEOUT,
    P_CONNECT_TIMEOUT,
    P_TIMEOUT_DELAY,
    P_MAX_RETRIES,
    P_SLEEP_BETWEEN_RETRIES,
    P_COMPRESS,
    P_SEND_KEY,
    P_REPLICA,
    P_READ_MODE_AP,
    P_READ_MODE_SC,
    P_READ_TOUCH_TTL_PERCENT,
    /* write policies */
    P_COMMIT_LEVEL,
    P_GEN_POLICY,
    P_EXISTS,
    P_DURABLE_DELETE,
    P_RESPOND_ALL_OPS,
    P_EXPIRATION,
    P_GENERATION,
    P_ON_LOCKING_ONLY,
    POLICY_SLOTS
};
/* batch policies reuse the write slots */
enum {
    P_CONCURRENT = P_COMMIT_LEVEL,
    P_ALLOW_INLINE = P_GEN_POLICY,
    P_ALLOW_INLINE_SSD = P_EXISTS,
    P_RESPOND_ALL_KEYS = P_DURABLE_DELETE
};

/* Returns true when a policy is present (then v holds its slots). */
static bool rd_policy(reader* r, int32_t v[POLICY_SLOTS])
{
    if (rd_u8(r) == 0) {
        return false;
    }
    const uint8_t* p = rd_bytes(r, POLICY_SLOTS * 4);
    if (p == NULL) {
        return false;
    }
    memcpy(v, p, POLICY_SLOTS * 4);
    return true;
}

static void apply_base(as_policy_base* b, const int32_t v[POLICY_SLOTS])
{
    b->total_timeout = (uint32_t)v[P_TOTAL_TIMEOUT];
    b->socket_timeout = (uint32_t)v[P_SOCKET_TIMEOUT];
    b->connect_timeout = (uint32_t)v[P_CONNECT_TIMEOUT];
    b->timeout_delay = (uint32_t)v[P_TIMEOUT_DELAY];
    b->max_retries = (uint32_t)v[P_MAX_RETRIES];
    b->sleep_between_retries = (uint32_t)v[P_SLEEP_BETWEEN_RETRIES];
    b->compress = v[P_COMPRESS] != 0;
}

static void make_read_policy(aerospike* as, as_policy_read* p, const int32_t v[POLICY_SLOTS])
{
    *p = as->config.policies.read;
    apply_base(&p->base, v);
    p->key = v[P_SEND_KEY] ? AS_POLICY_KEY_SEND : AS_POLICY_KEY_DIGEST;
    p->replica = v[P_REPLICA];
    p->read_mode_ap = v[P_READ_MODE_AP];
    p->read_mode_sc = v[P_READ_MODE_SC];
    p->read_touch_ttl_percent = v[P_READ_TOUCH_TTL_PERCENT];
    p->deserialize = false;
}

static void make_write_policy(aerospike* as, as_policy_write* p, const int32_t v[POLICY_SLOTS])
{
    *p = as->config.policies.write;
    apply_base(&p->base, v);
    p->key = v[P_SEND_KEY] ? AS_POLICY_KEY_SEND : AS_POLICY_KEY_DIGEST;
    p->replica = v[P_REPLICA];
    p->commit_level = v[P_COMMIT_LEVEL];
    p->gen = v[P_GEN_POLICY];
    p->exists = v[P_EXISTS];
    p->ttl = (uint32_t)v[P_EXPIRATION];
    p->durable_delete = v[P_DURABLE_DELETE] != 0;
    p->on_locking_only = v[P_ON_LOCKING_ONLY] != 0;
}

static void make_operate_policy(aerospike* as, as_policy_operate* p, const int32_t v[POLICY_SLOTS])
{
    *p = as->config.policies.operate;
    apply_base(&p->base, v);
    p->key = v[P_SEND_KEY] ? AS_POLICY_KEY_SEND : AS_POLICY_KEY_DIGEST;
    p->replica = v[P_REPLICA];
    p->read_mode_ap = v[P_READ_MODE_AP];
    p->read_mode_sc = v[P_READ_MODE_SC];
    p->read_touch_ttl_percent = v[P_READ_TOUCH_TTL_PERCENT];
    p->commit_level = v[P_COMMIT_LEVEL];
    p->gen = v[P_GEN_POLICY];
    p->exists = v[P_EXISTS];
    p->ttl = (uint32_t)v[P_EXPIRATION];
    p->durable_delete = v[P_DURABLE_DELETE] != 0;
    p->on_locking_only = v[P_ON_LOCKING_ONLY] != 0;
    p->respond_all_ops = v[P_RESPOND_ALL_OPS] != 0;
    p->deserialize = false;
}

static void make_remove_policy(aerospike* as, as_policy_remove* p, const int32_t v[POLICY_SLOTS])
{
    *p = as->config.policies.remove;
    apply_base(&p->base, v);
    p->key = v[P_SEND_KEY] ? AS_POLICY_KEY_SEND : AS_POLICY_KEY_DIGEST;
    p->replica = v[P_REPLICA];
    p->commit_level = v[P_COMMIT_LEVEL];
    p->gen = v[P_GEN_POLICY];
    p->generation = (uint16_t)v[P_GENERATION];
    p->durable_delete = v[P_DURABLE_DELETE] != 0;
}

static void make_batch_policy(const as_policy_batch* defaults, as_policy_batch* p,
                              const int32_t v[POLICY_SLOTS])
{
    *p = *defaults;
    apply_base(&p->base, v);
    p->replica = v[P_REPLICA];
    p->read_mode_ap = v[P_READ_MODE_AP];
    p->read_mode_sc = v[P_READ_MODE_SC];
    p->read_touch_ttl_percent = v[P_READ_TOUCH_TTL_PERCENT];
    p->concurrent = v[P_CONCURRENT] != 0;
    p->allow_inline = v[P_ALLOW_INLINE] != 0;
    p->allow_inline_ssd = v[P_ALLOW_INLINE_SSD] != 0;
    p->respond_all_keys = v[P_RESPOND_ALL_KEYS] != 0;
    p->deserialize = false; /* send_set_name keeps the C client's default: Java has no twin */
}

/* ------------------------------------------------------------------------------------------ */
/* Keys: [cstr ns][cstr set][u8 type][20 digest] then int64 / [i32 length][bytes]               */
/* ------------------------------------------------------------------------------------------ */

enum { KEY_DIGEST = 0, KEY_INT = 1, KEY_STRING = 2, KEY_BLOB = 3 };

static bool rd_key(reader* r, as_key* key)
{
    const char* ns = rd_cstr(r);
    const char* set = rd_cstr(r);
    uint8_t type = rd_u8(r);
    const uint8_t* digest = rd_bytes(r, AS_DIGEST_VALUE_SIZE);
    if (r->bad) {
        return false;
    }
    as_key* k = NULL;
    switch (type) {
        case KEY_DIGEST:
            k = as_key_init_digest(key, ns, set, digest);
            break;
        case KEY_INT:
            k = as_key_init_int64(key, ns, set, rd_i64(r));
            break;
        case KEY_STRING:
        case KEY_BLOB: {
            uint32_t len = (uint32_t)rd_i32(r);
            const uint8_t* bytes = rd_bytes(r, len);
            if (r->bad) {
                return false;
            }
            k = as_key_init_rawp(key, ns, set, bytes, len, false);
            if (k && type == KEY_STRING) {
                /* A string key hashes as particle type STRING (like the Java client and
                 * as_key_init_strp), but kept as raw bytes so its length is exact. */
                key->value.bytes.type = AS_BYTES_STRING;
            }
            break;
        }
        default:
            r->bad = true;
            return false;
    }
    if (k == NULL || r->bad) {
        return false;
    }
    if (type != KEY_DIGEST) {
        /* The digest the Java Key computed (the same RIPEMD-160 as C's): marked computed so that
         * as_key_set_digest does not hash the key again. The FFM KeyWriter does the same. */
        memcpy(key->digest.value, digest, AS_DIGEST_VALUE_SIZE);
        key->digest.init = true;
    }
    return true;
}

/* ------------------------------------------------------------------------------------------ */
/* Bin values: [u8 kind] then i64 / f64 / u8 / [u8 particle type][i32 length][bytes]            */
/* ------------------------------------------------------------------------------------------ */

enum { VAL_NIL = 0, VAL_INT = 1, VAL_DOUBLE = 2, VAL_BOOL = 3, VAL_PARTICLE = 4 };

/* put: one as_record_set_* per bin. */
static bool rd_bin_into_record(reader* r, as_record* rec)
{
    const char* name = rd_cstr(r);
    uint8_t kind = rd_u8(r);
    if (r->bad) {
        return false;
    }
    switch (kind) {
        case VAL_NIL:
            return as_record_set_nil(rec, name);
        case VAL_INT:
            return as_record_set_int64(rec, name, rd_i64(r)) && !r->bad;
        case VAL_DOUBLE:
            return as_record_set_double(rec, name, rd_f64(r)) && !r->bad;
        case VAL_BOOL:
            return as_record_set_bool(rec, name, rd_u8(r) != 0) && !r->bad;
        case VAL_PARTICLE: {
            uint8_t type = rd_u8(r);
            uint32_t len = (uint32_t)rd_i32(r);
            const uint8_t* bytes = rd_bytes(r, len);
            if (r->bad) {
                return false;
            }
            return as_record_set_raw_typep(rec, name, bytes, len, type, false);
        }
        default:
            r->bad = true;
            return false;
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Operations: [u16 count] then per op [u8 code][cstr bin name][operand]                        */
/* ------------------------------------------------------------------------------------------ */

enum {
    OP_READ = 1,       /* as_operations_add_read */
    OP_READ_ALL = 2,   /* as_operations_add_read_all */
    OP_WRITE = 3,      /* value: see rd_bin_into_record's kinds */
    OP_ADD_INT = 4,    /* as_operations_add_incr: i64 */
    OP_ADD_DOUBLE = 5, /* as_operations_add_incr_double: f64 */
    OP_APPEND = 6,     /* as_operations_add_append_strp: cstr */
    OP_PREPEND = 7,    /* as_operations_add_prepend_strp: cstr */
    OP_TOUCH = 8,      /* as_operations_add_touch */
    OP_DELETE = 9      /* as_operations_add_delete */
};

static bool rd_write_op(reader* r, as_operations* ops, const char* name)
{
    uint8_t kind = rd_u8(r);
    if (r->bad) {
        return false;
    }
    switch (kind) {
        case VAL_NIL:
            /* What as_record_set_nil does for records: the bin's value is the static as_nil. */
            return as_operations_add_write(ops, name, (as_bin_value*)&as_nil);
        case VAL_INT:
            return as_operations_add_write_int64(ops, name, rd_i64(r)) && !r->bad;
        case VAL_DOUBLE:
            return as_operations_add_write_double(ops, name, rd_f64(r)) && !r->bad;
        case VAL_BOOL:
            return as_operations_add_write_bool(ops, name, rd_u8(r) != 0) && !r->bad;
        case VAL_PARTICLE: {
            uint8_t type = rd_u8(r);
            uint32_t len = (uint32_t)rd_i32(r);
            const uint8_t* bytes = rd_bytes(r, len);
            if (r->bad || !as_operations_add_write_rawp(ops, name, bytes, len, false)) {
                return false;
            }
            /* The C client has no exported as_operations_add_write_raw_typep: tag the bytes the
             * rawp call just wrapped with their particle type (string, list, map, GeoJSON, HLL),
             * as as_record_set_raw_typep does for put. */
            as_bin* bin = &ops->binops.entries[ops->binops.size - 1].bin;
            ((as_bytes*)bin->valuep)->type = type;
            return true;
        }
        default:
            r->bad = true;
            return false;
    }
}

/* Reads 'count' operations into an initialised as_operations. */
static bool rd_ops(reader* r, as_operations* ops, uint16_t count)
{
    for (uint16_t i = 0; i < count; i++) {
        uint8_t code = rd_u8(r);
        const char* name = rd_cstr(r);
        if (r->bad) {
            return false;
        }
        bool ok;
        switch (code) {
            case OP_READ:
                ok = as_operations_add_read(ops, name);
                break;
            case OP_READ_ALL:
                ok = as_operations_add_read_all(ops);
                break;
            case OP_WRITE:
                ok = rd_write_op(r, ops, name);
                break;
            case OP_ADD_INT:
                ok = as_operations_add_incr(ops, name, rd_i64(r));
                break;
            case OP_ADD_DOUBLE:
                ok = as_operations_add_incr_double(ops, name, rd_f64(r));
                break;
            case OP_APPEND:
                ok = as_operations_add_append_strp(ops, name, rd_cstr(r), false);
                break;
            case OP_PREPEND:
                ok = as_operations_add_prepend_strp(ops, name, rd_cstr(r), false);
                break;
            case OP_TOUCH:
                ok = as_operations_add_touch(ops);
                break;
            case OP_DELETE:
                ok = as_operations_add_delete(ops);
                break;
            default:
                ok = false;
                break;
        }
        if (!ok || r->bad) {
            return false;
        }
    }
    return true;
}

static inline aerospike* as_of(jlong handle)
{
    return (aerospike*)(intptr_t)handle;
}

static inline reader reader_of(jlong in, jint in_len)
{
    reader r;
    r.p = (const uint8_t*)(intptr_t)in;
    r.end = r.p + (in_len > 0 ? in_len : 0);
    r.bad = (in == 0);
    return r;
}

static inline output output_of(JNIEnv* env, jobject buffers, jlong out, jint out_cap)
{
    output o;
    o.env = env;
    o.buffers = buffers;
    o.base = (uint8_t*)(intptr_t)out;
    o.cap = out_cap > 0 ? (size_t)out_cap : 0;
    return o;
}

static as_status bad_request(output* o)
{
    return write_error(o, GLUE_ERROR, "JNI: malformed request (encoder/decoder mismatch)", false);
}

/* ------------------------------------------------------------------------------------------ */
/* Natives                                                                                     */
/* ------------------------------------------------------------------------------------------ */

static jstring JNICALL native_client_version(JNIEnv* env, jclass clazz)
{
    (void)clazz;
    const char* v = aerospike_client_version;
    return (*env)->NewStringUTF(env, v ? v : "");
}

static jint JNICALL native_set_error_message_offset(JNIEnv* env, jclass clazz, jint offset)
{
    (void)env;
    (void)clazz;
    if (offset != AS_ERROR_MESSAGE_OFFSET_740 && offset != AS_ERROR_MESSAGE_OFFSET_750) {
        return -1;
    }
    g_error_message_offset = (size_t)offset;
    return 0;
}

static jlong JNICALL native_address(JNIEnv* env, jclass clazz, jobject buffer)
{
    (void)clazz;
    void* p = (*env)->GetDirectBufferAddress(env, buffer);
    return (jlong)(intptr_t)p;
}

static jint JNICALL native_sizeof_as_error(JNIEnv* env, jclass clazz)
{
    (void)env;
    (void)clazz;
    return (jint)sizeof(as_error);
}

/*
 * connect request: [i32 host count] per host [cstr name][u16 port]; [u8 has][cstr cluster name];
 * [u8 has][cstr user][cstr password]; i32 conn_timeout_ms, login_timeout_ms, min_conns_per_node,
 * max_conns_per_node, max_socket_idle, tender_interval, max_error_rate, error_rate_window;
 * [u8 fail_if_not_connected].
 * Returns the aerospike* or 0 (error written to the output).
 */
static jlong JNICALL native_connect(JNIEnv* env, jclass clazz, jlong in, jint in_len, jlong out,
                                    jint out_cap)
{
    (void)clazz;
    reader r = reader_of(in, in_len);
    output o = output_of(env, NULL, out, out_cap);
    as_config config;
    as_error err;
    aerospike* as = NULL;
    bool config_owned = false;

    as_config_init(&config);
    config_owned = true;

    int32_t hosts = rd_i32(&r);
    for (int32_t i = 0; i < hosts && !r.bad; i++) {
        const char* name = rd_cstr(&r);
        uint16_t port = rd_u16(&r);
        if (!r.bad) {
            as_config_add_host(&config, name, port);
        }
    }
    if (rd_u8(&r)) {
        const char* cluster_name = rd_cstr(&r);
        if (!r.bad) {
            as_config_set_cluster_name_value(&config, cluster_name);
        }
    }
    if (rd_u8(&r)) {
        const char* user = rd_cstr(&r);
        const char* password = rd_cstr(&r);
        if (!r.bad && !as_config_set_user(&config, user, password)) {
            write_error(&o, AEROSPIKE_ERR_PARAM, "Invalid user or password", false);
            goto cleanup;
        }
    }
    config.conn_timeout_ms = (uint32_t)rd_i32(&r);
    config.login_timeout_ms = (uint32_t)rd_i32(&r);
    config.min_conns_per_node = (uint32_t)rd_i32(&r);
    config.max_conns_per_node = (uint32_t)rd_i32(&r);
    config.max_socket_idle = (uint32_t)rd_i32(&r);
    config.tender_interval = (uint32_t)rd_i32(&r);
    config.max_error_rate = (uint32_t)rd_i32(&r);
    config.error_rate_window = (uint32_t)rd_i32(&r);
    config.fail_if_not_connected = rd_u8(&r) != 0;
    if (r.bad) {
        bad_request(&o);
        goto cleanup;
    }
    /* List and map bins come back as raw msgpack as_bytes (decoded in Java like the Java
     * client does). batch_parent_write is the default of aerospike_batch_write. */
    config.policies.read.deserialize = false;
    config.policies.operate.deserialize = false;
    config.policies.batch.deserialize = false;
    config.policies.batch_parent_write.deserialize = false;

    as = aerospike_new(&config);
    if (as == NULL) {
        write_error(&o, GLUE_ERROR, "aerospike_new failed (out of memory)", false);
        goto cleanup;
    }
    config_owned = false; /* aerospike_new took the config (hosts, cluster name) */

    as_status status = aerospike_connect(as, &err);
    if (status != AEROSPIKE_OK) {
        write_as_error(&o, status, &err);
        aerospike_destroy(as);
        as = NULL;
    }

cleanup:
    if (config_owned) {
        as_config_destroy(&config);
    }
    return (jlong)(intptr_t)as;
}

static jint JNICALL native_close(JNIEnv* env, jclass clazz, jlong handle, jlong out, jint out_cap)
{
    (void)clazz;
    aerospike* as = as_of(handle);
    output o = output_of(env, NULL, out, out_cap);
    as_error err;
    if (as == NULL) {
        return AEROSPIKE_OK;
    }
    as_status status = aerospike_close(as, &err);
    if (status != AEROSPIKE_OK) {
        write_as_error(&o, status, &err);
    }
    aerospike_destroy(as);
    return status;
}

/* A trivial C client call (no I/O): the JNI transition cost, measured against the FFM downcall. */
static jboolean JNICALL native_is_connected(JNIEnv* env, jclass clazz, jlong handle)
{
    (void)env;
    (void)clazz;
    return aerospike_cluster_is_connected(as_of(handle)) ? JNI_TRUE : JNI_FALSE;
}

/* put: [policy][key][u16 bin count] bins. */
static jint JNICALL native_put(JNIEnv* env, jclass clazz, jlong handle, jlong in, jint in_len,
                               jlong out, jint out_cap, jobject buffers)
{
    (void)clazz;
    aerospike* as = as_of(handle);
    reader r = reader_of(in, in_len);
    output o = output_of(env, buffers, out, out_cap);
    int32_t pv[POLICY_SLOTS];
    as_policy_write policy;
    const as_policy_write* pp = NULL;
    as_key key;
    as_record rec;
    bool key_init = false;
    bool rec_init = false;
    as_error err;
    as_status status;

    bool has_policy = rd_policy(&r, pv);
    if (!rd_key(&r, &key)) {
        status = bad_request(&o);
        goto cleanup;
    }
    key_init = true;
    uint16_t nbins = rd_u16(&r);
    as_record_init(&rec, nbins);
    rec_init = true;
    for (uint16_t i = 0; i < nbins; i++) {
        if (!rd_bin_into_record(&r, &rec)) {
            status = bad_request(&o);
            goto cleanup;
        }
    }
    if (has_policy) {
        make_write_policy(as, &policy, pv);
        pp = &policy;
        rec.ttl = (uint32_t)pv[P_EXPIRATION];
        rec.gen = (uint16_t)pv[P_GENERATION];
    } else {
        rec.ttl = AS_RECORD_CLIENT_DEFAULT_TTL;
        rec.gen = 0;
    }
    status = aerospike_key_put(as, &err, pp, &key, &rec);
    if (status != AEROSPIKE_OK) {
        write_as_error(&o, status, &err);
    }

cleanup:
    if (rec_init) {
        as_record_destroy(&rec);
    }
    if (key_init) {
        as_key_destroy(&key);
    }
    return status;
}

/* get: [policy][key][u8 has names][u16 count][cstr names]: aerospike_key_get or _select. */
static jint JNICALL native_get(JNIEnv* env, jclass clazz, jlong handle, jlong in, jint in_len,
                               jlong out, jint out_cap, jobject buffers)
{
    (void)clazz;
    aerospike* as = as_of(handle);
    reader r = reader_of(in, in_len);
    output o = output_of(env, buffers, out, out_cap);
    int32_t pv[POLICY_SLOTS];
    as_policy_read policy;
    const as_policy_read* pp = NULL;
    as_key key;
    bool key_init = false;
    as_record* rec = NULL;
    const char* stack_names[17];
    const char** names = NULL;
    bool names_heap = false;
    as_error err;
    as_status status;

    if (rd_policy(&r, pv)) {
        make_read_policy(as, &policy, pv);
        pp = &policy;
    }
    if (!rd_key(&r, &key)) {
        status = bad_request(&o);
        goto cleanup;
    }
    key_init = true;
    if (rd_u8(&r)) {
        uint16_t n = rd_u16(&r);
        if (n < 17) {
            names = stack_names;
        } else {
            names = malloc(((size_t)n + 1) * sizeof(char*));
            if (names == NULL) {
                status = write_error(&o, GLUE_ERROR, "JNI: out of memory", false);
                goto cleanup;
            }
            names_heap = true;
        }
        for (uint16_t i = 0; i < n; i++) {
            names[i] = rd_cstr(&r);
        }
        names[n] = NULL;
    }
    if (r.bad) {
        status = bad_request(&o);
        goto cleanup;
    }
    status = names ? aerospike_key_select(as, &err, pp, &key, names, &rec)
                   : aerospike_key_get(as, &err, pp, &key, &rec);
    if (status == AEROSPIKE_OK) {
        if (rec != NULL) {
            status = output_record(&o, rec);
        } else {
            status = write_error(&o, GLUE_ERROR, "JNI: the C client returned no record", false);
        }
    } else {
        write_as_error(&o, status, &err);
    }

cleanup:
    if (rec != NULL) {
        as_record_destroy(rec);
    }
    if (names_heap) {
        free(names);
    }
    if (key_init) {
        as_key_destroy(&key);
    }
    return status;
}

/* exists / getHeader: [policy][key][u8 want header]: aerospike_key_exists, with a record (whose
 * header, gen and ttl, is written out) only for getHeader. */
static jint JNICALL native_exists(JNIEnv* env, jclass clazz, jlong handle, jlong in, jint in_len,
                                  jlong out, jint out_cap, jobject buffers)
{
    (void)clazz;
    aerospike* as = as_of(handle);
    reader r = reader_of(in, in_len);
    output o = output_of(env, buffers, out, out_cap);
    int32_t pv[POLICY_SLOTS];
    as_policy_read policy;
    const as_policy_read* pp = NULL;
    as_key key;
    bool key_init = false;
    as_record* rec = NULL;
    as_error err;
    as_status status;

    if (rd_policy(&r, pv)) {
        make_read_policy(as, &policy, pv);
        pp = &policy;
    }
    if (!rd_key(&r, &key)) {
        status = bad_request(&o);
        goto cleanup;
    }
    key_init = true;
    bool want_header = rd_u8(&r) != 0;
    if (r.bad) {
        status = bad_request(&o);
        goto cleanup;
    }
    status = aerospike_key_exists(as, &err, pp, &key, want_header ? &rec : NULL);
    if (status == AEROSPIKE_OK) {
        if (rec != NULL) {
            status = output_record(&o, rec);
        } else {
            /* no record asked for (exists) */
            uint8_t* p = o.base;
            p = put_i32(p, 0);
            p = put_i32(p, 0);
            put_i32(p, 0);
        }
    } else {
        write_as_error(&o, status, &err);
    }

cleanup:
    if (rec != NULL) {
        as_record_destroy(rec);
    }
    if (key_init) {
        as_key_destroy(&key);
    }
    return status;
}

/* delete: [policy][key]: aerospike_key_remove. */
static jint JNICALL native_remove(JNIEnv* env, jclass clazz, jlong handle, jlong in, jint in_len,
                                  jlong out, jint out_cap, jobject buffers)
{
    (void)clazz;
    aerospike* as = as_of(handle);
    reader r = reader_of(in, in_len);
    output o = output_of(env, buffers, out, out_cap);
    int32_t pv[POLICY_SLOTS];
    as_policy_remove policy;
    const as_policy_remove* pp = NULL;
    as_key key;
    as_error err;
    as_status status;

    if (rd_policy(&r, pv)) {
        make_remove_policy(as, &policy, pv);
        pp = &policy;
    }
    if (!rd_key(&r, &key)) {
        return bad_request(&o);
    }
    status = aerospike_key_remove(as, &err, pp, &key);
    if (status != AEROSPIKE_OK) {
        write_as_error(&o, status, &err);
    }
    as_key_destroy(&key);
    return status;
}

/* operate (and touch): [policy][key][u16 op count] ops: aerospike_key_operate. */
static jint JNICALL native_operate(JNIEnv* env, jclass clazz, jlong handle, jlong in, jint in_len,
                                   jlong out, jint out_cap, jobject buffers)
{
    (void)clazz;
    aerospike* as = as_of(handle);
    reader r = reader_of(in, in_len);
    output o = output_of(env, buffers, out, out_cap);
    int32_t pv[POLICY_SLOTS];
    as_policy_operate policy;
    const as_policy_operate* pp = NULL;
    as_key key;
    bool key_init = false;
    as_operations ops;
    bool ops_init = false;
    as_record* rec = NULL;
    as_error err;
    as_status status;

    bool has_policy = rd_policy(&r, pv);
    if (!rd_key(&r, &key)) {
        status = bad_request(&o);
        goto cleanup;
    }
    key_init = true;
    uint16_t nops = rd_u16(&r);
    if (as_operations_init(&ops, nops) == NULL) {
        status = write_error(&o, GLUE_ERROR, "JNI: out of memory", false);
        goto cleanup;
    }
    ops_init = true;
    if (!rd_ops(&r, &ops, nops)) {
        status = bad_request(&o);
        goto cleanup;
    }
    if (has_policy) {
        make_operate_policy(as, &policy, pv);
        pp = &policy;
        ops.ttl = (uint32_t)pv[P_EXPIRATION];
        ops.gen = (uint16_t)pv[P_GENERATION];
    } else {
        ops.ttl = AS_RECORD_CLIENT_DEFAULT_TTL;
        ops.gen = 0;
    }
    status = aerospike_key_operate(as, &err, pp, &key, &ops, &rec);
    if (status == AEROSPIKE_OK) {
        if (rec != NULL) {
            status = output_record(&o, rec);
        } else {
            uint8_t* p = put_i32(o.base, -1); /* gen -1, ttl 0, no bins: no record came back */
            p = put_i32(p, 0);
            put_i32(p, 0);
        }
    } else {
        write_as_error(&o, status, &err);
    }

cleanup:
    if (rec != NULL) {
        as_record_destroy(rec);
    }
    if (ops_init) {
        as_operations_destroy(&ops);
    }
    if (key_init) {
        as_key_destroy(&key);
    }
    return status;
}

/* ------------------------------------------------------------------------------------------ */
/* Batch                                                                                       */
/* ------------------------------------------------------------------------------------------ */

/* What this glue allocated for one batch record (as_batch_records_destroy frees only keys and
 * records, not policies, bin name arrays or operations). */
typedef struct {
    void* policy;
    char** names;
    as_operations* ops;
} batch_owned;

/* Batch output: [i32 count] then per record [i32 result][u8 in_doubt][u8 has record][2 pad]
 * and, when it has one, the record (format above). */
static as_status output_batch(output* o, as_batch_records* records, bool with_records)
{
    uint32_t n = records->list.size;
    size_t size = 4;
    for (uint32_t i = 0; i < n; i++) {
        const as_batch_base_record* br = as_batch_records_at(records, i);
        size += 8;
        if (with_records && br->result == AEROSPIKE_OK) {
            size += record_size(&br->record);
        }
    }
    if (!out_ensure(o, size)) {
        return write_error(o, GLUE_ERROR, "JNI: cannot allocate the result buffer", false);
    }
    uint8_t* p = put_i32(o->base, (int32_t)n);
    for (uint32_t i = 0; i < n; i++) {
        const as_batch_base_record* br = as_batch_records_at(records, i);
        bool has_record = with_records && br->result == AEROSPIKE_OK;
        p = put_i32(p, br->result);
        p = put_u8(p, br->in_doubt ? 1 : 0);
        p = put_u8(p, has_record ? 1 : 0);
        p = put_u8(p, 0);
        p = put_u8(p, 0);
        if (has_record) {
            p = write_record(p, &br->record);
        }
    }
    return AEROSPIKE_OK;
}

/* Reads [u16 count][cstr names] into a malloc'ed NULL-terminated array. */
static char** rd_names(reader* r, uint32_t* count)
{
    uint16_t n = rd_u16(r);
    char** names = malloc(((size_t)n + 1) * sizeof(char*));
    if (names == NULL) {
        return NULL;
    }
    for (uint16_t i = 0; i < n; i++) {
        names[i] = (char*)rd_cstr(r);
    }
    names[n] = NULL;
    *count = n;
    return names;
}

enum { READ_ALL_BINS = 0, READ_NAMED_BINS = 1, READ_HEADER = 2, READ_OPS = 3 };

/* batch_failed_ok: for a mixed batch, BATCH_FAILED means "some records failed, their own results
 * say how" (Java reads them); a uniform batch read treats it as an error, like the FFM backend. */
static as_status finish_batch(output* o, as_status status, as_error* err, as_batch_records* records,
                              bool with_records, bool batch_failed_ok)
{
    if (status != AEROSPIKE_OK && !(batch_failed_ok && status == AEROSPIKE_BATCH_FAILED)) {
        return write_as_error(o, status, err);
    }
    as_status out_status = output_batch(o, records, with_records);
    return out_status != AEROSPIKE_OK ? out_status : AEROSPIKE_OK;
}

/*
 * batchGet / batchExists: [policy][u8 mode][u8 with records][if NAMED: u16 count, names]
 * [i32 key count] keys: aerospike_batch_read over as_batch_read_records.
 */
static jint JNICALL native_batch_read(JNIEnv* env, jclass clazz, jlong handle, jlong in,
                                      jint in_len, jlong out, jint out_cap, jobject buffers)
{
    (void)clazz;
    aerospike* as = as_of(handle);
    reader r = reader_of(in, in_len);
    output o = output_of(env, buffers, out, out_cap);
    int32_t pv[POLICY_SLOTS];
    as_policy_batch policy;
    const as_policy_batch* pp = NULL;
    as_batch_records records;
    bool records_init = false;
    char** names = NULL;
    uint32_t n_names = 0;
    as_error err;
    as_status status;

    if (rd_policy(&r, pv)) {
        make_batch_policy(&as->config.policies.batch, &policy, pv);
        pp = &policy;
    }
    uint8_t mode = rd_u8(&r);
    bool with_records = rd_u8(&r) != 0;
    if (mode == READ_NAMED_BINS) {
        names = rd_names(&r, &n_names);
        if (names == NULL) {
            status = write_error(&o, GLUE_ERROR, "JNI: out of memory", false);
            goto cleanup;
        }
    }
    int32_t nkeys = rd_i32(&r);
    if (r.bad || nkeys <= 0) {
        status = bad_request(&o);
        goto cleanup;
    }
    /* Exact capacity: the vector never grows, so the keys' internal pointers stay valid. */
    as_batch_records_init_capacity(&records, (uint32_t)nkeys);
    records_init = true;
    if (records.list.list == NULL) {
        status = write_error(&o, GLUE_ERROR, "JNI: out of memory", false);
        goto cleanup;
    }
    for (int32_t i = 0; i < nkeys; i++) {
        as_batch_read_record* rec = as_batch_read_reserve_item(&records);
        if (rec == NULL) {
            status = write_error(&o, GLUE_ERROR, "JNI: out of memory", false);
            goto cleanup;
        }
        if (!rd_key(&r, &rec->key)) {
            records.list.size--; /* the slot holds no key: keep it out of destroy */
            status = bad_request(&o);
            goto cleanup;
        }
        if (mode == READ_ALL_BINS) {
            rec->read_all_bins = true;
        } else if (mode == READ_NAMED_BINS) {
            rec->bin_names = names;
            rec->n_bin_names = n_names;
        }
    }
    status = aerospike_batch_read(as, &err, pp, &records);
    status = finish_batch(&o, status, &err, &records, with_records, false);

cleanup:
    if (records_init) {
        as_batch_records_destroy(&records);
    }
    free(names);
    return status;
}

/* Per-record policy for a batch read: [u8 present][i32 read_mode_ap, read_mode_sc, touch %]. */
static bool rd_batch_read_record(reader* r, as_batch_read_record* rec, batch_owned* owned)
{
    if (rd_u8(r)) {
        as_policy_batch_read* p = calloc(1, sizeof(as_policy_batch_read));
        if (p == NULL) {
            return false;
        }
        owned->policy = p;
        p->filter_exp = NULL;
        p->read_mode_ap = rd_i32(r);
        p->read_mode_sc = rd_i32(r);
        p->read_touch_ttl_percent = rd_i32(r);
        rec->policy = p;
    }
    uint8_t mode = rd_u8(r);
    switch (mode) {
        case READ_ALL_BINS:
            rec->read_all_bins = true;
            break;
        case READ_NAMED_BINS:
            owned->names = rd_names(r, &rec->n_bin_names);
            if (owned->names == NULL) {
                return false;
            }
            rec->bin_names = owned->names;
            break;
        case READ_HEADER:
            break;
        case READ_OPS: {
            uint16_t nops = rd_u16(r);
            owned->ops = as_operations_new(nops);
            if (owned->ops == NULL || !rd_ops(r, owned->ops, nops)) {
                return false;
            }
            rec->ops = owned->ops;
            break;
        }
        default:
            r->bad = true;
            return false;
    }
    return !r->bad;
}

/* Per-record policy for a batch write: [u8 present][i32 send key, commit level, gen policy,
 * exists, durable delete, on locking only, expiration, generation]; then [u16 count] ops. */
static bool rd_batch_write_record(aerospike* as, reader* r, as_batch_write_record* rec,
                                  batch_owned* owned)
{
    uint32_t ttl = AS_RECORD_CLIENT_DEFAULT_TTL;
    uint16_t gen = 0;
    if (rd_u8(r)) {
        as_policy_batch_write* p = malloc(sizeof(as_policy_batch_write));
        if (p == NULL) {
            return false;
        }
        owned->policy = p;
        *p = as->config.policies.batch_write;
        p->key = rd_i32(r) ? AS_POLICY_KEY_SEND : AS_POLICY_KEY_DIGEST;
        p->commit_level = rd_i32(r);
        p->gen = rd_i32(r);
        p->exists = rd_i32(r);
        p->durable_delete = rd_i32(r) != 0;
        p->on_locking_only = rd_i32(r) != 0;
        ttl = (uint32_t)rd_i32(r);
        gen = (uint16_t)rd_i32(r);
        p->ttl = ttl;
        rec->policy = p;
    }
    uint16_t nops = rd_u16(r);
    owned->ops = as_operations_new(nops);
    if (owned->ops == NULL || !rd_ops(r, owned->ops, nops)) {
        return false;
    }
    owned->ops->ttl = ttl;
    owned->ops->gen = gen;
    rec->ops = owned->ops;
    return !r->bad;
}

/* Per-record policy for a batch delete: [u8 present][i32 send key, commit level, gen policy,
 * generation, durable delete]. */
static bool rd_batch_remove_record(aerospike* as, reader* r, as_batch_remove_record* rec,
                                   batch_owned* owned)
{
    if (rd_u8(r)) {
        as_policy_batch_remove* p = malloc(sizeof(as_policy_batch_remove));
        if (p == NULL) {
            return false;
        }
        owned->policy = p;
        *p = as->config.policies.batch_remove;
        p->key = rd_i32(r) ? AS_POLICY_KEY_SEND : AS_POLICY_KEY_DIGEST;
        p->commit_level = rd_i32(r);
        p->gen = rd_i32(r);
        p->generation = (uint16_t)rd_i32(r);
        p->durable_delete = rd_i32(r) != 0;
        rec->policy = p;
    }
    return !r->bad;
}

/*
 * batchOperate: [policy][u8 any write][i32 count] then per record [u8 type][key][type-specific]:
 * aerospike_batch_read when every record reads, else aerospike_batch_write.
 */
static jint JNICALL native_batch_operate(JNIEnv* env, jclass clazz, jlong handle, jlong in,
                                         jint in_len, jlong out, jint out_cap, jobject buffers)
{
    (void)clazz;
    aerospike* as = as_of(handle);
    reader r = reader_of(in, in_len);
    output o = output_of(env, buffers, out, out_cap);
    int32_t pv[POLICY_SLOTS];
    as_policy_batch policy;
    const as_policy_batch* pp = NULL;
    as_batch_records records;
    bool records_init = false;
    batch_owned* owned = NULL;
    int32_t n = 0;
    as_error err;
    as_status status;

    bool has_policy = rd_policy(&r, pv);
    bool any_write = rd_u8(&r) != 0;
    if (has_policy) {
        make_batch_policy(any_write ? &as->config.policies.batch_parent_write
                                    : &as->config.policies.batch,
                          &policy, pv);
        pp = &policy;
    }
    n = rd_i32(&r);
    if (r.bad || n <= 0) {
        n = 0;
        status = bad_request(&o);
        goto cleanup;
    }
    owned = calloc((size_t)n, sizeof(batch_owned));
    if (owned == NULL) {
        status = write_error(&o, GLUE_ERROR, "JNI: out of memory", false);
        goto cleanup;
    }
    as_batch_records_init_capacity(&records, (uint32_t)n);
    records_init = true;
    if (records.list.list == NULL) {
        status = write_error(&o, GLUE_ERROR, "JNI: out of memory", false);
        goto cleanup;
    }
    for (int32_t i = 0; i < n; i++) {
        uint8_t type = rd_u8(&r);
        as_batch_base_record* base;
        switch (type) {
            case AS_BATCH_READ:
                base = (as_batch_base_record*)as_batch_read_reserve_item(&records);
                break;
            case AS_BATCH_WRITE:
                base = (as_batch_base_record*)as_batch_write_reserve_item(&records);
                break;
            case AS_BATCH_REMOVE:
                base = (as_batch_base_record*)as_batch_remove_reserve_item(&records);
                break;
            default:
                status = bad_request(&o);
                goto cleanup;
        }
        if (base == NULL) {
            status = write_error(&o, GLUE_ERROR, "JNI: out of memory", false);
            goto cleanup;
        }
        if (!rd_key(&r, &base->key)) {
            records.list.size--;
            status = bad_request(&o);
            goto cleanup;
        }
        bool ok;
        switch (type) {
            case AS_BATCH_READ:
                ok = rd_batch_read_record(&r, (as_batch_read_record*)base, &owned[i]);
                break;
            case AS_BATCH_WRITE:
                ok = rd_batch_write_record(as, &r, (as_batch_write_record*)base, &owned[i]);
                break;
            default:
                ok = rd_batch_remove_record(as, &r, (as_batch_remove_record*)base, &owned[i]);
                break;
        }
        if (!ok) {
            status = r.bad ? bad_request(&o) : write_error(&o, GLUE_ERROR, "JNI: out of memory", false);
            goto cleanup;
        }
    }
    status = any_write ? aerospike_batch_write(as, &err, pp, &records)
                       : aerospike_batch_read(as, &err, pp, &records);
    status = finish_batch(&o, status, &err, &records, true, true);

cleanup:
    if (records_init) {
        as_batch_records_destroy(&records);
    }
    if (owned != NULL) {
        for (int32_t i = 0; i < n; i++) {
            if (owned[i].ops != NULL) {
                as_operations_destroy(owned[i].ops);
            }
            free(owned[i].policy);
            free(owned[i].names);
        }
        free(owned);
    }
    return status;
}

/* ------------------------------------------------------------------------------------------ */
/* Registration                                                                                */
/* ------------------------------------------------------------------------------------------ */

#define OP_SIG "(JJIJILio/asnative/jni/JniBuffers;)I"

static const JNINativeMethod g_methods[] = {
    {"clientVersion", "()Ljava/lang/String;", (void*)native_client_version},
    {"setErrorMessageOffset", "(I)I", (void*)native_set_error_message_offset},
    {"address", "(Ljava/nio/ByteBuffer;)J", (void*)native_address},
    {"sizeofAsError", "()I", (void*)native_sizeof_as_error},
    {"connect", "(JIJI)J", (void*)native_connect},
    {"close", "(JJI)I", (void*)native_close},
    {"isConnected", "(J)Z", (void*)native_is_connected},
    {"put", OP_SIG, (void*)native_put},
    {"get", OP_SIG, (void*)native_get},
    {"exists", OP_SIG, (void*)native_exists},
    {"remove", OP_SIG, (void*)native_remove},
    {"operate", OP_SIG, (void*)native_operate},
    {"batchRead", OP_SIG, (void*)native_batch_read},
    {"batchOperate", OP_SIG, (void*)native_batch_operate},
};

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM* vm, void* reserved)
{
    (void)reserved;
    JNIEnv* env = NULL;
    jclass native_class = NULL;
    jclass buffers_class = NULL;
    jint result = JNI_ERR;

    if ((*vm)->GetEnv(vm, (void**)&env, JNI_VERSION_1_8) != JNI_OK) {
        return JNI_ERR;
    }
    native_class = (*env)->FindClass(env, JNI_NATIVE_CLASS);
    if (native_class == NULL) {
        goto cleanup;
    }
    if ((*env)->RegisterNatives(env, native_class, g_methods,
                                (jint)(sizeof(g_methods) / sizeof(g_methods[0]))) != JNI_OK) {
        goto cleanup;
    }
    buffers_class = (*env)->FindClass(env, JNI_BUFFERS_CLASS);
    if (buffers_class == NULL) {
        goto cleanup;
    }
    g_grow_out = (*env)->GetMethodID(env, buffers_class, "growOut", "(I)J");
    if (g_grow_out == NULL) {
        goto cleanup;
    }
    g_buffers_class = (*env)->NewGlobalRef(env, buffers_class);
    if (g_buffers_class == NULL) {
        goto cleanup;
    }
    result = JNI_VERSION_1_8;

cleanup:
    if (result == JNI_ERR && native_class != NULL) {
        (*env)->UnregisterNatives(env, native_class);
    }
    if (native_class != NULL) {
        (*env)->DeleteLocalRef(env, native_class);
    }
    if (buffers_class != NULL) {
        (*env)->DeleteLocalRef(env, buffers_class);
    }
    return result;
}

JNIEXPORT void JNICALL JNI_OnUnload(JavaVM* vm, void* reserved)
{
    (void)reserved;
    JNIEnv* env = NULL;
    if ((*vm)->GetEnv(vm, (void**)&env, JNI_VERSION_1_8) != JNI_OK) {
        return;
    }
    if (g_buffers_class != NULL) {
        (*env)->DeleteGlobalRef(env, g_buffers_class);
        g_buffers_class = NULL;
    }
    g_grow_out = NULL;
}
