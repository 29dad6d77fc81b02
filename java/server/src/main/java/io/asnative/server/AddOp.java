package io.asnative.server;

/** Op 5: integer or double increment; creates the bin when absent; other bin types fail with 12. */
final class AddOp implements BinOp {
    @Override
    public int apply(OpContext ctx) {
        int rc = ctx.checkWritableName();
        if (rc != ResultCodes.OK) {
            return rc;
        }
        int p = ctx.particle;
        if ((p != Proto.PARTICLE_INTEGER && p != Proto.PARTICLE_DOUBLE) || ctx.valLen != 8) {
            return ResultCodes.PARAMETER_ERROR;
        }
        BinWorkspace bins = ctx.bins;
        int i = bins.find(ctx.buf, ctx.nameOff, ctx.nameLen);
        if (i < 0) {
            bins.put(ctx.buf, ctx.nameOff, ctx.nameLen, p, ctx.buf, ctx.valOff, 8);
        } else {
            if (bins.type[i] != p || bins.valLen[i] != 8) {
                return ResultCodes.BIN_TYPE_ERROR;
            }
            long current = Proto.getLong(bins.valSrc[i], bins.valOff[i]);
            long delta = Proto.getLong(ctx.buf, ctx.valOff);
            long sum = p == Proto.PARTICLE_INTEGER
                    ? current + delta
                    : Double.doubleToRawLongBits(Double.longBitsToDouble(current) + Double.longBitsToDouble(delta));
            byte[] v = new byte[8];
            Proto.putLong(v, 0, sum);
            bins.put(ctx.buf, ctx.nameOff, ctx.nameLen, p, v, 0, 8);
        }
        ctx.emitNullIfAllOps();
        return ResultCodes.OK;
    }
}
