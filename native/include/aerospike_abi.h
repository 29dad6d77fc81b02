/*
 * aerospike_abi.h - hand-written declarations of the parts of the official Aerospike C client
 * (7.4.x, as built into the npm addon aerospike@6.7.1) that this project calls.
 *
 * There are no C client headers on the build machines. Every struct below is written from the
 * measured facts in shared/c-client/:
 *   layout740.txt   sizeof / offsetof of every struct (checked below with _Static_assert),
 *   api740.tsv      function signatures,
 *   funcs740.txt    which functions are exported and which are static inline or macros
 *                   (the inline ones used here are reimplemented at the end of this file),
 *   defaults740.txt enum values and as_config_init / as_policies_init defaults.
 * The offsets of as_policy_batch_read / _write / _remove fields (layout740.txt gives only their
 * sizes) follow the field order of the C client's as_policy.h and are asserted against the sizes.
 *
 * Version note (layout750.txt): 7.5.0 inserted as_error.subcode at offset 4, moving
 * as_error.message from 4 to 8, and added as_policy_base.error_detail_verbosity in tail padding.
 * Code that reads as_error.message must pick the offset from the loaded library's
 * aerospike_client_version (see as_error_message_at below); every other struct here is identical
 * in 7.4.0 and 7.5.0.
 *
 * General on purpose: no JNI, no project types. Usable by any C program that links the C client
 * (e.g. a raw-C baseline benchmark).
 */
#ifndef ASNATIVE_AEROSPIKE_ABI_H
#define ASNATIVE_AEROSPIKE_ABI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------------------------ */
/* Constants and enums (defaults740.txt, as_status.h, as_val.h, as_bytes.h, as_batch.h)        */
/* ------------------------------------------------------------------------------------------ */

#define AS_ERROR_MESSAGE_MAX_SIZE 1024
#define AS_NAMESPACE_MAX_SIZE 32
#define AS_SET_MAX_SIZE 64
#define AS_DIGEST_VALUE_SIZE 20
#define AS_BIN_NAME_MAX_SIZE 16
#define AS_USER_SIZE 64
#define AS_PASSWORD_SIZE 64

/* as_error.message offset per C client version (layout740.txt / layout750.txt). */
#define AS_ERROR_MESSAGE_OFFSET_740 4
#define AS_ERROR_MESSAGE_OFFSET_750 8

typedef int32_t as_status; /* an enum in C: 4 bytes */
enum {
    AEROSPIKE_OK = 0,
    AEROSPIKE_ERR_RECORD_NOT_FOUND = 2,
    AEROSPIKE_ERR_RECORD_GENERATION = 3,
    AEROSPIKE_ERR_RECORD_EXISTS = 5,
    AEROSPIKE_ERR_TIMEOUT = 9,
    AEROSPIKE_ERR_CLUSTER = 11,
    AEROSPIKE_FILTERED_OUT = 27,
    AEROSPIKE_ERR_CLIENT = -1,
    AEROSPIKE_ERR_PARAM = -2,
    AEROSPIKE_NO_MORE_RECORDS = -3,
    AEROSPIKE_ERR_CONNECTION = -10,
    AEROSPIKE_BATCH_FAILED = -16
};

/* as_val_t: the uint8 at offset 4 of every as_val. */
typedef uint8_t as_val_t;
enum {
    AS_UNDEF = 0,
    AS_NIL = 1,
    AS_BOOLEAN = 2,
    AS_INTEGER = 3,
    AS_STRING = 4,
    AS_LIST = 5,
    AS_MAP = 6,
    AS_REC = 7,
    AS_PAIR = 8,
    AS_BYTES = 9,
    AS_DOUBLE = 10,
    AS_GEOJSON = 11
};

/* as_bytes_type: the server's particle types (same numbers as the Java client's ParticleType). */
typedef int32_t as_bytes_type;
enum {
    AS_BYTES_UNDEF = 0,
    AS_BYTES_INTEGER = 1,
    AS_BYTES_DOUBLE = 2,
    AS_BYTES_STRING = 3,
    AS_BYTES_BLOB = 4,
    AS_BYTES_BOOL = 17,
    AS_BYTES_HLL = 18,
    AS_BYTES_MAP = 19,
    AS_BYTES_LIST = 20,
    AS_BYTES_GEOJSON = 23
};

/* Policy enums (defaults740.txt): all 4-byte enums. */
typedef int32_t as_policy_key;      /* AS_POLICY_KEY_DIGEST 0, AS_POLICY_KEY_SEND 1 */
typedef int32_t as_policy_exists;   /* IGNORE 0, CREATE 1, UPDATE 2, REPLACE 3, CREATE_OR_REPLACE 4 */
typedef int32_t as_policy_gen;      /* IGNORE 0, EQ 1, GT 2 */
typedef int32_t as_policy_replica;  /* MASTER 0, ANY 1, SEQUENCE 2, PREFER_RACK 3 */
typedef int32_t as_policy_commit_level; /* ALL 0, MASTER 1 */
typedef int32_t as_policy_read_mode_ap; /* ONE 0, ALL 1 */
typedef int32_t as_policy_read_mode_sc; /* SESSION 0, LINEARIZE 1, ALLOW_REPLICA 2, ALLOW_UNAVAILABLE 3 */
typedef int32_t as_operator;
typedef int32_t as_auth_mode;
enum { AS_POLICY_KEY_DIGEST = 0, AS_POLICY_KEY_SEND = 1 };

