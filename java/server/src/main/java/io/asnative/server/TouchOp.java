package io.asnative.server;

/** Op 11: rewrites the record (new generation and TTL) without changing bins. */
final class TouchOp implements BinOp {
    @Override
    public int apply(OpContext ctx) {
        ctx.touched = true;
        ctx.emitNullIfAllOps();
        return ResultCodes.OK;
    }
}
