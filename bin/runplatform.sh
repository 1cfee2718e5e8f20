#!/bin/sh
# Shared launcher for mqnamesrv and mqbroker: runs the Rocketmq-Hm application jar in the foreground.
# Environment: JAVA_HOME (optional), JAVA_OPT (JVM options, default -Xmx256m), ROCKETMQ_HM_JAR (jar path).
set -e
BASE_DIR=$(cd "$(dirname "$0")/.." && pwd)
JAR=${ROCKETMQ_HM_JAR:-"$BASE_DIR/rocketmq-spring-boot-broker/target/rocketmq-spring-boot-broker.jar"}
if [ -n "$JAVA_HOME" ]; then
    JAVA="$JAVA_HOME/bin/java"
else
    JAVA=java
fi
if [ ! -f "$JAR" ]; then
    echo "$JAR not found: build it first with 'mvn -B -DskipTests package'" >&2
    exit 1
fi
JAVA_OPT=${JAVA_OPT:-"-Xmx256m"}
# shellcheck disable=SC2086 # JAVA_OPT holds several options on purpose
exec "$JAVA" $JAVA_OPT -Drocketmq.hm.role="$ROCKETMQ_HM_ROLE" -jar "$JAR" "$@"
