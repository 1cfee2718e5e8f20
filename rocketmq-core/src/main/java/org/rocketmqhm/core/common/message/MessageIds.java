package org.rocketmqhm.core.common.message;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Message ids of section 4.6.
 *
 * <p>Offset id: uppercase hex of {@code storeIp(4|16) ‖ port(int32) ‖ commitLogOffset(int64)}: 32 hex chars for
 * IPv4, 56 for IPv6.
 *
 * <p>Unique id: uppercase hex of {@code ip(4|16) ‖ pid low 16 bits(2) ‖ classloader hash(4) ‖
 * ms since start of month(int32) ‖ counter low 16 bits(2)}. Thread-safe.
 *
 * @since 0.1.0
 */
public final class MessageIds {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final byte[] UNIQ_PREFIX = buildUniqPrefix();
    private static volatile long monthStart;
    private static volatile long nextMonthStart;

    /** A decoded offset message id. @param address store host @param commitLogOffset commit-log offset */
    public record OffsetMessageId(InetSocketAddress address, long commitLogOffset) {
    }

    private MessageIds() {
    }

    /** @param storeHost broker address @param commitLogOffset offset @return offset message id */
    public static String createOffsetMsgId(InetSocketAddress storeHost, long commitLogOffset) {
        return createOffsetMsgId(storeHost.getAddress().getAddress(), storeHost.getPort(), commitLogOffset);
    }

    /** @param ip 4 or 16 address bytes @param port port @param commitLogOffset offset @return offset message id */
    public static String createOffsetMsgId(byte[] ip, int port, long commitLogOffset) {
        ByteBuffer bb = ByteBuffer.allocate(ip.length + 12);
        bb.put(ip).putInt(port).putLong(commitLogOffset);
        return HEX.formatHex(bb.array());
    }

    /**
     * @param msgId 32 (IPv4) or 56 (IPv6) hex chars
     * @return address and commit-log offset
     * @throws IllegalArgumentException if malformed
     */
    public static OffsetMessageId decodeOffsetMsgId(String msgId) {
        if (msgId == null || (msgId.length() != 32 && msgId.length() != 56)) {
            throw new IllegalArgumentException("bad offset message id: " + msgId);
        }
        byte[] raw = HEX.parseHex(msgId);
        int ipLen = msgId.length() == 32 ? 4 : 16;
        ByteBuffer bb = ByteBuffer.wrap(raw);
        byte[] ip = new byte[ipLen];
        bb.get(ip);
        int port = bb.getInt();
        long offset = bb.getLong();
        try {
            return new OffsetMessageId(new InetSocketAddress(InetAddress.getByAddress(ip), port), offset);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** @return a new unique message id (32 or 56 uppercase hex chars) */
    public static String createUniqId() {
        long now = System.currentTimeMillis();
        if (now >= nextMonthStart) {
            computeMonth();
        }
        ByteBuffer bb = ByteBuffer.allocate(UNIQ_PREFIX.length + 6);
        bb.put(UNIQ_PREFIX);
        bb.putInt((int) (now - monthStart));
        bb.putShort((short) COUNTER.getAndIncrement());
        return HEX.formatHex(bb.array());
    }

    private static synchronized void computeMonth() {
        ZoneId zone = ZoneId.systemDefault();
        LocalDate first = LocalDate.now(zone).withDayOfMonth(1);
        monthStart = first.atStartOfDay(zone).toInstant().toEpochMilli();
        nextMonthStart = first.plusMonths(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private static byte[] buildUniqPrefix() {
        byte[] ip = localAddress();
        ByteBuffer bb = ByteBuffer.allocate(ip.length + 6);
        bb.put(ip);
        bb.putShort((short) ProcessHandle.current().pid());
        bb.putInt(MessageIds.class.getClassLoader() == null ? 0 : MessageIds.class.getClassLoader().hashCode());
        return bb.array();
    }

    private static byte[] localAddress() {
        try {
            byte[] v6 = null;
            Enumeration<NetworkInterface> nics = NetworkInterface.getNetworkInterfaces();
            while (nics != null && nics.hasMoreElements()) {
                NetworkInterface nic = nics.nextElement();
                Enumeration<InetAddress> addrs = nic.getInetAddresses();
                while (addrs.hasMoreElements()) {
                    InetAddress a = addrs.nextElement();
                    if (a.isLoopbackAddress() || a.isLinkLocalAddress()) {
                        continue;
                    }
                    if (a instanceof Inet4Address) {
                        return a.getAddress();
                    }
                    if (a instanceof Inet6Address && v6 == null) {
                        v6 = a.getAddress();
                    }
                }
            }
            if (v6 != null) {
                return v6;
            }
            return InetAddress.getLocalHost().getAddress();
        } catch (Exception e) {
            return ByteBuffer.allocate(4).putInt((int) System.currentTimeMillis()).array();
        }
    }
}
