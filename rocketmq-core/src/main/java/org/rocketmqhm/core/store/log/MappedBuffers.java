package org.rocketmqhm.core.store.log;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases a mapped buffer's memory immediately through {@code sun.misc.Unsafe.invokeCleaner}, looked up
 * reflectively once. When unavailable the mapping is left to the garbage collector. Thread-safe.
 *
 * @since 0.1.0
 */
public final class MappedBuffers {

    private static final Logger LOG = LoggerFactory.getLogger(MappedBuffers.class);
    private static final Object UNSAFE;
    private static final Method INVOKE_CLEANER;

    static {
        Object unsafe = null;
        Method m = null;
        try {
            Class<?> c = Class.forName("sun.misc.Unsafe");
            Field f = c.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            unsafe = f.get(null);
            m = c.getMethod("invokeCleaner", ByteBuffer.class);
        } catch (Throwable t) {
            LOG.warn("Unsafe.invokeCleaner unavailable; mapped files are released by GC: {}", t.toString());
        }
        UNSAFE = unsafe;
        INVOKE_CLEANER = m;
    }

    private MappedBuffers() {
    }

    /** @param buffer a direct (mapped) buffer that must not be used afterwards; slices must not be passed */
    public static void unmap(ByteBuffer buffer) {
        if (buffer == null || !buffer.isDirect() || INVOKE_CLEANER == null) {
            return;
        }
        try {
            INVOKE_CLEANER.invoke(UNSAFE, buffer);
        } catch (Throwable t) {
            LOG.warn("unmap failed: {}", t.toString());
        }
    }
}
