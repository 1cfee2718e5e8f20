#!/bin/sh
# Shared launcher for mqnamesrv and mqbroker: runs the Rocketmq-Hm application jar in the foreground.
# Environment: JAVA_HOME (optional), JAVA_OPT (JVM options, default -Xmx256m), ROCKETMQ_HM_JAR (jar path),
# ROCKETMQ_HM_CDS (true by default: start from a class-data-sharing archive, see below), ROCKETMQ_HM_CDS_DIR
# (where the archive and its logs live; default: a "cds" folder next to the jar).
#
# Class-data sharing: loading and verifying about 8,000 classes is most of the start-up time on a small machine.
# The first start after a new jar runs it once briefly with throwaway ports and store, recording the classes it
# loads into an archive (-XX:ArchiveClassesAtExit); every start after that maps the archive
# (-XX:SharedArchiveFile) and skips that work. The jar is a flat class path, so the archive is recorded from it
# as it is. Any failure on the way falls back to plain "java -jar".
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
# absolute: the archive records the class path it was made with, and later starts must name the same jar
JAR="$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")"
JAVA_OPT=${JAVA_OPT:-"-Xmx256m"}
CDS_OPT=""

# prepare_cds CACHE: records the archive into CACHE; returns non-zero on any failure.
prepare_cds() {
    cache=$1
    rm -rf "$cache"
    mkdir -p "$cache" || return 1
    scratch="$cache/training"
    mkdir -p "$scratch"
    echo "Rocketmq-Hm: first start of this jar, recording a class-data-sharing archive (a few seconds)..." >&2
    # shellcheck disable=SC2086 # JAVA_OPT holds several options on purpose
    "$JAVA" $JAVA_OPT -XX:ArchiveClassesAtExit="$cache/app.jsa" -Duser.home="$scratch" -jar "$JAR" \
        --server.port=0 --rocketmq.namesrv.listen-port=0 --rocketmq.broker.listen-port=0 \
        --rocketmq.broker.namesrv-addr= --rocketmq.broker.store-path-root-dir="$scratch/store" \
        --rocketmq.broker.brokerIP1=127.0.0.1 > "$cache/training.log" 2>&1 &
    pid=$!
    waited=0
    until grep -q "Rocketmq-Hm ready in" "$cache/training.log" 2>/dev/null; do
        if ! kill -0 "$pid" 2>/dev/null || [ "$waited" -ge 1200 ]; then
            kill -KILL "$pid" 2>/dev/null || true
            return 1
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    kill -TERM "$pid"
    wait "$pid" || true
    rm -rf "$scratch"
    [ -s "$cache/app.jsa" ] || return 1
    touch -r "$JAR" "$cache/app.stamp"
}

if [ "${ROCKETMQ_HM_CDS:-true}" = "true" ]; then
    CACHE=${ROCKETMQ_HM_CDS_DIR:-"$(dirname "$JAR")/cds"}
    if [ ! -f "$CACHE/app.jsa" ] || [ ! -f "$CACHE/app.stamp" ] || [ "$JAR" -nt "$CACHE/app.stamp" ] \
        || [ "$CACHE/app.stamp" -nt "$JAR" ]; then
        if ! prepare_cds "$CACHE"; then
            echo "Rocketmq-Hm: no class-data-sharing archive (see $CACHE); starting without one" >&2
        fi
    fi
    if [ -f "$CACHE/app.jsa" ]; then
        CDS_OPT="-XX:SharedArchiveFile=$CACHE/app.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
    fi
fi
# shellcheck disable=SC2086 # JAVA_OPT and CDS_OPT hold several options on purpose
exec "$JAVA" $JAVA_OPT $CDS_OPT -Drocketmq.hm.role="$ROCKETMQ_HM_ROLE" -jar "$JAR" "$@"
