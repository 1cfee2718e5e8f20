package org.rocketmqhm.core.common.message;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The client-to-broker batch body of section 4.4, a concatenation of:
 *
 * <pre>
 * TOTALSIZE int32 | MAGICCODE int32 (0) | BODYCRC int32 (0) | FLAG int32
 * | BODYLENGTH int32 + body | PROPERTIESLENGTH int16 + properties
 * </pre>
 *
 * Elements carry no topic; decoded messages get the topic passed in. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class BatchMessageCodec {

    private BatchMessageCodec() {
    }

    /** @param messages elements @return the batch body */
    public static byte[] encode(List<? extends Message> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Message m : messages) {
            byte[] body = m.getBody() == null ? new byte[0] : m.getBody();
            byte[] props = MessageProperties.encode(m.getProperties()).getBytes(StandardCharsets.UTF_8);
            int total = 4 + 4 + 4 + 4 + 4 + body.length + 2 + props.length;
            ByteBuffer bb = ByteBuffer.allocate(total);
            bb.putInt(total).putInt(0).putInt(0).putInt(m.getFlag()).putInt(body.length).put(body);
            bb.putShort((short) props.length).put(props);
            out.writeBytes(bb.array());
        }
        return out.toByteArray();
    }

    /**
     * @param body batch body
     * @param topic topic to give each element
     * @return elements, each with its own raw properties string kept as its property map
     * @throws IllegalArgumentException on a malformed body
     */
    public static List<Message> decode(ByteBuffer body, String topic) {
        List<Message> out = new ArrayList<>();
        while (body.hasRemaining()) {
            int start = body.position();
            if (body.remaining() < 22) {
                throw new IllegalArgumentException("truncated batch element at " + start);
            }
            int total = body.getInt();
            body.getInt();
            body.getInt();
            int flag = body.getInt();
            int bodyLen = body.getInt();
            if (total < 22 || start + total > body.limit() || bodyLen < 0
                    || bodyLen > body.remaining() - 2) {
                throw new IllegalArgumentException("malformed batch element at " + start);
            }
            byte[] b = new byte[bodyLen];
            body.get(b);
            int propLen = body.getShort() & 0xFFFF;
            if (propLen > body.remaining()) {
                throw new IllegalArgumentException("malformed batch properties at " + start);
            }
            byte[] p = new byte[propLen];
            body.get(p);
            if (body.position() - start != total) {
                throw new IllegalArgumentException("batch element size mismatch at " + start);
            }
            Message m = new Message();
            m.setTopic(topic);
            m.setFlag(flag);
            m.setBody(b);
            m.setProperties(MessageProperties.decode(new String(p, StandardCharsets.UTF_8)));
            out.add(m);
        }
        return out;
    }

    /**
     * Section 4.4 rule for the stored properties of an element: element properties, a separator unless the
     * element string already ends with one, then the batch-level properties.
     *
     * @param elementProperties element properties string
     * @param batchProperties batch-level properties string
     * @return merged string
     */
    public static String mergeProperties(String elementProperties, String batchProperties) {
        if (batchProperties == null || batchProperties.isEmpty()) {
            return elementProperties;
        }
        if (elementProperties == null || elementProperties.isEmpty()) {
            return batchProperties;
        }
        if (elementProperties.charAt(elementProperties.length() - 1) == MessageConst.PROPERTY_SEPARATOR) {
            return elementProperties + batchProperties;
        }
        return elementProperties + MessageConst.PROPERTY_SEPARATOR + batchProperties;
    }
}