/* Record ttl special values. */
#define AS_RECORD_DEFAULT_TTL 0u
#define AS_RECORD_NO_EXPIRE_TTL 0xFFFFFFFFu
#define AS_RECORD_NO_CHANGE_TTL 0xFFFFFFFEu
#define AS_RECORD_CLIENT_DEFAULT_TTL 0xFFFFFFFDu

typedef uint8_t as_batch_type;
enum { AS_BATCH_READ = 0, AS_BATCH_WRITE = 1, AS_BATCH_APPLY = 2, AS_BATCH_REMOVE = 3 };

/* ------------------------------------------------------------------------------------------ */
/* Values                                                                                      */
/* ------------------------------------------------------------------------------------------ */

typedef struct as_val_s {
    uint32_t count;
    as_val_t type;
    bool free;
} as_val;

typedef struct as_integer_s {
    as_val _;
    int64_t value;
} as_integer;

typedef struct as_double_s {
    as_val _;
    double value;
} as_double;

typedef struct as_boolean_s {
    as_val _;
    bool value;
} as_boolean;

/* len is the byte length; SIZE_MAX means "not computed yet: use strlen(value)". */
typedef struct as_string_s {
    as_val _;
    bool free;
    char* value;
    size_t len;
} as_string;

/* as_geojson has as_string's layout (as_geojson.h: _, free, value, len). */
typedef as_string as_geojson;

typedef struct as_bytes_s {
    as_val _;
    uint32_t capacity;
    uint32_t size;
    uint8_t* value;
    bool free;
    as_bytes_type type;
} as_bytes;

typedef struct as_list_s {
    as_val _;
    uint32_t flags;
    const void* hooks;
} as_list;

typedef struct as_map_s {
    as_val _;
    uint32_t flags;
    const void* hooks;
} as_map;

typedef union as_bin_value_u {
    as_val nil;
    as_boolean boolean;
    as_integer integer;
    as_double dbl;
    as_string string;
    as_bytes bytes;
    as_list list;
    as_map map;
} as_bin_value;

typedef struct as_rec_s {
    as_val _;
    void* data;
    const void* hooks;
} as_rec;

/* ------------------------------------------------------------------------------------------ */
/* Keys, bins, records, operations                                                             */
/* ------------------------------------------------------------------------------------------ */

typedef uint8_t as_digest_value[AS_DIGEST_VALUE_SIZE];

typedef struct as_digest_s {
    bool init;
    as_digest_value value;
} as_digest;

typedef union as_key_value_u {
    as_integer integer;
    as_string string;
    as_bytes bytes;
} as_key_value;

typedef struct as_key_s {
    bool _free;
    char ns[AS_NAMESPACE_MAX_SIZE];
    char set[AS_SET_MAX_SIZE];
    as_key_value value;
    as_key_value* valuep;
    as_digest digest;
} as_key;

typedef struct as_bin_s {
    char name[AS_BIN_NAME_MAX_SIZE];
    as_bin_value value;
    as_bin_value* valuep;
} as_bin;

typedef struct as_bins_s {
    as_bin* entries;
    uint16_t capacity;
    uint16_t size;
    bool _free;
} as_bins;

typedef struct as_record_s {
    as_rec _;
    as_key key;
    uint16_t gen;
    uint32_t ttl;
    as_bins bins;
} as_record;

typedef struct as_binop_s {
    as_operator op;
    as_bin bin;
} as_binop;

typedef struct as_binops_s {
    as_binop* entries;
    uint16_t capacity;
    uint16_t size;
    bool _free;
} as_binops;

typedef struct as_operations_s {
    as_binops binops;
    uint32_t ttl;
    uint16_t gen;
    bool _free;
} as_operations;

typedef struct as_vector_s {
    void* list;
    uint32_t capacity;
    uint32_t size;
    uint32_t item_size;
    uint32_t flags;
} as_vector;

/* ------------------------------------------------------------------------------------------ */
/* Errors                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/* 7.4.0 layout. In 7.5.0 'message' starts at 8 (after an int 'subcode'); code, func, file, line
 * and in_doubt keep their offsets and the size is the same. */
typedef struct as_error_s {
    as_status code;
    char message[AS_ERROR_MESSAGE_MAX_SIZE];
    const char* func;
    const char* file;
    uint32_t line;
    bool in_doubt;
} as_error;

/* The message of an as_error filled by a C client whose message offset is 'offset' (4 or 8). */
static inline const char* as_error_message_at(const as_error* err, size_t offset)
{
    return (const char*)err + offset;
}

