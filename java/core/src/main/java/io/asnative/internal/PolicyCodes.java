package io.asnative.internal;

import com.aerospike.client.policy.CommitLevel;
import com.aerospike.client.policy.GenerationPolicy;
import com.aerospike.client.policy.ReadModeAP;
import com.aerospike.client.policy.ReadModeSC;
import com.aerospike.client.policy.RecordExistsAction;
import com.aerospike.client.policy.Replica;

/**
 * The C client's policy enum values ({@code as_policy.h}, {@code defaults740.txt}) for the Java
 * client's policy enums, shared by both backends so that they send the same thing.
 */
public final class PolicyCodes {

    public static final int KEY_DIGEST = 0;
    public static final int KEY_SEND = 1;

    /** {@code AS_RECORD_CLIENT_DEFAULT_TTL}: "use the policy's ttl", set on records when no policy is given. */
    public static final int TTL_CLIENT_DEFAULT = 0xFFFFFFFD;

    private PolicyCodes() {
    }

    /** {@code as_policy_exists}: the Java names describe the outcome, the C names the check. */
    public static int exists(RecordExistsAction action) {
        return switch (action) {
            case UPDATE -> 0;        // AS_POLICY_EXISTS_IGNORE: create or update
            case CREATE_ONLY -> 1;   // AS_POLICY_EXISTS_CREATE
            case UPDATE_ONLY -> 2;   // AS_POLICY_EXISTS_UPDATE
            case REPLACE_ONLY -> 3;  // AS_POLICY_EXISTS_REPLACE
            case REPLACE -> 4;       // AS_POLICY_EXISTS_CREATE_OR_REPLACE
        };
    }

    /** {@code as_policy_gen}. */
    public static int generation(GenerationPolicy policy) {
        return switch (policy) {
            case NONE -> 0;
            case EXPECT_GEN_EQUAL -> 1;
            case EXPECT_GEN_GT -> 2;
        };
    }

    /** {@code as_policy_replica}: MASTER_PROLES and RANDOM have no C twin; ANY is the nearest. */
    public static int replica(Replica replica) {
        return switch (replica) {
            case MASTER -> 0;
            case MASTER_PROLES, RANDOM -> 1;
            case SEQUENCE -> 2;
            case PREFER_RACK -> 3;
        };
    }

    /** {@code as_policy_read_mode_ap}. */
    public static int readModeAp(ReadModeAP mode) {
        return mode == ReadModeAP.ALL ? 1 : 0;
    }

    /** {@code as_policy_read_mode_sc}. */
    public static int readModeSc(ReadModeSC mode) {
        return switch (mode) {
            case SESSION -> 0;
            case LINEARIZE -> 1;
            case ALLOW_REPLICA -> 2;
            case ALLOW_UNAVAILABLE -> 3;
        };
    }

    /** {@code as_policy_commit_level}. */
    public static int commitLevel(CommitLevel level) {
        return level == CommitLevel.COMMIT_MASTER ? 1 : 0;
    }

    /** The ttl to put in an {@code as_record} / {@code as_operations}: the policy's, or "use the policy default". */
    public static int recordTtl(com.aerospike.client.policy.WritePolicy p) {
        return p == null ? TTL_CLIENT_DEFAULT : ttl(p.expiration);
    }

    public static int recordTtl(com.aerospike.client.policy.BatchWritePolicy p) {
        return p == null ? TTL_CLIENT_DEFAULT : ttl(p.expiration);
    }

    /** The expected generation to put in an {@code as_record} / {@code as_operations} (used by EQ/GT checks). */
    public static int recordGeneration(com.aerospike.client.policy.WritePolicy p) {
        return p == null ? 0 : p.generation;
    }

    public static int recordGeneration(com.aerospike.client.policy.BatchWritePolicy p) {
        return p == null ? 0 : p.generation;
    }

    /**
     * The C record ttl for a Java expiration: the special values (0 namespace default, -1 never,
     * -2 do not change) have the same bit patterns as the C constants, so the int passes as is.
     */
    public static int ttl(int expiration) {
        return expiration;
    }
}
