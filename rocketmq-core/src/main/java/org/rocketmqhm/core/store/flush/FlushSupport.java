package org.rocketmqhm.core.store.flush;

import org.rocketmqhm.core.store.StoreCheckpoint;
import org.rocketmqhm.core.store.log.MappedFile;
import org.rocketmqhm.core.store.log.MappedFileQueue;

/** Flushes the commit log and records the flushed store timestamp in the checkpoint. @since 0.1.0 */
final class FlushSupport {

    private FlushSupport() {
    }

    static long flush(MappedFileQueue files, StoreCheckpoint checkpoint, int leastPages) {
        MappedFile last = files.getLastFile();
        long ts = last == null ? 0 : last.getStoreTimestamp();
        long before = files.getFlushedWhere();
        long where = files.flush(leastPages);
        if (where > before && ts > 0 && where >= files.getMaxOffset()) {
            checkpoint.setPhysicMsgTimestamp(ts);
        }
        return where;
    }
}