/* ------------------------------------------------------------------------------------------ */
/* Policies                                                                                    */
/* ------------------------------------------------------------------------------------------ */

struct as_exp;
struct as_txn;

typedef struct as_policy_base_s {
    uint32_t connect_timeout;
    uint32_t socket_timeout;
    uint32_t total_timeout;
    uint32_t timeout_delay;
    uint32_t max_retries;
    uint32_t sleep_between_retries;
    struct as_exp* filter_exp;
    struct as_txn* txn;
    bool compress;
    /* 7.5.0: bool error_detail_verbosity at 41 (tail padding here). */
} as_policy_base;

typedef struct as_policy_read_s {
    as_policy_base base;
    as_policy_key key;
    as_policy_replica replica;
    as_policy_read_mode_ap read_mode_ap;
    as_policy_read_mode_sc read_mode_sc;
    int read_touch_ttl_percent;
    bool deserialize;
    bool async_heap_rec;
} as_policy_read;

typedef struct as_policy_write_s {
    as_policy_base base;
    as_policy_key key;
    as_policy_replica replica;
    as_policy_commit_level commit_level;
    as_policy_gen gen;
    as_policy_exists exists;
    uint32_t ttl;
    uint32_t compression_threshold;
    bool durable_delete;
    bool on_locking_only;
} as_policy_write;

typedef struct as_policy_operate_s {
    as_policy_base base;
    as_policy_key key;
    as_policy_replica replica;
    as_policy_read_mode_ap read_mode_ap;
    as_policy_read_mode_sc read_mode_sc;
    as_policy_commit_level commit_level;
    as_policy_gen gen;
    as_policy_exists exists;
    uint32_t ttl;
    int read_touch_ttl_percent;
    bool deserialize;
    bool durable_delete;
    bool on_locking_only;
    bool async_heap_rec;
    bool respond_all_ops;
} as_policy_operate;

typedef struct as_policy_remove_s {
    as_policy_base base;
    as_policy_key key;
    as_policy_replica replica;
    as_policy_commit_level commit_level;
    as_policy_gen gen;
    uint16_t generation;
    bool durable_delete;
} as_policy_remove;

typedef struct as_policy_batch_s {
    as_policy_base base;
    as_policy_replica replica;
    as_policy_read_mode_ap read_mode_ap;
    as_policy_read_mode_sc read_mode_sc;
    int read_touch_ttl_percent;
    bool concurrent;
    bool allow_inline;
    bool allow_inline_ssd;
    bool respond_all_keys;
    bool send_set_name;
    bool deserialize;
} as_policy_batch;

/* Per-record batch policies (as_policy.h field order; sizes from layout740.txt). */
typedef struct as_policy_batch_read_s {
    struct as_exp* filter_exp;          /* 0 */
    as_policy_read_mode_ap read_mode_ap; /* 8 */
    as_policy_read_mode_sc read_mode_sc; /* 12 */
    int read_touch_ttl_percent;         /* 16 */
} as_policy_batch_read;

typedef struct as_policy_batch_write_s {
    struct as_exp* filter_exp;          /* 0 */
    as_policy_key key;                  /* 8 */
    as_policy_commit_level commit_level; /* 12 */
    as_policy_gen gen;                  /* 16 */
    as_policy_exists exists;            /* 20 */
    uint32_t ttl;                       /* 24 */
    bool durable_delete;                /* 28 */
    bool on_locking_only;               /* 29 */
} as_policy_batch_write;

typedef struct as_policy_batch_remove_s {
    struct as_exp* filter_exp;          /* 0 */
    as_policy_key key;                  /* 8 */
    as_policy_commit_level commit_level; /* 12 */
    as_policy_gen gen;                  /* 16 */
    uint16_t generation;                /* 20 */
    bool durable_delete;                /* 22 */
} as_policy_batch_remove;

/* Policies this project does not touch are kept opaque, with their measured size. */
typedef struct as_policies_s {
    as_policy_read read;
    as_policy_write write;
    as_policy_operate operate;
    as_policy_remove remove;
    _Alignas(8) uint8_t apply[72];
    as_policy_batch batch;
    as_policy_batch batch_parent_write;
    as_policy_batch_write batch_write;
    _Alignas(8) uint8_t batch_apply[24];
    as_policy_batch_remove batch_remove;
    _Alignas(8) uint8_t scan[72];
    _Alignas(8) uint8_t query[64];
    _Alignas(4) uint8_t info[12];
    _Alignas(4) uint8_t admin[4];
    as_policy_batch txn_verify;
    as_policy_batch txn_roll;
    _Alignas(8) uint8_t metrics[320];
} as_policies;

/* ------------------------------------------------------------------------------------------ */
/* Configuration and the client                                                                */
/* ------------------------------------------------------------------------------------------ */

typedef struct as_host_s {
    char* name;
    char* tls_name;
    uint16_t port;
} as_host;

typedef struct as_config_lua_s {
    bool cache_enabled;
    char user_path[256];
} as_config_lua;

