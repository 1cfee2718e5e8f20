package org.rocketmqhm.core.common.message;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A user message: topic, flag, body and properties. Not thread-safe.
 *
 * @since 0.1.0
 */
public class Message {

    private String topic;
    private int flag;
    private byte[] body;
    private Map<String, String> properties;

    public Message() {
    }

    /** @param topic topic @param body body bytes */
    public Message(String topic, byte[] body) {
        this(topic, null, null, body);
    }

    /** @param topic topic @param tags tag or null @param keys keys or null @param body body bytes */
    public Message(String topic, String tags, String keys, byte[] body) {
        this.topic = topic;
        this.body = body;
        if (tags != null && !tags.isEmpty()) {
            setTags(tags);
        }
        if (keys != null && !keys.isEmpty()) {
            setKeys(keys);
        }
        setWaitStoreMsgOK(true);
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public int getFlag() {
        return flag;
    }

    public void setFlag(int flag) {
        this.flag = flag;
    }

    public byte[] getBody() {
        return body;
    }

    public void setBody(byte[] body) {
        this.body = body;
    }

    /** @return the live property map (created lazily, never null) */
    public Map<String, String> getProperties() {
        if (properties == null) {
            properties = new HashMap<>();
        }
        return properties;
    }

    /** @param properties replaces the property map (a null map clears it) */
    public void setProperties(Map<String, String> properties) {
        this.properties = properties;
    }

    /** @param name key @return value or null */
    public String getProperty(String name) {
        return properties == null ? null : properties.get(name);
    }

    /** @param name key @param value value; null removes the key */
    public void putProperty(String name, String value) {
        if (value == null) {
            clearProperty(name);
        } else {
            getProperties().put(name, value);
        }
    }

    /** @param name key to remove */
    public void clearProperty(String name) {
        if (properties != null) {
            properties.remove(name);
        }
    }

    /**
     * Puts a user property; rejects empty names/values.
     *
     * @param name key
     * @param value value
     */
    public void putUserProperty(String name, String value) {
        if (name == null || name.isBlank() || value == null || value.isBlank()) {
            throw new IllegalArgumentException("user property name and value must be non-blank");
        }
        putProperty(name, value);
    }

    /** @param name key @return value or null */
    public String getUserProperty(String name) {
        return getProperty(name);
    }

    public String getTags() {
        return getProperty(MessageConst.PROPERTY_TAGS);
    }

    public void setTags(String tags) {
        putProperty(MessageConst.PROPERTY_TAGS, tags);
    }

    public String getKeys() {
        return getProperty(MessageConst.PROPERTY_KEYS);
    }

    public void setKeys(String keys) {
        putProperty(MessageConst.PROPERTY_KEYS, keys);
    }

    /** @param keys keys joined with a single space */
    public void setKeys(Collection<String> keys) {
        setKeys(String.join(MessageConst.KEY_SEPARATOR, keys));
    }

    /** @return the KEYS split on spaces (empty tokens dropped) */
    public String[] getKeyList() {
        String keys = getKeys();
        if (keys == null || keys.isEmpty()) {
            return new String[0];
        }
        return Arrays.stream(keys.split(MessageConst.KEY_SEPARATOR)).filter(k -> !k.isEmpty()).toArray(String[]::new);
    }

    /** @return DELAY level, 0 when absent or malformed */
    public int getDelayTimeLevel() {
        String v = getProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        if (v == null) {
            return 0;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public void setDelayTimeLevel(int level) {
        putProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL, String.valueOf(level));
    }

    /** @return WAIT flag; true when absent */
    public boolean isWaitStoreMsgOK() {
        String v = getProperty(MessageConst.PROPERTY_WAIT_STORE_MSG_OK);
        return v == null || Boolean.parseBoolean(v);
    }

    public void setWaitStoreMsgOK(boolean wait) {
        putProperty(MessageConst.PROPERTY_WAIT_STORE_MSG_OK, Boolean.toString(wait));
    }

    /** @return UNIQ_KEY or null */
    public String getUniqKey() {
        return getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
    }

    public void setUniqKey(String uniqKey) {
        putProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, uniqKey);
    }

    @Override
    public String toString() {
        return "Message{topic=" + topic + ", flag=" + flag + ", properties=" + properties
                + ", bodyLength=" + (body == null ? 0 : body.length) + "}";
    }
}
