package org.rocketmqhm.core.remoting;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps custom-header records to and from a command's {@code extFields}: key = the record component name
 * verbatim, value = {@code String.valueOf} of the component (the protocol's rule). Null components are omitted.
 *
 * <p>Decoding converts each present entry to the component's type; a missing {@link Required} component or an
 * unparsable value is refused with {@link RemotingSysResponseCode#SYSTEM_ERROR} and a remark naming the field.
 * Missing optional primitives decode as 0/false. Record metadata is cached per class, with the constructor and
 * accessors adapted once to erased signatures so each call is an {@code invokeExact} (no per-call boxing of the
 * argument list as with {@code invokeWithArguments}); thread-safe.
 *
 * @since 0.1.0
 */
public final class HeaderCodec {

    private static final Map<Class<?>, RecordShape> SHAPES = new ConcurrentHashMap<>();

    private HeaderCodec() {
    }

    /** Decodes the ext fields (may be null) into a header record of the given type. */
    public static <T> T decode(Map<String, String> extFields, Class<T> type) throws RemotingCommandException {
        RecordShape shape = SHAPES.computeIfAbsent(type, RecordShape::of);
        Object[] args = new Object[shape.names.length];
        for (int i = 0; i < args.length; i++) {
            String raw = extFields == null ? null : extFields.get(shape.names[i]);
            if (raw == null) {
                if (shape.required[i]) {
                    throw new RemotingCommandException(RemotingSysResponseCode.SYSTEM_ERROR,
                        "the custom field <" + shape.names[i] + "> is null");
                }
                args[i] = defaultValue(shape.types[i]);
            } else {
                args[i] = convert(shape.names[i], raw, shape.types[i]);
            }
        }
        try {
            @SuppressWarnings("unchecked")
            T header = (T) (Object) shape.constructor.invokeExact(args);
            return header;
        } catch (RemotingCommandException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new RemotingCommandException(RemotingSysResponseCode.SYSTEM_ERROR, e.getMessage());
        } catch (Throwable e) {
            throw new IllegalStateException("cannot build header " + type.getName(), e);
        }
    }

    /** Writes every non-null component of a header record into the map. */
    public static void encode(Object header, Map<String, String> target) {
        RecordShape shape = SHAPES.computeIfAbsent(header.getClass(), RecordShape::of);
        for (int i = 0; i < shape.names.length; i++) {
            Object value;
            try {
                value = (Object) shape.accessors[i].invokeExact(header);
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read header field " + shape.names[i], e);
            }
            if (value != null) {
                target.put(shape.names[i], String.valueOf(value));
            }
        }
    }

    private static Object defaultValue(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        return 0;
    }

    private static Object convert(String name, String raw, Class<?> type) throws RemotingCommandException {
        try {
            if (type == String.class) {
                return raw;
            }
            String value = raw.trim();
            if (type == int.class || type == Integer.class) {
                return Integer.parseInt(value);
            }
            if (type == long.class || type == Long.class) {
                return Long.parseLong(value);
            }
            if (type == boolean.class || type == Boolean.class) {
                return Boolean.parseBoolean(value);
            }
            if (type == double.class || type == Double.class) {
                return Double.parseDouble(value);
            }
            if (type == short.class || type == Short.class) {
                return Short.parseShort(value);
            }
            if (type == byte.class || type == Byte.class) {
                return Byte.parseByte(value);
            }
        } catch (NumberFormatException e) {
            throw new RemotingCommandException(RemotingSysResponseCode.SYSTEM_ERROR,
                "the custom field <" + name + "> has an invalid value: " + raw);
        }
        throw new IllegalStateException("unsupported header field type " + type + " of " + name);
    }

    private record RecordShape(String[] names, Class<?>[] types, boolean[] required, MethodHandle[] accessors,
                               MethodHandle constructor) {

        static RecordShape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type.getName() + " is not a record");
            }
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            Class<?>[] types = new Class<?>[components.length];
            boolean[] required = new boolean[components.length];
            MethodHandle[] accessors = new MethodHandle[components.length];
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            try {
                for (int i = 0; i < components.length; i++) {
                    names[i] = components[i].getName();
                    types[i] = components[i].getType();
                    required[i] = components[i].isAnnotationPresent(Required.class);
                    accessors[i] = lookup.unreflect(components[i].getAccessor())
                        .asType(MethodType.methodType(Object.class, Object.class));
                }
                // (Object[]) -> Object: called with invokeExact, no per-call adaptation of the argument list
                MethodHandle constructor = lookup.unreflectConstructor(type.getDeclaredConstructor(types))
                    .asType(MethodType.genericMethodType(components.length))
                    .asSpreader(Object[].class, components.length);
                return new RecordShape(names, types, required, accessors, constructor);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("header record " + type.getName() + " must be public", e);
            }
        }
    }
}