typedef struct as_config_s {
    as_vector* hosts;
    char user[AS_USER_SIZE];
    char password[AS_PASSWORD_SIZE];
    char* cluster_name;
    char* app_id;
    void* event_callback;
    void* event_callback_udata;
    void* ip_map;
    uint32_t ip_map_size;
    uint32_t min_conns_per_node;
    uint32_t max_conns_per_node;
    uint32_t async_min_conns_per_node;
    uint32_t async_max_conns_per_node;
    uint32_t pipe_max_conns_per_node;
    uint32_t conn_pools_per_node;
    uint32_t conn_timeout_ms;
    uint32_t login_timeout_ms;
    uint32_t max_socket_idle;
    uint32_t max_error_rate;
    uint32_t error_rate_window;
    uint32_t tender_interval;
    uint32_t thread_pool_size;
    int tend_thread_cpu;
    as_policies policies;
    _Alignas(8) uint8_t config_provider[16];
    as_config_lua lua;
    _Alignas(8) uint8_t tls[104];
    as_auth_mode auth_mode;
    bool fail_if_not_connected;
    bool use_services_alternate;
    bool force_single_node;
    bool rack_aware;
    int rack_id;
    as_vector* rack_ids;
    bool use_shm;
    int shm_key;
    uint32_t shm_max_nodes;
    uint32_t shm_max_namespaces;
    uint32_t shm_takeover_threshold_sec;
} as_config;

struct as_cluster_s;

typedef struct aerospike_s {
    struct as_cluster_s* cluster;
    as_config config;
    _Alignas(8) uint8_t _unlisted[16]; /* 1912..1928: not in layout740.txt; never touched */
    bool _free;
} aerospike;

/* ------------------------------------------------------------------------------------------ */
/* Batch records                                                                               */
/* ------------------------------------------------------------------------------------------ */

typedef struct as_batch_base_record_s {
    as_key key;
    as_record record;
    as_status result;
    as_batch_type type;
    bool has_write;
    bool in_doubt;
} as_batch_base_record;

typedef struct as_batch_read_record_s {
    as_key key;
    as_record record;
    as_status result;
    as_batch_type type;
    bool has_write;
    bool in_doubt;
    const as_policy_batch_read* policy;
    as_operations* ops;
    char** bin_names;
    uint32_t n_bin_names;
    bool read_all_bins;
} as_batch_read_record;

typedef struct as_batch_write_record_s {
    as_key key;
    as_record record;
    as_status result;
    as_batch_type type;
    bool has_write;
    bool in_doubt;
    const as_policy_batch_write* policy;
    as_operations* ops;
} as_batch_write_record;

typedef struct as_batch_remove_record_s {
    as_key key;
    as_record record;
    as_status result;
    as_batch_type type;
    bool has_write;
    bool in_doubt;
    const as_policy_batch_remove* policy;
} as_batch_remove_record;

/* sizeof(as_batch_record) is 424 (the read and apply variants); apply is not modelled here. */
typedef union as_batch_record_u {
    as_batch_base_record base;
    as_batch_read_record read;
    as_batch_write_record write;
    as_batch_remove_record remove;
} as_batch_record;

typedef struct as_batch_records_s {
    as_vector list;
} as_batch_records;

/* ------------------------------------------------------------------------------------------ */
/* Exported functions (api740.tsv; all EXPORTED(T) in funcs740.txt)                            */
/* ------------------------------------------------------------------------------------------ */

extern char* aerospike_client_version; /* EXPORTED(D): points to e.g. "7.4.0" */

aerospike* aerospike_new(as_config* config);
aerospike* aerospike_init(aerospike* as, as_config* config);
as_status aerospike_connect(aerospike* as, as_error* err);
as_status aerospike_close(aerospike* as, as_error* err);
void aerospike_destroy(aerospike* as);
bool aerospike_cluster_is_connected(aerospike* as);

as_config* as_config_init(as_config* config);
void as_config_add_host(as_config* config, const char* address, uint16_t port);
bool as_config_add_hosts(as_config* config, const char* string, uint16_t default_port);
void as_config_clear_hosts(as_config* config);
void as_config_destroy(as_config* config);
bool as_config_set_user(as_config* config, const char* user, const char* password);
void as_config_set_string(char** str, const char* value);
as_policies* as_policies_init(as_policies* p);

as_key* as_key_init(as_key* key, const char* ns, const char* set, const char* value);
as_key* as_key_init_strp(as_key* key, const char* ns, const char* set, const char* value, bool free);
as_key* as_key_init_int64(as_key* key, const char* ns, const char* set, int64_t value);
as_key* as_key_init_rawp(as_key* key, const char* ns, const char* set, const uint8_t* value, uint32_t size, bool free);
as_key* as_key_init_digest(as_key* key, const char* ns, const char* set, const as_digest_value digest);
as_key* as_key_init_value(as_key* key, const char* ns, const char* set, const as_key_value* value);
void as_key_destroy(as_key* key);
as_digest* as_key_digest(as_key* key);

