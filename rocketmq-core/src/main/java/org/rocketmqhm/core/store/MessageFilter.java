package org.rocketmqhm.core.store;

import java.nio.ByteBuffer;

/**
 * Two-stage read filter: first by the consume-queue tags code (cheap), then by the stored record (for property
 * based filters such as SQL92; use {@code MessageDecoder.decodeProperties(record, 0)}).
 *
 * @since 0.1.0
 */
public interface MessageFilter {

    /** Accepts everything. */
    MessageFilter ALL = new MessageFilter() {
        @Override
        public boolean matchesTagsCode(long tagsCode) {
            return true;
        }

        @Override
        public boolean matchesRecord(ByteBuffer record) {
            return true;
        }
    };

    /** @param tagsCode the consume-queue tags code @return whether the entry may match */
    boolean matchesTagsCode(long tagsCode);

    /** @param record one stored record (position 0) @return whether it matches */
    boolean matchesRecord(ByteBuffer record);
}
