package org.rocketmqhm.core.protocol.header;

/** RESUME_CHECK_HALF_MESSAGE (323) request: the half message's offset message id. @since 0.3.0 */
public record ResumeCheckHalfMessageRequestHeader(String msgId) {
}
