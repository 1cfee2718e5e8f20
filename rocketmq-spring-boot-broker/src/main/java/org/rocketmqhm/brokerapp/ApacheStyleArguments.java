package org.rocketmqhm.brokerapp;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * Apache's command-line options ({@code -c broker.properties}, {@code -n host:port}) translated into Spring
 * properties; every other argument passes through to Spring Boot unchanged.
 *
 * @since 0.1.0
 */
@Command(name = "rocketmq-spring-boot-broker", mixinStandardHelpOptions = false)
final class ApacheStyleArguments {

    @Option(names = "-c", description = "broker configuration file with Apache's keys")
    String configFile;

    @Option(names = "-n", description = "name server addresses, separated by ';'")
    String namesrvAddr;

    /** @return Spring Boot arguments equivalent to the given command line */
    static String[] toSpringArguments(String[] args) {
        ApacheStyleArguments parsed = new ApacheStyleArguments();
        CommandLine commandLine = new CommandLine(parsed);
        commandLine.setUnmatchedArgumentsAllowed(true);
        commandLine.setUnmatchedOptionsArePositionalParams(true);
        CommandLine.ParseResult result = commandLine.parseArgs(args);
        List<String> springArgs = new ArrayList<>(result.unmatched());
        if (parsed.configFile != null) {
            springArgs.add("--rocketmq.broker.config-file=" + parsed.configFile);
        }
        if (parsed.namesrvAddr != null) {
            springArgs.add("--rocketmq.broker.namesrv-addr=" + parsed.namesrvAddr);
        }
        return springArgs.toArray(String[]::new);
    }
}
