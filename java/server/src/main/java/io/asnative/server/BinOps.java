package io.asnative.server;

/**
 * The operation table: wire op type to implementation. Types not listed here (CDT, bit, HLL and
 * expression operations) answer {@code UNSUPPORTED_FEATURE}; unknown codes a parameter error.
 */
final class BinOps {
    private static final BinOp[] TABLE = new BinOp[32];

    static {
        TABLE[Proto.OP_READ] = new ReadOp();
        TABLE[Proto.OP_WRITE] = new WriteOp();
        TABLE[Proto.OP_ADD] = new AddOp();
        TABLE[Proto.OP_APPEND] = new ConcatOp(false);
        TABLE[Proto.OP_PREPEND] = new ConcatOp(true);
        TABLE[Proto.OP_TOUCH] = new TouchOp();
        TABLE[Proto.OP_DELETE] = new DeleteAllOp();
        BinOp unsupported = new UnsupportedOp();
        for (int type : new int[] {Proto.OP_CDT_READ, Proto.OP_CDT_MODIFY, Proto.OP_EXP_READ, Proto.OP_EXP_MODIFY,
                Proto.OP_BIT_READ, Proto.OP_BIT_MODIFY, Proto.OP_HLL_READ, Proto.OP_HLL_MODIFY}) {
            TABLE[type] = unsupported;
        }
    }

    private BinOps() {
    }

    /** Accepted in any command so that the answer is "unsupported feature", not "bad request". */
    private static final class UnsupportedOp implements BinOp {
        @Override
        public int apply(OpContext ctx) {
            return ResultCodes.UNSUPPORTED_FEATURE;
        }

        @Override
        public boolean isRead() {
            return true;
        }
    }

    /** The implementation of an op type, or null for an unknown type. */
    static BinOp of(int opType) {
        return opType < TABLE.length ? TABLE[opType] : null;
    }
}
