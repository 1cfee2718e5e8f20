package org.rocketmqhm.core.broker.config;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Properties;
import java.util.TreeMap;
import java.util.Map;

/**
 * Binds {@code key=value} properties to a settings object through its setters, by exact key name (Apache's
 * {@code MixAll.properties2Object} convention): {@code brokerName=x} calls {@code setBrokerName("x")}. Keys
 * without a setter are ignored, so one file can feed several settings objects. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class ConfigBinder {

    private ConfigBinder() {
    }

    /**
     * @param properties source
     * @param target settings object
     * @throws IllegalArgumentException naming the key when a value cannot be converted
     */
    public static void bind(Properties properties, Object target) {
        for (String key : properties.stringPropertyNames()) {
            Method setter = setter(target.getClass(), key);
            if (setter == null) {
                continue;
            }
            String raw = properties.getProperty(key).trim();
            Object value = convert(key, raw, setter.getParameterTypes()[0]);
            try {
                setter.invoke(target, value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot set " + key + ": " + e.getMessage(), e);
            }
        }
    }

    /** @return every readable property of the settings object as text, sorted by key */
    public static Map<String, String> describe(Object source) {
        Map<String, String> out = new TreeMap<>();
        for (Method m : source.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())
                || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = m.getName();
            String key = name.startsWith("get") && name.length() > 3 ? name.substring(3)
                : name.startsWith("is") && name.length() > 2 ? name.substring(2) : null;
            if (key == null || setter(source.getClass(), decapitalize(key)) == null) {
                continue;
            }
            try {
                Object value = m.invoke(source);
                out.put(decapitalize(key), value == null ? "" : String.valueOf(value));
            } catch (ReflectiveOperationException e) {
                // unreadable property: leave it out
            }
        }
        return out;
    }

    private static String decapitalize(String key) {
        if (key.length() > 1 && Character.isUpperCase(key.charAt(1))) {
            // brokerIP1 -> getBrokerIP1: the key keeps its case after the first letter
            return Character.toLowerCase(key.charAt(0)) + key.substring(1);
        }
        return Character.toLowerCase(key.charAt(0)) + key.substring(1);
    }

    private static Method setter(Class<?> type, String key) {
        if (key.isEmpty()) {
            return null;
        }
        String name = "set" + Character.toUpperCase(key.charAt(0)) + key.substring(1);
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 1) {
                return m;
            }
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(String key, String raw, Class<?> type) {
        try {
            if (type == String.class) {
                return raw;
            }
            if (type == int.class || type == Integer.class) {
                return Integer.parseInt(raw);
            }
            if (type == long.class || type == Long.class) {
                return Long.parseLong(raw);
            }
            if (type == boolean.class || type == Boolean.class) {
                if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("not a boolean");
                }
                return Boolean.parseBoolean(raw);
            }
            if (type == double.class || type == Double.class) {
                return Double.parseDouble(raw);
            }
            if (type.isEnum()) {
                return Enum.valueOf((Class<Enum>) type, raw.toUpperCase());
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid value '" + raw + "' for " + key + " (expected "
                + type.getSimpleName() + ")", e);
        }
        throw new IllegalArgumentException("unsupported type " + type.getSimpleName() + " for " + key);
    }
}