as_record* as_record_new(uint16_t nbins);
as_record* as_record_init(as_record* rec, uint16_t nbins);
void as_record_destroy(as_record* rec);
uint16_t as_record_numbins(const as_record* rec);
bool as_record_set_nil(as_record* rec, const char* name);
bool as_record_set_bool(as_record* rec, const char* name, bool value);
bool as_record_set_int64(as_record* rec, const char* name, int64_t value);
bool as_record_set_double(as_record* rec, const char* name, double value);
bool as_record_set_strp(as_record* rec, const char* name, const char* value, bool free);
bool as_record_set_rawp(as_record* rec, const char* name, const uint8_t* value, uint32_t size, bool free);
bool as_record_set_raw_typep(as_record* rec, const char* name, const uint8_t* value, uint32_t size,
                             as_bytes_type type, bool free);
bool as_record_set(as_record* rec, const char* name, as_bin_value* value);

as_status aerospike_key_put(aerospike* as, as_error* err, const as_policy_write* policy,
                            const as_key* key, as_record* rec);
as_status aerospike_key_get(aerospike* as, as_error* err, const as_policy_read* policy,
                            const as_key* key, as_record** rec);
as_status aerospike_key_select(aerospike* as, as_error* err, const as_policy_read* policy,
                               const as_key* key, const char* bins[], as_record** rec);
as_status aerospike_key_exists(aerospike* as, as_error* err, const as_policy_read* policy,
                               const as_key* key, as_record** rec);
as_status aerospike_key_remove(aerospike* as, as_error* err, const as_policy_remove* policy,
                               const as_key* key);
as_status aerospike_key_operate(aerospike* as, as_error* err, const as_policy_operate* policy,
                                const as_key* key, const as_operations* ops, as_record** rec);

as_operations* as_operations_new(uint16_t nops);
as_operations* as_operations_init(as_operations* ops, uint16_t nops);
void as_operations_destroy(as_operations* ops);
bool as_operations_add_write(as_operations* ops, const char* name, as_bin_value* value);
bool as_operations_add_write_int64(as_operations* ops, const char* name, int64_t value);
bool as_operations_add_write_double(as_operations* ops, const char* name, double value);
bool as_operations_add_write_bool(as_operations* ops, const char* name, bool value);
bool as_operations_add_write_strp(as_operations* ops, const char* name, const char* value, bool free);
bool as_operations_add_write_rawp(as_operations* ops, const char* name, const uint8_t* value,
                                  uint32_t size, bool free);
bool as_operations_add_incr(as_operations* ops, const char* name, int64_t value);
bool as_operations_add_incr_double(as_operations* ops, const char* name, double value);
bool as_operations_add_append_strp(as_operations* ops, const char* name, const char* value, bool free);
bool as_operations_add_prepend_strp(as_operations* ops, const char* name, const char* value, bool free);
bool as_operations_add_read(as_operations* ops, const char* name);
bool as_operations_add_read_all(as_operations* ops);
bool as_operations_add_touch(as_operations* ops);
bool as_operations_add_delete(as_operations* ops);

void as_vector_init(as_vector* vector, uint32_t item_size, uint32_t capacity);
as_vector* as_vector_create(uint32_t item_size, uint32_t capacity);
void as_vector_destroy(as_vector* vector);
void as_vector_increase_capacity(as_vector* vector);

as_status aerospike_batch_read(aerospike* as, as_error* err, const as_policy_batch* policy,
                               as_batch_records* records);
as_status aerospike_batch_write(aerospike* as, as_error* err, const as_policy_batch* policy,
                                as_batch_records* records);
void as_batch_records_destroy(as_batch_records* records);

char* as_error_string(as_status status);

/* ------------------------------------------------------------------------------------------ */
/* Reimplemented static-inline functions and macros (not exported: funcs740.txt)              */
/* ------------------------------------------------------------------------------------------ */

/* as_val_type(v): the uint8 at offset 4. */
static inline as_val_t as_val_type_of(const void* v)
{
    return v ? ((const as_val*)v)->type : (as_val_t)AS_UNDEF;
}

/* as_vector_reserve: grow when full (exported as_vector_increase_capacity), zero the new item,
 * count it. Returns NULL if growing failed to make room. */
static inline void* as_vector_reserve_item(as_vector* vector)
{
    if (vector->size >= vector->capacity) {
        as_vector_increase_capacity(vector);
        if (vector->size >= vector->capacity || vector->list == NULL) {
            return NULL;
        }
    }
    void* item = (uint8_t*)vector->list + (size_t)vector->size * vector->item_size;
    memset(item, 0, vector->item_size);
    vector->size++;
    return item;
}

/* as_batch_records_init: an as_vector of as_batch_record. */
static inline void as_batch_records_init_capacity(as_batch_records* records, uint32_t capacity)
{
    as_vector_init(&records->list, (uint32_t)sizeof(as_batch_record), capacity);
}

static inline as_batch_read_record* as_batch_read_reserve_item(as_batch_records* records)
{
    as_batch_read_record* r = (as_batch_read_record*)as_vector_reserve_item(&records->list);
    if (r) {
        r->type = AS_BATCH_READ;
    }
    return r;
}

