package org.rocketmqhm.core.common.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Applies Apache-style configuration ({@code key=value}, keys named exactly after setters, e.g. {@code brokerName},
 * {@code flushDiskType}, {@code brokerIP1}) to configuration objects, as Apache's broker reads broker.properties:
 * names are case-sensitive, so a misspelt {@code brokerIp2} is reported as unknown. A key is applied to every
 * target with a matching setter. (Relaxed names belong to Spring's {@code rocketmq.broker.*} binding.)
 *
 * <p>Values are converted to the setter's type (String, int, long, boolean, double, enums by name); a value that
 * does not convert stops binding with an {@link IllegalArgumentException} naming the key. Keys no target knows
 * are returned so the caller can warn about them. Stateless; thread-safe.
 *
 * @since 0.1.0
 */
public final class ConfigBinder {

    private ConfigBinder() {
    }

    /**
     * @return the keys that no target has a setter for, in file order where known
     * @throws IllegalArgumentException naming the key when a value cannot be converted or is refused by its setter
     */
    public static List<String> bind(Properties properties, Object... targets) {
        List<String> unknown = new ArrayList<>();
        List<Map<String, Method>> setters = new ArrayList<>();
        for (Object target : targets) {
            setters.add(settersOf(target.getClass()));
        }
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).trim();
            boolean applied = false;
            for (int i = 0; i < targets.length; i++) {
                Method setter = setters.get(i).get(key);
                if (setter != null) {
                    apply(targets[i], setter, key, value);
                    applied = true;
                }
            }
            if (!applied) {
                unknown.add(key);
            }
        }
        unknown.sort(null);
        return unknown;
    }

    /**
     * @return every property of the object that has both a getter and a setter, as text keyed by its Apache name
     *     ({@code brokerIP1}, {@code flushDiskType}), sorted
     */
    public static Map<String, String> describe(Object source) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Method getter : source.getClass().getMethods()) {
            String name = getter.getName();
            String property = name.startsWith("get") && name.length() > 3 ? name.substring(3)
                : name.startsWith("is") && name.length() > 2 ? name.substring(2) : null;
            if (property == null || getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                || getter.getDeclaringClass() == Object.class
                || !settersOf(source.getClass()).containsKey(propertyName(property))) {
                continue;
            }
            try {
                Object value = getter.invoke(source);
                out.put(propertyName(property), value == null ? "" : String.valueOf(value));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + property, e);
            }
        }
        return out;
    }

    /** @return the key of an accessor suffix: {@code BrokerIP1} gives {@code brokerIP1} */
    private static String propertyName(String accessorSuffix) {
        return Character.toLowerCase(accessorSuffix.charAt(0)) + accessorSuffix.substring(1);
    }

    private static Map<String, Method> settersOf(Class<?> type) {
        Map<String, Method> setters = new HashMap<>();
        for (Method method : type.getMethods()) {
            if (method.getName().startsWith("set") && method.getParameterCount() == 1
                && !Modifier.isStatic(method.getModifiers()) && convertible(method.getParameterTypes()[0])) {
                setters.put(propertyName(method.getName().substring(3)), method);
            }
        }
        return setters;
    }

    private static boolean convertible(Class<?> type) {
        return type == String.class || type == int.class || type == Integer.class || type == long.class
            || type == Long.class || type == boolean.class || type == Boolean.class || type == double.class
            || type == Double.class || type.isEnum();
    }

    private static void apply(Object target, Method setter, String key, String value) {
        Object converted = convert(setter.getParameterTypes()[0], key, value);
        try {
            setter.invoke(target, converted);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("invalid value '" + value + "' for " + key + ": "
                + e.getCause().getMessage(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set " + key, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(Class<?> type, String key, String value) {
        try {
            if (type == String.class) {
                return value;
            }
            if (type == int.class || type == Integer.class) {
                return Integer.parseInt(value);
            }
            if (type == long.class || type == Long.class) {
                return Long.parseLong(value);
            }
            if (type == double.class || type == Double.class) {
                return Double.parseDouble(value);
            }
            if (type == boolean.class || type == Boolean.class) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("expected true or false");
                }
                return Boolean.parseBoolean(value);
            }
            if (type.isEnum()) {
                return Enum.valueOf((Class<Enum>) type, value.toUpperCase(Locale.ROOT));
            }
        } catch (IllegalArgumentException e) {
            String expected = type.isEnum() ? "one of " + java.util.Arrays.toString(type.getEnumConstants())
                : type.getSimpleName();
            throw new IllegalArgumentException("invalid value '" + value + "' for " + key + ": expected " + expected, e);
        }
        throw new IllegalStateException("unsupported type " + type);
    }
}
