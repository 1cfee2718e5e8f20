package org.rocketmqhm.core.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.rocketmqhm.core.common.message.MessageEncoder;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.common.message.MessageProperties;
import org.rocketmqhm.core.store.log.AppendRecord;

/**
 * A message handed to the store: every stored field the broker decides (topic, queueId, flag, sysFlag, born
 * timestamp/host, reconsume times, prepared-transaction offset, properties). The store fills the commit-log
 * offset, queue offset, store timestamp, store host and body CRC.
 *
 * <p>The properties string may be supplied verbatim with {@link #setPropertiesString} (e.g. batch merge of
 * section 4.4, or the send path's decorated client string): it is then stored as given and
 * {@link #getProperty} reads it without building a map. The first call that needs the map
 * ({@link #getProperties}, {@link #putProperty}, {@link #clearProperty}) decodes it; from then on the map is
 * the truth and is encoded at store time, as for a message built from a map. Not thread-safe.
 *
 * @since 0.1.0
 */
public class StoreMessage extends MessageExt implements AppendRecord {

    private String propertiesString;
    private byte[] encodedTopic;
    private byte[] encodedProperties;

    /** @return explicit properties string or null */
    public String getPropertiesString() {
        return propertiesString;
    }

    /** @param propertiesString verbatim stored properties string; replaces the property map */
    public void setPropertiesString(String propertiesString) {
        super.setProperties(null);
        this.propertiesString = propertiesString;
    }

    @Override
    public String getProperty(String name) {
        return propertiesString != null ? MessageProperties.get(propertiesString, name) : super.getProperty(name);
    }

    /** @return the live property map, decoded from the verbatim string first if one was set */
    @Override
    public Map<String, String> getProperties() {
        if (propertiesString != null) {
            super.setProperties(MessageProperties.decode(propertiesString));
            propertiesString = null;
        }
        return super.getProperties();
    }

    @Override
    public void setProperties(Map<String, String> properties) {
        propertiesString = null;
        super.setProperties(properties);
    }

    @Override
    public void putProperty(String name, String value) {
        getProperties();
        super.putProperty(name, value);
    }

    @Override
    public void clearProperty(String name) {
        getProperties();
        super.clearProperty(name);
    }

    /** Encodes topic and properties once, before the append lock. */
    void prepareEncoding() {
        encodedTopic = getTopic().getBytes(StandardCharsets.UTF_8);
        String props = propertiesString != null ? propertiesString : MessageProperties.encode(getProperties());
        encodedProperties = props.getBytes(StandardCharsets.UTF_8);
    }

    byte[] encodedTopic() {
        return encodedTopic;
    }

    byte[] encodedProperties() {
        return encodedProperties;
    }

    /** @return encoded record size (after {@link #prepareEncoding()}) */
    int encodedSize() {
        int body = getBody() == null ? 0 : getBody().length;
        return MessageEncoder.storedLength(getSysFlag(), body, encodedTopic.length, encodedProperties.length);
    }

    @Override
    public String topic() {
        return getTopic();
    }

    @Override
    public int queueId() {
        return getQueueId();
    }

    @Override
    public int sysFlag() {
        return getSysFlag();
    }

    @Override
    public void writeTo(ByteBuffer dst, long commitLogOffset, long queueOffset, long storeTimestamp) {
        setCommitLogOffset(commitLogOffset);
        setQueueOffset(queueOffset);
        setStoreTimestamp(storeTimestamp);
        MessageEncoder.encode(dst, this, encodedTopic, encodedProperties);
    }
}
