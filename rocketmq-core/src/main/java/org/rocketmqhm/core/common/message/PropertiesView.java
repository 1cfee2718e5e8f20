package org.rocketmqhm.core.common.message;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * An unmodifiable {@link Map} over a properties string, for readers that look up a few names per message (the
 * reput thread's tags code, index keys and unique key): {@link #get} and {@link #containsKey} scan the string
 * with {@link MessageProperties#get} and build no map; any other call decodes the string once, with
 * {@link MessageProperties#decode}, and answers from that map. Equal to the decoded map in every respect
 * ({@code equals}/{@code hashCode} come from {@link AbstractMap} over the same entries). Not thread-safe (the
 * decoded map is created lazily without synchronisation).
 *
 * @since 0.1.0
 */
public final class PropertiesView extends AbstractMap<String, String> {

    private final String properties;
    private Map<String, String> decoded;

    /** @param properties a properties string (may be null: an empty map) */
    public PropertiesView(String properties) {
        this.properties = properties;
    }

    /** @return the properties string this view reads */
    public String propertiesString() {
        return properties;
    }

    @Override
    public String get(Object name) {
        return name instanceof String s ? MessageProperties.get(properties, s) : null;
    }

    @Override
    public boolean containsKey(Object name) {
        return get(name) != null;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        if (decoded == null) {
            decoded = Collections.unmodifiableMap(MessageProperties.decode(properties));
        }
        return decoded.entrySet();
    }
}
