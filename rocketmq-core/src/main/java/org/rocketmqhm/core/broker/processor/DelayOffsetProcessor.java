package org.rocketmqhm.core.broker.processor;

import org.rocketmqhm.core.broker.schedule.DelayOffsetTable;
import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RequestProcessor;

/**
 * GET_ALL_DELAY_OFFSET (45): answers the schedule service's per-level offsets as
 * {@code {"offsetTable":{level:offset}}}. Thread-safe.
 *
 * @since 0.1.0
 */
public final class DelayOffsetProcessor implements RequestProcessor {

    private final DelayOffsetTable offsets;

    public DelayOffsetProcessor(DelayOffsetTable offsets) {
        this.offsets = offsets;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) {
        return RemotingCommand.response(ResponseCode.SUCCESS, null).setBody(RemotingJson.encode(offsets.snapshot()));
    }
}
