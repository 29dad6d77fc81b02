package io.asnative.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * The C client functions this binding calls: one {@code static final} method handle each (so the
 * JIT can inline {@code invokeExact}), wrapped in a static method that carries the C declaration.
 *
 * <p>Functions that only touch memory the caller gave them (key, record and operation builders)
 * are linked with {@link Linker.Option#critical(boolean) critical(false)}: no thread-state
 * transition, measurably cheaper. Never for functions that do I/O or may block, since a critical
 * call holds off the garbage collector. {@code -Dasnative.ffm.critical=false} turns it off for
 * comparison.
 */
final class CClient {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LOOKUP = CLibrary.lookup();
    private static final boolean CRITICAL = !"false".equals(System.getProperty("asnative.ffm.critical"));
    /** Before every handle below: see {@link VectorState} for why. */
    static final VectorState.Clearing VECTOR_STATE = VectorState.find(LINKER, LOOKUP,
            System.getProperty(VectorState.PROPERTY), System.getProperty("os.arch"));

    private CClient() {
    }

    static SymbolLookup lookup() {
        return LOOKUP;
    }

    /**
     * One helper builds every handle; a missing symbol fails class init with its name. Each handle
     * clears the vector state first where {@link VectorState} says so.
     */
    private static MethodHandle downcall(String name, FunctionDescriptor descriptor, boolean critical) {
        MemorySegment address = LOOKUP.find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("C client symbol not found: " + name));
        MethodHandle handle = critical && CRITICAL
                ? LINKER.downcallHandle(address, descriptor, Linker.Option.critical(false))
                : LINKER.downcallHandle(address, descriptor);
        return VECTOR_STATE.guard(handle);
    }

    static MethodHandle io(String name, MemoryLayout result, MemoryLayout... args) {
        return downcall(name, result == null ? FunctionDescriptor.ofVoid(args) : FunctionDescriptor.of(result, args), false);
    }

    static MethodHandle local(String name, MemoryLayout result, MemoryLayout... args) {
        return downcall(name, result == null ? FunctionDescriptor.ofVoid(args) : FunctionDescriptor.of(result, args), true);
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }

    /** {@code const char* aerospike_client_version} (a data symbol). */
    static String version() {
        MemorySegment variable = LOOKUP.find("aerospike_client_version")
                .orElseThrow(() -> new UnsatisfiedLinkError("C client symbol not found: aerospike_client_version"))
                .reinterpret(ADDRESS.byteSize());
        return variable.get(ADDRESS, 0).reinterpret(64).getString(0);
    }

    /** {@code const as_val as_nil}: the shared nil value; C never frees it. */
    static MemorySegment asNil() {
        return AS_NIL;
    }

    private static final MemorySegment AS_NIL = LOOKUP.find("as_nil")
            .orElseThrow(() -> new UnsatisfiedLinkError("C client symbol not found: as_nil"));

    // ------------------------------------------------------------------ client lifecycle

    private static final MethodHandle AS_CONFIG_INIT = local("as_config_init", ADDRESS, ADDRESS);
    private static final MethodHandle AS_CONFIG_ADD_HOST = io("as_config_add_host", null, ADDRESS, ADDRESS, JAVA_SHORT);
    private static final MethodHandle AS_CONFIG_SET_USER = local("as_config_set_user", JAVA_BOOLEAN, ADDRESS, ADDRESS, ADDRESS);
    private static final MethodHandle AS_CONFIG_SET_STRING = io("as_config_set_string", ADDRESS, ADDRESS, ADDRESS);
    private static final MethodHandle AEROSPIKE_NEW = io("aerospike_new", ADDRESS, ADDRESS);
    private static final MethodHandle AEROSPIKE_CONNECT = io("aerospike_connect", JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle AEROSPIKE_CLOSE = io("aerospike_close", JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle AEROSPIKE_DESTROY = io("aerospike_destroy", null, ADDRESS);
    private static final MethodHandle AEROSPIKE_CLUSTER_IS_CONNECTED = io("aerospike_cluster_is_connected", JAVA_BOOLEAN, ADDRESS);

    /** {@code as_config* as_config_init(as_config* config)} */
    static void as_config_init(MemorySegment config) {
        try {
            var ignored = (MemorySegment) AS_CONFIG_INIT.invokeExact(config);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code void as_config_add_host(as_config* config, const char* address, uint16_t port)}: copies the name. */
    static void as_config_add_host(MemorySegment config, MemorySegment address, short port) {
        try {
            AS_CONFIG_ADD_HOST.invokeExact(config, address, port);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code bool as_config_set_user(as_config* config, const char* user, const char* password)} */
    static boolean as_config_set_user(MemorySegment config, MemorySegment user, MemorySegment password) {
        try {
            return (boolean) AS_CONFIG_SET_USER.invokeExact(config, user, password);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code char* as_config_set_string(char** str, const char* value)}: replaces {@code *str} with a copy. */
    static void as_config_set_string(MemorySegment field, MemorySegment value) {
        try {
            var ignored = (MemorySegment) AS_CONFIG_SET_STRING.invokeExact(field, value);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code aerospike* aerospike_new(as_config* config)}: takes over the config's contents. */
    static MemorySegment aerospike_new(MemorySegment config) {
        try {
            return (MemorySegment) AEROSPIKE_NEW.invokeExact(config);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code as_status aerospike_connect(aerospike* as, as_error* err)} */
    static int aerospike_connect(MemorySegment as, MemorySegment err) {
        try {
            return (int) AEROSPIKE_CONNECT.invokeExact(as, err);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code as_status aerospike_close(aerospike* as, as_error* err)} */
    static int aerospike_close(MemorySegment as, MemorySegment err) {
        try {
            return (int) AEROSPIKE_CLOSE.invokeExact(as, err);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code void aerospike_destroy(aerospike* as)} */
    static void aerospike_destroy(MemorySegment as) {
        try {
            AEROSPIKE_DESTROY.invokeExact(as);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code bool aerospike_cluster_is_connected(aerospike* as)}: whether the cluster has a live node. */
    static boolean aerospike_cluster_is_connected(MemorySegment as) {
        try {
            return (boolean) AEROSPIKE_CLUSTER_IS_CONNECTED.invokeExact(as);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ------------------------------------------------------------------ keys

    private static final MethodHandle AS_KEY_INIT_INT64 = local("as_key_init_int64", ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG);
    private static final MethodHandle AS_KEY_INIT_STRP = local("as_key_init_strp", ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_BOOLEAN);
    private static final MethodHandle AS_KEY_INIT_RAWP = local("as_key_init_rawp", ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_BOOLEAN);
    private static final MethodHandle AS_KEY_INIT_DIGEST = local("as_key_init_digest", ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);

    // The as_key_init_* functions return NULL, leaving the key unset, for an empty or too long
    // namespace or set: true when they initialised the key.

    /** {@code as_key* as_key_init_int64(as_key* key, const char* ns, const char* set, int64_t value)} */
    static boolean as_key_init_int64(MemorySegment key, MemorySegment ns, MemorySegment set, long value) {
        try {
            return ((MemorySegment) AS_KEY_INIT_INT64.invokeExact(key, ns, set, value)).address() != 0;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code as_key* as_key_init_strp(as_key* key, const char* ns, const char* set, const char* value, bool free)} */
    static boolean as_key_init_strp(MemorySegment key, MemorySegment ns, MemorySegment set, MemorySegment value) {
        try {
            return ((MemorySegment) AS_KEY_INIT_STRP.invokeExact(key, ns, set, value, false)).address() != 0;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code as_key* as_key_init_rawp(as_key* key, const char* ns, const char* set, const uint8_t* value, uint32_t size, bool free)} */
    static boolean as_key_init_rawp(MemorySegment key, MemorySegment ns, MemorySegment set, MemorySegment value, int size) {
        try {
            return ((MemorySegment) AS_KEY_INIT_RAWP.invokeExact(key, ns, set, value, size, false)).address() != 0;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code as_key* as_key_init_digest(as_key* key, const char* ns, const char* set, const as_digest_value digest)} */
    static boolean as_key_init_digest(MemorySegment key, MemorySegment ns, MemorySegment set, MemorySegment digest) {
        try {
            return ((MemorySegment) AS_KEY_INIT_DIGEST.invokeExact(key, ns, set, digest)).address() != 0;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ------------------------------------------------------------------ records

    private static final MethodHandle AS_RECORD_INIT = local("as_record_init", ADDRESS, ADDRESS, JAVA_SHORT);
    private static final MethodHandle AS_RECORD_SET_INT64 = local("as_record_set_int64", JAVA_BOOLEAN, ADDRESS, ADDRESS, JAVA_LONG);
    private static final MethodHandle AS_RECORD_SET_DOUBLE = local("as_record_set_double", JAVA_BOOLEAN, ADDRESS, ADDRESS, JAVA_DOUBLE);
    private static final MethodHandle AS_RECORD_SET_BOOL = local("as_record_set_bool", JAVA_BOOLEAN, ADDRESS, ADDRESS, JAVA_BOOLEAN);
    private static final MethodHandle AS_RECORD_SET_NIL = local("as_record_set_nil", JAVA_BOOLEAN, ADDRESS, ADDRESS);
    private static final MethodHandle AS_RECORD_SET_RAW_TYPEP = local("as_record_set_raw_typep", JAVA_BOOLEAN, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, JAVA_BOOLEAN);
    private static final MethodHandle AS_RECORD_DESTROY = local("as_record_destroy", null, ADDRESS);
    // The same function for a record C returned, passed as its raw address: the reader works on
    // addresses (CMemory), and a pointer argument is a 64-bit integer register on the LP64 ABIs
    // this binding is built for, so no segment is made (and reinterpreted) per call to free it.
    private static final MethodHandle AS_RECORD_DESTROY_AT = local("as_record_destroy", null, JAVA_LONG);

    /** {@code as_record* as_record_init(as_record* rec, uint16_t nbins)}: allocates the bins array. */
    static void as_record_init(MemorySegment rec, short nbins) {
        try {
            var ignored = (MemorySegment) AS_RECORD_INIT.invokeExact(rec, nbins);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code bool as_record_set_int64(as_record* rec, const char* name, int64_t value)} */
    static boolean as_record_set_int64(MemorySegment rec, MemorySegment name, long value) {
        try {
            return (boolean) AS_RECORD_SET_INT64.invokeExact(rec, name, value);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code bool as_record_set_double(as_record* rec, const char* name, double value)} */
    static boolean as_record_set_double(MemorySegment rec, MemorySegment name, double value) {
        try {
            return (boolean) AS_RECORD_SET_DOUBLE.invokeExact(rec, name, value);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code bool as_record_set_bool(as_record* rec, const char* name, bool value)} */
    static boolean as_record_set_bool(MemorySegment rec, MemorySegment name, boolean value) {
        try {
            return (boolean) AS_RECORD_SET_BOOL.invokeExact(rec, name, value);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code bool as_record_set_nil(as_record* rec, const char* name)}: a nil bin deletes the bin. */
    static boolean as_record_set_nil(MemorySegment rec, MemorySegment name) {
        try {
            return (boolean) AS_RECORD_SET_NIL.invokeExact(rec, name);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@code bool as_record_set_raw_typep(as_record* rec, const char* name, const uint8_t* value,
     * uint32_t size, as_bytes_type type, bool free)}: the bytes go to the server with that particle type.
     */
    static boolean as_record_set_raw_typep(MemorySegment rec, MemorySegment name, MemorySegment value, int size, int type) {
        try {
            return (boolean) AS_RECORD_SET_RAW_TYPEP.invokeExact(rec, name, value, size, type, false);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code void as_record_destroy(as_record* rec)}: frees bins, and the record itself if C allocated it. */
    static void as_record_destroy(MemorySegment rec) {
        try {
            AS_RECORD_DESTROY.invokeExact(rec);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code void as_record_destroy(as_record* rec)} for a record C allocated, by its address. */
    static void as_record_destroy(long rec) {
        try {
            AS_RECORD_DESTROY_AT.invokeExact(rec);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ------------------------------------------------------------------ operations

    private static final MethodHandle AS_OPERATIONS_INIT = local("as_operations_init", ADDRESS, ADDRESS, JAVA_SHORT);
    private static final MethodHandle AS_OPERATIONS_DESTROY = local("as_operations_destroy", null, ADDRESS);
    private static final MethodHandle AS_OPERATIONS_ADD_READ = local("as_operations_add_read", JAVA_BOOLEAN, ADDRESS, ADDRESS);
    private static final MethodHandle AS_OPERATIONS_ADD_READ_ALL = local("as_operations_add_read_all", JAVA_BOOLEAN, ADDRESS);
    private static final MethodHandle AS_OPERATIONS_ADD_WRITE = local("as_operations_add_write", JAVA_BOOLEAN, ADDRESS, ADDRESS, ADDRESS);
    private static final MethodHandle AS_OPERATIONS_ADD_WRITE_INT64 = local("as_operations_add_write_int64", JAVA_BOOLEAN, ADDRESS, ADDRESS, JAVA_LONG);
    private static final MethodHandle AS_OPERATIONS_ADD_WRITE_DOUBLE = local("as_operations_add_write_double", JAVA_BOOLEAN, ADDRESS, ADDRESS, JAVA_DOUBLE);
    private static final MethodHandle AS_OPERATIONS_ADD_WRITE_BOOL = local("as_operations_add_write_bool", JAVA_BOOLEAN, ADDRESS, ADDRESS, JAVA_BOOLEAN);
    private static final MethodHandle AS_OPERATIONS_ADD_INCR = local("as_operations_add_incr", JAVA_BOOLEAN, ADDRESS, ADDRESS, JAVA_LONG);
    private static final MethodHandle AS_OPERATIONS_ADD_INCR_DOUBLE = local("as_operations_add_incr_double", JAVA_BOOLEAN, ADDRESS, ADDRESS, JAVA_DOUBLE);
    private static final MethodHandle AS_OPERATIONS_ADD_APPEND_STRP = local("as_operations_add_append_strp", JAVA_BOOLEAN, ADDRESS, ADDRESS, ADDRESS, JAVA_BOOLEAN);
    private static final MethodHandle AS_OPERATIONS_ADD_PREPEND_STRP = local("as_operations_add_prepend_strp", JAVA_BOOLEAN, ADDRESS, ADDRESS, ADDRESS, JAVA_BOOLEAN);
    private static final MethodHandle AS_OPERATIONS_ADD_TOUCH = local("as_operations_add_touch", JAVA_BOOLEAN, ADDRESS);
    private static final MethodHandle AS_OPERATIONS_ADD_DELETE = local("as_operations_add_delete", JAVA_BOOLEAN, ADDRESS);
    private static final MethodHandle AS_BYTES_NEW_WRAP = local("as_bytes_new_wrap", ADDRESS, ADDRESS, JAVA_INT, JAVA_BOOLEAN);

    /** {@code as_operations* as_operations_init(as_operations* ops, uint16_t nops)} */
    static void as_operations_init(MemorySegment ops, short nops) {
        try {
            var ignored = (MemorySegment) AS_OPERATIONS_INIT.invokeExact(ops, nops);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code void as_operations_destroy(as_operations* ops)}: frees the entries and their values. */
    static void as_operations_destroy(MemorySegment ops) {
        try {
            AS_OPERATIONS_DESTROY.invokeExact(ops);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code bool as_operations_add_read(as_operations* ops, const char* name)} */
    static boolean as_operations_add_read(MemorySegment ops, MemorySegment name) {
        try {
            return (boolean) AS_OPERATIONS_ADD_READ.invokeExact(ops, name);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code bool as_operations_add_read_all(as_operations* ops)} */
    static boolean as_operations_add_read_all(MemorySegment ops) {
        try {
            return (boolean) AS_OPERATIONS_ADD_READ_ALL.invokeExact(ops);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code bool as_operations_add_write(as_operations* ops, const char* name, as_bin_value* value)}: takes the value. */
    static boolean as_operations_add_write(MemorySegment ops, MemorySegment name, MemorySegment value) {
        try {
            return (boolean) AS_OPERATIONS_ADD_WRITE.invokeExact(ops, name, value);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code bool as_operations_add_write_int64(as_operations* ops, const char* name, int64_t value)} */
    static boolean as_operations_add_write_int64(MemorySegment ops, MemorySegment name, long value) {
        try {
            return (boolean) AS_OPERATIONS_ADD_WRITE_INT64.invokeExact(ops, name, value);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code bool as_operations_add_write_double(as_operations* ops, const char* name, double value)} */
    static boolean as_operations_add_write_double(MemorySegment ops, MemorySegment name, double value) {
        try {
            return (boolean) AS_OPERATIONS_ADD_WRITE_DOUBLE.invokeExact(ops, name, value);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code bool as_operations_add_write_bool(as_operations* ops, const char* name, bool value)} */
    static boolean as_operations_add_write_bool(MemorySegment ops, MemorySegment name, boolean value) {
        try {
            return (boolean) AS_OPERATIONS_ADD_WRITE_BOOL.invokeExact(ops, name, value);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code bool as_operations_add_incr(as_operations* ops, const char* name, int64_t value)} */
    static boolean as_operations_add_incr(MemorySegment ops, MemorySegment name, long value) {
        try {
            return (boolean) AS_OPERATIONS_ADD_INCR.invokeExact(ops, name, value);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code bool as_operations_add_incr_double(as_operations* ops, const char* name, double value)} */
    static boolean as_operations_add_incr_double(MemorySegment ops, MemorySegment name, double value) {
        try {
            return (boolean) AS_OPERATIONS_ADD_INCR_DOUBLE.invokeExact(ops, name, value);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code bool as_operations_add_append_strp(as_operations* ops, const char* name, const char* value, bool free)} */
    static boolean as_operations_add_append_strp(MemorySegment ops, MemorySegment name, MemorySegment value) {
        try {
            return (boolean) AS_OPERATIONS_ADD_APPEND_STRP.invokeExact(ops, name, value, false);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code bool as_operations_add_prepend_strp(as_operations* ops, const char* name, const char* value, bool free)} */
    static boolean as_operations_add_prepend_strp(MemorySegment ops, MemorySegment name, MemorySegment value) {
        try {
            return (boolean) AS_OPERATIONS_ADD_PREPEND_STRP.invokeExact(ops, name, value, false);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code bool as_operations_add_touch(as_operations* ops)} */
    static boolean as_operations_add_touch(MemorySegment ops) {
        try {
            return (boolean) AS_OPERATIONS_ADD_TOUCH.invokeExact(ops);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code bool as_operations_add_delete(as_operations* ops)} */
    static boolean as_operations_add_delete(MemorySegment ops) {
        try {
            return (boolean) AS_OPERATIONS_ADD_DELETE.invokeExact(ops);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@code as_bytes* as_bytes_new_wrap(uint8_t* value, uint32_t size, bool free)}: a heap
     * {@code as_bytes} over our memory; the operation that takes it frees the struct, not the bytes.
     */
    static MemorySegment as_bytes_new_wrap(MemorySegment value, int size) {
        try {
            return (MemorySegment) AS_BYTES_NEW_WRAP.invokeExact(value, size, false);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ------------------------------------------------------------------ single-record commands

    private static final MethodHandle AEROSPIKE_KEY_PUT = io("aerospike_key_put", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
    private static final MethodHandle AEROSPIKE_KEY_GET = io("aerospike_key_get", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
    private static final MethodHandle AEROSPIKE_KEY_SELECT = io("aerospike_key_select", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
    private static final MethodHandle AEROSPIKE_KEY_EXISTS = io("aerospike_key_exists", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
    private static final MethodHandle AEROSPIKE_KEY_REMOVE = io("aerospike_key_remove", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
    private static final MethodHandle AEROSPIKE_KEY_OPERATE = io("aerospike_key_operate", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);

    /** {@code as_status aerospike_key_put(aerospike*, as_error*, const as_policy_write*, const as_key*, as_record*)} */
    static int aerospike_key_put(MemorySegment as, MemorySegment err, MemorySegment policy, MemorySegment key, MemorySegment rec) {
        try {
            return (int) AEROSPIKE_KEY_PUT.invokeExact(as, err, policy, key, rec);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code as_status aerospike_key_get(aerospike*, as_error*, const as_policy_read*, const as_key*, as_record** rec)} */
    static int aerospike_key_get(MemorySegment as, MemorySegment err, MemorySegment policy, MemorySegment key, MemorySegment recOut) {
        try {
            return (int) AEROSPIKE_KEY_GET.invokeExact(as, err, policy, key, recOut);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code as_status aerospike_key_select(aerospike*, as_error*, const as_policy_read*, const as_key*, const char* bins[], as_record** rec)} */
    static int aerospike_key_select(MemorySegment as, MemorySegment err, MemorySegment policy, MemorySegment key,
                                    MemorySegment bins, MemorySegment recOut) {
        try {
            return (int) AEROSPIKE_KEY_SELECT.invokeExact(as, err, policy, key, bins, recOut);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code as_status aerospike_key_exists(aerospike*, as_error*, const as_policy_read*, const as_key*, as_record** rec)}: rec may be NULL. */
    static int aerospike_key_exists(MemorySegment as, MemorySegment err, MemorySegment policy, MemorySegment key, MemorySegment recOut) {
        try {
            return (int) AEROSPIKE_KEY_EXISTS.invokeExact(as, err, policy, key, recOut);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code as_status aerospike_key_remove(aerospike*, as_error*, const as_policy_remove*, const as_key*)} */
    static int aerospike_key_remove(MemorySegment as, MemorySegment err, MemorySegment policy, MemorySegment key) {
        try {
            return (int) AEROSPIKE_KEY_REMOVE.invokeExact(as, err, policy, key);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code as_status aerospike_key_operate(aerospike*, as_error*, const as_policy_operate*, const as_key*, const as_operations*, as_record** rec)} */
    static int aerospike_key_operate(MemorySegment as, MemorySegment err, MemorySegment policy, MemorySegment key,
                                     MemorySegment ops, MemorySegment recOut) {
        try {
            return (int) AEROSPIKE_KEY_OPERATE.invokeExact(as, err, policy, key, ops, recOut);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ------------------------------------------------------------------ batch

    private static final MethodHandle AS_VECTOR_INIT = local("as_vector_init", null, ADDRESS, JAVA_INT, JAVA_INT);
    private static final MethodHandle AS_BATCH_RECORDS_DESTROY = local("as_batch_records_destroy", null, ADDRESS);
    private static final MethodHandle AEROSPIKE_BATCH_READ = io("aerospike_batch_read", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
    private static final MethodHandle AEROSPIKE_BATCH_WRITE = io("aerospike_batch_write", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS);

    /** {@code void as_vector_init(as_vector* vector, uint32_t item_size, uint32_t capacity)}: mallocs the items. */
    static void as_vector_init(MemorySegment vector, int itemSize, int capacity) {
        try {
            AS_VECTOR_INIT.invokeExact(vector, itemSize, capacity);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code void as_batch_records_destroy(as_batch_records*)}: keys, records and items; not bin-name arrays or ops. */
    static void as_batch_records_destroy(MemorySegment records) {
        try {
            AS_BATCH_RECORDS_DESTROY.invokeExact(records);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code as_status aerospike_batch_read(aerospike*, as_error*, const as_policy_batch*, as_batch_records*)} */
    static int aerospike_batch_read(MemorySegment as, MemorySegment err, MemorySegment policy, MemorySegment records) {
        try {
            return (int) AEROSPIKE_BATCH_READ.invokeExact(as, err, policy, records);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code as_status aerospike_batch_write(aerospike*, as_error*, const as_policy_batch*, as_batch_records*)} */
    static int aerospike_batch_write(MemorySegment as, MemorySegment err, MemorySegment policy, MemorySegment records) {
        try {
            return (int) AEROSPIKE_BATCH_WRITE.invokeExact(as, err, policy, records);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }
}
