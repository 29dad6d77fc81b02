package io.asnative.server;

/** Ops 9 and 10: append / prepend to a string or blob bin; creates the bin when absent. */
final class ConcatOp implements BinOp {
    private final boolean prepend;

    ConcatOp(boolean prepend) {
        this.prepend = prepend;
    }

    @Override
    public int apply(OpContext ctx) {
        int rc = ctx.checkWritableName();
        if (rc != ResultCodes.OK) {
            return rc;
        }
        int p = ctx.particle;
        if (p != Proto.PARTICLE_STRING && p != Proto.PARTICLE_BLOB) {
            return ResultCodes.PARAMETER_ERROR;
        }
        BinWorkspace bins = ctx.bins;
        int i = bins.find(ctx.buf, ctx.nameOff, ctx.nameLen);
        if (i < 0) {
            bins.put(ctx.buf, ctx.nameOff, ctx.nameLen, p, ctx.buf, ctx.valOff, ctx.valLen);
        } else {
            if (bins.type[i] != p) {
                return ResultCodes.BIN_TYPE_ERROR;
            }
            int oldLen = bins.valLen[i];
            byte[] v = new byte[oldLen + ctx.valLen];
            if (prepend) {
                System.arraycopy(ctx.buf, ctx.valOff, v, 0, ctx.valLen);
                System.arraycopy(bins.valSrc[i], bins.valOff[i], v, ctx.valLen, oldLen);
            } else {
                System.arraycopy(bins.valSrc[i], bins.valOff[i], v, 0, oldLen);
                System.arraycopy(ctx.buf, ctx.valOff, v, oldLen, ctx.valLen);
            }
            bins.put(ctx.buf, ctx.nameOff, ctx.nameLen, p, v, 0, v.length);
        }
        ctx.emitNullIfAllOps();
        return ResultCodes.OK;
    }
}
