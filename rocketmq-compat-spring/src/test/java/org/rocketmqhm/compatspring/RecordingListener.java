package org.rocketmqhm.compatspring;

import org.apache.rocketmq.common.message.MessageExt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every {@link MessageExt} a listener was handed, for assertions. */
class RecordingListener {

    final List<MessageExt> received = new CopyOnWriteArrayList<>();

    void record(MessageExt message) {
        received.add(message);
    }

    Optional<MessageExt> withBody(String body) {
        return received.stream().filter(m -> body(m).equals(body)).findFirst();
    }

    List<String> bodies() {
        return received.stream().map(RecordingListener::body).toList();
    }

    static String body(MessageExt message) {
        return new String(message.getBody(), StandardCharsets.UTF_8);
    }
}
