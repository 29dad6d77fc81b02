package io.asnative.server;

/** Op 1: returns one bin, or every bin when it names none and the command asked for all bins. */
final class ReadOp implements BinOp {
    @Override
    public int apply(OpContext ctx) {
        if (ctx.nameLen == 0) {
            if (ctx.getAll) {
                for (int i = 0; i < ctx.bins.count; i++) {
                    ctx.emitBin(i);
                }
            }
            return ResultCodes.OK;
        }
        int i = ctx.bins.find(ctx.buf, ctx.nameOff, ctx.nameLen);
        if (i >= 0) {
            ctx.emitBin(i);
        } else {
            ctx.emitNullIfAllOps();
        }
        return ResultCodes.OK;
    }

    @Override
    public boolean isRead() {
        return true;
    }
}
