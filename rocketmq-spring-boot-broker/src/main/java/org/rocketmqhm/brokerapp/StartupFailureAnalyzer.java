package org.rocketmqhm.brokerapp;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the platform's start-up failures into one short description and action instead of a stack trace: a
 * name-server or broker port already taken, a store directory that cannot be created or written, a store that
 * cannot be loaded, an unreadable configuration file and an invalid setting (IllegalArgumentException naming the
 * key). The HTTP port is covered by Spring Boot's own analyzer. Registered in {@code META-INF/spring.factories}.
 *
 * @since 0.2.0
 */
public final class StartupFailureAnalyzer implements FailureAnalyzer {

    private static final Pattern PORT_TAKEN = Pattern.compile("(\\S+) cannot listen on port (\\d+): (.*)");

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            FailureAnalysis analysis = analyzeOne(cause);
            if (analysis != null) {
                return analysis;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static FailureAnalysis analyzeOne(Throwable cause) {
        String message = cause.getMessage();
        if (message == null) {
            return null;
        }
        if (cause instanceof IllegalStateException) {
            Matcher port = PORT_TAKEN.matcher(message);
            if (port.find()) {
                String who = "broker".equals(port.group(1)) ? "broker" : "name server";
                String key = "broker".equals(port.group(1)) ? "listenPort (rocketmq.broker.listen-port)"
                    : "rocketmq.namesrv.listen-port";
                return new FailureAnalysis("The " + who + " cannot listen on port " + port.group(2) + ": "
                    + port.group(3) + ".", "Stop the process using port " + port.group(2) + " (for example"
                    + " another broker or name server) or choose another port with " + key + ".", cause);
            }
            if (message.startsWith("store directory ") || message.startsWith("the message store under ")
                || message.startsWith("cannot create abort file")) {
                return new FailureAnalysis("The message store cannot be used: " + message + ".",
                    "Point storePathRootDir (rocketmq.broker.store-path-root-dir) and the other storePath* keys at a"
                        + " directory this user can create and write, or fix its permissions.", cause);
            }
            if (message.startsWith("cannot read broker configuration file")) {
                return new FailureAnalysis(message + ".", "Check the path given with -c"
                    + " (rocketmq.broker.config-file) and that the file is readable.", cause);
            }
        }
        if (cause instanceof IllegalArgumentException && isOurs(cause)) {
            return new FailureAnalysis("Invalid configuration: " + message + ".",
                "Fix the named key in the -c broker.properties file or its rocketmq.broker.* / rocketmq.namesrv.*"
                    + " property (docs/configuration.md lists every key with its default).", cause);
        }
        return null;
    }

    private static boolean isOurs(Throwable cause) {
        StackTraceElement[] trace = cause.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("org.rocketmqhm.");
    }
}
