package io.asnative.ffm.layout;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code as_batch_records} (24 bytes) is one {@code as_vector}: {@code void* list} at 0,
 * {@code uint32 capacity} at 8, {@code uint32 size} at 12, {@code item_size} at 16, {@code flags} at 20.
 * Items are {@code as_batch_record}s of {@link AsBatchRecord#SIZEOF} bytes.
 */
public final class AsBatchRecords {
    public static final long SIZEOF = 24;
    public static final long ALIGN = 8;
    public static final long LIST = 0;
    public static final long SIZE = 12;

    private AsBatchRecords() {
    }

    /**
     * What the inline {@code as_batch_*_reserve} functions do for {@code n} items at once on a
     * vector created with capacity {@code n}: zero them and count them in.
     *
     * @return the items, {@code n * AsBatchRecord.SIZEOF} bytes
     */
    public static MemorySegment reserveAll(MemorySegment records, int n) {
        MemorySegment items = records.get(ValueLayout.ADDRESS, LIST).reinterpret(n * AsBatchRecord.SIZEOF);
        items.fill((byte) 0);
        records.set(ValueLayout.JAVA_INT, SIZE, n);
        return items;
    }
}