static inline as_batch_write_record* as_batch_write_reserve_item(as_batch_records* records)
{
    as_batch_write_record* r = (as_batch_write_record*)as_vector_reserve_item(&records->list);
    if (r) {
        r->type = AS_BATCH_WRITE;
        r->has_write = true;
    }
    return r;
}

static inline as_batch_remove_record* as_batch_remove_reserve_item(as_batch_records* records)
{
    as_batch_remove_record* r = (as_batch_remove_record*)as_vector_reserve_item(&records->list);
    if (r) {
        r->type = AS_BATCH_REMOVE;
        r->has_write = true;
    }
    return r;
}

static inline as_batch_base_record* as_batch_records_at(const as_batch_records* records, uint32_t i)
{
    return (as_batch_base_record*)((uint8_t*)records->list.list + (size_t)i * records->list.item_size);
}

/* as_config_set_cluster_name (inline in as_config.h): through the exported setter. */
static inline void as_config_set_cluster_name_value(as_config* config, const char* name)
{
    as_config_set_string(&config->cluster_name, name);
}

/* ------------------------------------------------------------------------------------------ */
/* Layout checks against layout740.txt                                                         */
/* ------------------------------------------------------------------------------------------ */

#define AS_ABI_SIZE(T, n) _Static_assert(sizeof(T) == (n), "sizeof(" #T ") != " #n " (layout740.txt)")
#define AS_ABI_OFF(T, f, n) \
    _Static_assert(offsetof(T, f) == (n), "offsetof(" #T ", " #f ") != " #n " (layout740.txt)")

AS_ABI_SIZE(bool, 1);
AS_ABI_SIZE(size_t, 8);
AS_ABI_SIZE(void*, 8);

AS_ABI_SIZE(as_val, 8);
AS_ABI_OFF(as_val, count, 0);
AS_ABI_OFF(as_val, type, 4);
AS_ABI_OFF(as_val, free, 5);
AS_ABI_SIZE(as_integer, 16);
AS_ABI_OFF(as_integer, value, 8);
AS_ABI_SIZE(as_double, 16);
AS_ABI_OFF(as_double, value, 8);
AS_ABI_SIZE(as_boolean, 12);
AS_ABI_OFF(as_boolean, value, 8);
AS_ABI_SIZE(as_string, 32);
AS_ABI_OFF(as_string, free, 8);
AS_ABI_OFF(as_string, value, 16);
AS_ABI_OFF(as_string, len, 24);
AS_ABI_SIZE(as_bytes, 32);
AS_ABI_OFF(as_bytes, capacity, 8);
AS_ABI_OFF(as_bytes, size, 12);
AS_ABI_OFF(as_bytes, value, 16);
AS_ABI_OFF(as_bytes, free, 24);
AS_ABI_OFF(as_bytes, type, 28);
AS_ABI_SIZE(as_list, 24);
AS_ABI_SIZE(as_map, 24);
AS_ABI_SIZE(as_bin_value, 32);
AS_ABI_SIZE(as_rec, 24);

AS_ABI_SIZE(as_digest, 21);
AS_ABI_OFF(as_digest, value, 1);
AS_ABI_SIZE(as_key_value, 32);
AS_ABI_SIZE(as_key, 168);
AS_ABI_OFF(as_key, ns, 1);
AS_ABI_OFF(as_key, set, 33);
AS_ABI_OFF(as_key, value, 104);
AS_ABI_OFF(as_key, valuep, 136);
AS_ABI_OFF(as_key, digest, 144);
AS_ABI_SIZE(as_bin, 56);
AS_ABI_OFF(as_bin, value, 16);
AS_ABI_OFF(as_bin, valuep, 48);
AS_ABI_SIZE(as_bins, 16);
AS_ABI_OFF(as_bins, capacity, 8);
AS_ABI_OFF(as_bins, size, 10);
AS_ABI_OFF(as_bins, _free, 12);
AS_ABI_SIZE(as_record, 216);
AS_ABI_OFF(as_record, key, 24);
AS_ABI_OFF(as_record, gen, 192);
AS_ABI_OFF(as_record, ttl, 196);
AS_ABI_OFF(as_record, bins, 200);
AS_ABI_SIZE(as_binop, 64);
AS_ABI_OFF(as_binop, bin, 8);
AS_ABI_SIZE(as_binops, 16);
AS_ABI_OFF(as_binops, size, 10);
AS_ABI_SIZE(as_operations, 24);
AS_ABI_OFF(as_operations, ttl, 16);
AS_ABI_OFF(as_operations, gen, 20);
AS_ABI_OFF(as_operations, _free, 22);
AS_ABI_SIZE(as_vector, 24);
AS_ABI_OFF(as_vector, capacity, 8);
AS_ABI_OFF(as_vector, size, 12);
AS_ABI_OFF(as_vector, item_size, 16);
AS_ABI_OFF(as_vector, flags, 20);

AS_ABI_SIZE(as_error, 1056);
AS_ABI_OFF(as_error, message, AS_ERROR_MESSAGE_OFFSET_740);
AS_ABI_OFF(as_error, func, 1032);
AS_ABI_OFF(as_error, file, 1040);
AS_ABI_OFF(as_error, line, 1048);
AS_ABI_OFF(as_error, in_doubt, 1052);

AS_ABI_SIZE(as_policy_base, 48);
AS_ABI_OFF(as_policy_base, total_timeout, 8);
AS_ABI_OFF(as_policy_base, max_retries, 16);
AS_ABI_OFF(as_policy_base, sleep_between_retries, 20);
AS_ABI_OFF(as_policy_base, filter_exp, 24);
AS_ABI_OFF(as_policy_base, txn, 32);
AS_ABI_OFF(as_policy_base, compress, 40);
AS_ABI_SIZE(as_policy_read, 72);
AS_ABI_OFF(as_policy_read, key, 48);
AS_ABI_OFF(as_policy_read, replica, 52);
AS_ABI_OFF(as_policy_read, read_mode_ap, 56);
AS_ABI_OFF(as_policy_read, read_mode_sc, 60);
AS_ABI_OFF(as_policy_read, read_touch_ttl_percent, 64);
AS_ABI_OFF(as_policy_read, deserialize, 68);
AS_ABI_OFF(as_policy_read, async_heap_rec, 69);
AS_ABI_SIZE(as_policy_write, 80);
AS_ABI_OFF(as_policy_write, key, 48);
AS_ABI_OFF(as_policy_write, replica, 52);
AS_ABI_OFF(as_policy_write, commit_level, 56);
AS_ABI_OFF(as_policy_write, gen, 60);
AS_ABI_OFF(as_policy_write, exists, 64);
AS_ABI_OFF(as_policy_write, ttl, 68);
AS_ABI_OFF(as_policy_write, compression_threshold, 72);
AS_ABI_OFF(as_policy_write, durable_delete, 76);
AS_ABI_OFF(as_policy_write, on_locking_only, 77);
AS_ABI_SIZE(as_policy_operate, 96);
AS_ABI_OFF(as_policy_operate, key, 48);
AS_ABI_OFF(as_policy_operate, replica, 52);
AS_ABI_OFF(as_policy_operate, read_mode_ap, 56);
AS_ABI_OFF(as_policy_operate, read_mode_sc, 60);
AS_ABI_OFF(as_policy_operate, commit_level, 64);
AS_ABI_OFF(as_policy_operate, gen, 68);
AS_ABI_OFF(as_policy_operate, exists, 72);
AS_ABI_OFF(as_policy_operate, ttl, 76);
AS_ABI_OFF(as_policy_operate, read_touch_ttl_percent, 80);
AS_ABI_OFF(as_policy_operate, deserialize, 84);
AS_ABI_OFF(as_policy_operate, durable_delete, 85);
AS_ABI_OFF(as_policy_operate, on_locking_only, 86);
AS_ABI_OFF(as_policy_operate, async_heap_rec, 87);
AS_ABI_OFF(as_policy_operate, respond_all_ops, 88);
AS_ABI_SIZE(as_policy_remove, 72);
AS_ABI_OFF(as_policy_remove, key, 48);
AS_ABI_OFF(as_policy_remove, replica, 52);
AS_ABI_OFF(as_policy_remove, commit_level, 56);
AS_ABI_OFF(as_policy_remove, gen, 60);
AS_ABI_OFF(as_policy_remove, generation, 64);
AS_ABI_OFF(as_policy_remove, durable_delete, 66);
AS_ABI_SIZE(as_policy_batch, 72);
AS_ABI_OFF(as_policy_batch, replica, 48);
AS_ABI_OFF(as_policy_batch, read_mode_ap, 52);
AS_ABI_OFF(as_policy_batch, read_mode_sc, 56);
AS_ABI_OFF(as_policy_batch, read_touch_ttl_percent, 60);
AS_ABI_OFF(as_policy_batch, concurrent, 64);
AS_ABI_OFF(as_policy_batch, allow_inline, 65);
AS_ABI_OFF(as_policy_batch, allow_inline_ssd, 66);
AS_ABI_OFF(as_policy_batch, respond_all_keys, 67);
AS_ABI_OFF(as_policy_batch, send_set_name, 68);
AS_ABI_OFF(as_policy_batch, deserialize, 69);
AS_ABI_SIZE(as_policy_batch_read, 24);
AS_ABI_SIZE(as_policy_batch_write, 32);
AS_ABI_OFF(as_policy_batch_write, ttl, 24);
AS_ABI_OFF(as_policy_batch_write, on_locking_only, 29);
AS_ABI_SIZE(as_policy_batch_remove, 24);
AS_ABI_OFF(as_policy_batch_remove, generation, 20);
AS_ABI_OFF(as_policy_batch_remove, durable_delete, 22);

AS_ABI_SIZE(as_policies, 1232);
AS_ABI_OFF(as_policies, read, 0);
AS_ABI_OFF(as_policies, write, 72);
AS_ABI_OFF(as_policies, operate, 152);
AS_ABI_OFF(as_policies, remove, 248);
AS_ABI_OFF(as_policies, apply, 320);
AS_ABI_OFF(as_policies, batch, 392);
AS_ABI_OFF(as_policies, batch_parent_write, 464);
AS_ABI_OFF(as_policies, batch_write, 536);
AS_ABI_OFF(as_policies, batch_apply, 568);
AS_ABI_OFF(as_policies, batch_remove, 592);
AS_ABI_OFF(as_policies, scan, 616);
AS_ABI_OFF(as_policies, query, 688);
AS_ABI_OFF(as_policies, info, 752);
AS_ABI_OFF(as_policies, admin, 764);
AS_ABI_OFF(as_policies, txn_verify, 768);
AS_ABI_OFF(as_policies, txn_roll, 840);
AS_ABI_OFF(as_policies, metrics, 912);

AS_ABI_SIZE(as_host, 24);
AS_ABI_OFF(as_host, port, 16);
AS_ABI_SIZE(as_config_lua, 257);
AS_ABI_OFF(as_config_lua, user_path, 1);
AS_ABI_SIZE(as_config, 1904);
AS_ABI_OFF(as_config, user, 8);
AS_ABI_OFF(as_config, password, 72);
AS_ABI_OFF(as_config, cluster_name, 136);
AS_ABI_OFF(as_config, ip_map_size, 176);
AS_ABI_OFF(as_config, min_conns_per_node, 180);
AS_ABI_OFF(as_config, max_conns_per_node, 184);
AS_ABI_OFF(as_config, conn_pools_per_node, 200);
AS_ABI_OFF(as_config, conn_timeout_ms, 204);
AS_ABI_OFF(as_config, login_timeout_ms, 208);
AS_ABI_OFF(as_config, max_socket_idle, 212);
AS_ABI_OFF(as_config, max_error_rate, 216);
AS_ABI_OFF(as_config, error_rate_window, 220);
AS_ABI_OFF(as_config, tender_interval, 224);
AS_ABI_OFF(as_config, thread_pool_size, 228);
AS_ABI_OFF(as_config, tend_thread_cpu, 232);
AS_ABI_OFF(as_config, policies, 240);
AS_ABI_OFF(as_config, config_provider, 1472);
AS_ABI_OFF(as_config, lua, 1488);
AS_ABI_OFF(as_config, tls, 1752);
AS_ABI_OFF(as_config, auth_mode, 1856);
AS_ABI_OFF(as_config, fail_if_not_connected, 1860);
AS_ABI_OFF(as_config, use_services_alternate, 1861);
AS_ABI_OFF(as_config, force_single_node, 1862);
AS_ABI_OFF(as_config, rack_aware, 1863);
AS_ABI_OFF(as_config, rack_id, 1864);
AS_ABI_OFF(as_config, rack_ids, 1872);
AS_ABI_OFF(as_config, use_shm, 1880);
AS_ABI_OFF(as_config, shm_key, 1884);
AS_ABI_OFF(as_config, shm_max_nodes, 1888);
AS_ABI_OFF(as_config, shm_max_namespaces, 1892);
AS_ABI_OFF(as_config, shm_takeover_threshold_sec, 1896);
AS_ABI_SIZE(aerospike, 1936);
AS_ABI_OFF(aerospike, cluster, 0);
AS_ABI_OFF(aerospike, config, 8);
AS_ABI_OFF(aerospike, _free, 1928);

AS_ABI_SIZE(as_batch_base_record, 392);
AS_ABI_OFF(as_batch_base_record, record, 168);
AS_ABI_OFF(as_batch_base_record, result, 384);
AS_ABI_OFF(as_batch_base_record, type, 388);
AS_ABI_OFF(as_batch_base_record, has_write, 389);
AS_ABI_OFF(as_batch_base_record, in_doubt, 390);
AS_ABI_SIZE(as_batch_read_record, 424);
AS_ABI_OFF(as_batch_read_record, policy, 392);
AS_ABI_OFF(as_batch_read_record, ops, 400);
AS_ABI_OFF(as_batch_read_record, bin_names, 408);
AS_ABI_OFF(as_batch_read_record, n_bin_names, 416);
AS_ABI_OFF(as_batch_read_record, read_all_bins, 420);
AS_ABI_SIZE(as_batch_write_record, 408);
AS_ABI_OFF(as_batch_write_record, policy, 392);
AS_ABI_OFF(as_batch_write_record, ops, 400);
AS_ABI_SIZE(as_batch_remove_record, 400);
AS_ABI_OFF(as_batch_remove_record, policy, 392);
AS_ABI_SIZE(as_batch_record, 424);
AS_ABI_SIZE(as_batch_records, 24);

#undef AS_ABI_SIZE
#undef AS_ABI_OFF

#ifdef __cplusplus
}
#endif

#endif /* ASNATIVE_AEROSPIKE_ABI_H */
