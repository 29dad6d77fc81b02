package io.asnative.server;

/** Op 14 ({@code Operation.delete()}): removes every bin, so the record is deleted unless later ops write. */
final class DeleteAllOp implements BinOp {
    @Override
    public int apply(OpContext ctx) {
        ctx.bins.removeAll();
        ctx.emitNullIfAllOps();
        return ResultCodes.OK;
    }
}
