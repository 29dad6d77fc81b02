package io.asnative.server;

/** Op 2: sets a bin; a null value deletes the bin. */
final class WriteOp implements BinOp {
    @Override
    public int apply(OpContext ctx) {
        int rc = ctx.checkWritableName();
        if (rc != ResultCodes.OK) {
            return rc;
        }
        if (ctx.particle == Proto.PARTICLE_NULL) {
            int i = ctx.bins.find(ctx.buf, ctx.nameOff, ctx.nameLen);
            if (i >= 0) {
                ctx.bins.remove(i);
            }
        } else {
            ctx.bins.put(ctx.buf, ctx.nameOff, ctx.nameLen, ctx.particle, ctx.buf, ctx.valOff, ctx.valLen);
        }
        ctx.emitNullIfAllOps();
        return ResultCodes.OK;
    }
}
