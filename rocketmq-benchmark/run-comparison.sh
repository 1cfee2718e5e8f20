#!/usr/bin/env bash
# Runs the same scenarios against Apache RocketMQ 4.9.7 (name server + broker from Maven Central) and against our
# broker application, alternating, ROUNDS times each, for each flush type; prints ours/Apache ratios.
# Everything listens on 127.0.0.1; every child process is killed on exit.
#
# Environment knobs (defaults in brackets):
#   DURATION [30]  WARMUP [5]  ROUNDS [2]  FLUSH_TYPES ["ASYNC_FLUSH SYNC_FLUSH"]  RATE [2000]
#   SCENARIOS [produce-1k-8t,produce-1k-32t,produce-16k-4t,consume,e2e,rss]  SIDES ["apache ours"]
#   SKIP_BUILD [0]  APACHE_BROKER_HEAP [1g]  APACHE_NAMESRV_HEAP [256m]  OURS_HEAP [256m]  READY_TIMEOUT [90]
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-5}
ROUNDS=${ROUNDS:-2}
FLUSH_TYPES=${FLUSH_TYPES:-"ASYNC_FLUSH SYNC_FLUSH"}
RATE=${RATE:-2000}
SCENARIOS=${SCENARIOS:-produce-1k-8t,produce-1k-32t,produce-16k-4t,consume,e2e,rss}
SIDES=${SIDES:-"apache ours"}
APACHE_BROKER_HEAP=${APACHE_BROKER_HEAP:-1g}
APACHE_NAMESRV_HEAP=${APACHE_NAMESRV_HEAP:-256m}
OURS_HEAP=${OURS_HEAP:-256m}
# How our broker is launched: "cds" through bin/runplatform.sh (class-data-sharing archive recorded once, before
# the rounds, unmeasured), or "jar" as plain `java -jar`.
OURS_LAUNCH=${OURS_LAUNCH:-cds}
READY_TIMEOUT=${READY_TIMEOUT:-90}

WORK=$(mktemp -d /tmp/rocketmq-bench.XXXXXX)
RESULTS="$WORK/results.jsonl"
: > "$RESULTS"
CHILDREN=()

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

kill_children() {
  local pid
  for pid in "${CHILDREN[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${CHILDREN[@]}"; do
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
  done
  CHILDREN=()
}
trap 'kill_children' EXIT
trap 'exit 130' INT TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A port P with P-2 and P+1 free too (Apache's broker also binds listenPort-2 and listenPort+1).
free_port() {
  local p
  while true; do
    p=$(( 20000 + RANDOM % 25000 ))
    if ! port_in_use "$p" && ! port_in_use $((p - 2)) && ! port_in_use $((p + 1)); then
      echo "$p"; return
    fi
  done
}

now_ms() { date +%s%3N; }

# wait_line FILE PATTERN TIMEOUT_S: prints the first matching line, fails on timeout.
wait_line() {
  local file=$1 pattern=$2 deadline=$(( $(date +%s) + $3 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if grep -m1 "$pattern" "$file" 2>/dev/null; then return 0; fi
    sleep 0.01
  done
  return 1
}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "building (mvn -q -DskipTests package)"
  (cd "$ROOT" && mvn -B -q -DskipTests package)
fi
BENCH_JAR="$HERE/target/rocketmq-benchmark.jar"
OURS_JAR="$ROOT/rocketmq-spring-boot-broker/target/rocketmq-spring-boot-broker.jar"

log "resolving Apache RocketMQ 4.9.7 name server and broker from Maven Central"
(cd "$HERE/apache-runtime" && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$WORK/apache.classpath")
APACHE_CP=$(cat "$WORK/apache.classpath")

JAVA_OPENS="--add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
 --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED"
# G1 settings of Apache's runbroker.sh/runserver.sh for JDK 9+, without -XX:+AlwaysPreTouch (it would make the
# resident memory of Apache's broker its whole heap and skew the RSS comparison).
APACHE_GC="-XX:+UseG1GC -XX:G1HeapRegionSize=16m -XX:G1ReservePercent=25 -XX:InitiatingHeapOccupancyPercent=30
 -XX:SoftRefLRUPolicyMSPerMB=0 -XX:-OmitStackTraceInFastThrow"

write_logback() { # FILE LOGFILE
  cat > "$1" <<XML
<configuration>
  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
    <file>$2</file>
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder>
  </appender>
  <root level="INFO"><appender-ref ref="FILE"/></root>
</configuration>
XML
}

# start_waiter NAMESRV RUN: starts the readiness probe and waits until it polls; sets WAITER_OUT.
start_waiter() {
  WAITER_OUT="$2/waiter.out"
  java -cp "$BENCH_JAR" -Drocketmq.client.logRoot="$2/client-logs" org.rocketmqhm.benchmark.WaitReady "$1" \
    "$READY_TIMEOUT" > "$WAITER_OUT" 2>&1 &
  CHILDREN+=($!)
  wait_line "$WAITER_OUT" '^POLLING' 60 > /dev/null
}

# Sets NAMESRV, PIDS, STARTUP_MS or returns 1.
start_apache() { # FLUSH RUN
  local flush=$1 run=$2 np bp t0 t1 ready
  np=$(free_port); bp=$(free_port)
  NAMESRV="127.0.0.1:$np"
  mkdir -p "$run/home/conf" "$run/store" "$run/logs"
  write_logback "$run/home/conf/logback_namesrv.xml" "$run/logs/namesrv.log"
  write_logback "$run/home/conf/logback_broker.xml" "$run/logs/broker.log"
  echo "listenPort=$np" > "$run/namesrv.properties"
  cat > "$run/broker.properties" <<PROPS
brokerClusterName=BenchCluster
brokerName=bench-broker
brokerId=0
brokerRole=ASYNC_MASTER
brokerIP1=127.0.0.1
listenPort=$bp
namesrvAddr=$NAMESRV
storePathRootDir=$run/store
storePathCommitLog=$run/store/commitlog
flushDiskType=$flush
autoCreateTopicEnable=true
PROPS
  start_waiter "$NAMESRV" "$run"
  t0=$(now_ms)
  ROCKETMQ_HOME="$run/home" java -server -Xms$APACHE_NAMESRV_HEAP -Xmx$APACHE_NAMESRV_HEAP $APACHE_GC $JAVA_OPENS \
    -Duser.home="$run/home" -cp "$APACHE_CP" org.apache.rocketmq.namesrv.NamesrvStartup -c "$run/namesrv.properties" \
    > "$run/logs/namesrv.out" 2>&1 &
  local npid=$!; CHILDREN+=($npid)
  ready=$(wait_line "$WAITER_OUT" '^NAMESRV_READY' "$READY_TIMEOUT") || { log "apache name server not ready"; return 1; }
  local namesrv_ms=$(( ${ready#NAMESRV_READY } - t0 ))
  t1=$(now_ms)
  ROCKETMQ_HOME="$run/home" java -server -Xms$APACHE_BROKER_HEAP -Xmx$APACHE_BROKER_HEAP $APACHE_GC $JAVA_OPENS \
    -Duser.home="$run/home" -cp "$APACHE_CP" org.apache.rocketmq.broker.BrokerStartup -c "$run/broker.properties" \
    > "$run/logs/broker.out" 2>&1 &
  local bpid=$!; CHILDREN+=($bpid)
  ready=$(wait_line "$WAITER_OUT" '^BROKER_READY' "$READY_TIMEOUT") || { log "apache broker not ready"; return 1; }
  local broker_ms=$(( ${ready#BROKER_READY } - t1 ))
  STARTUP_MS=$(( namesrv_ms + broker_ms ))
  PIDS="$npid,$bpid"
  STARTUP_DETAIL="\"namesrv_ms\":$namesrv_ms,\"broker_ms\":$broker_ms"
}

start_ours() { # FLUSH RUN
  local flush=$1 run=$2 np bp t0 ready
  [ -f "$OURS_JAR" ] || { log "no $OURS_JAR"; return 1; }
  np=$(free_port); bp=$(free_port)
  NAMESRV="127.0.0.1:$np"
  mkdir -p "$run/store" "$run/logs"
  start_waiter "$NAMESRV" "$run"
  t0=$(now_ms)
  # brokerIP1: keep the advertised address on loopback, as for Apache. spring.main.keep-alive: the application
  # (as of 2026-11-23) keeps no non-daemon thread and exits right after start-up without it.
  local launch=(java -Xmx$OURS_HEAP -Duser.home="$run" -jar "$OURS_JAR")
  if [ "$OURS_LAUNCH" = cds ]; then
    launch=(env JAVA_OPT="-Xmx$OURS_HEAP -Duser.home=$run" ROCKETMQ_HM_JAR="$OURS_JAR" ROCKETMQ_HM_CDS_DIR="$WORK/cds"
      "$ROOT/bin/runplatform.sh")
  fi
  "${launch[@]}" --rocketmq.namesrv.listen-port="$np" \
    --rocketmq.broker.listen-port="$bp" --rocketmq.broker.namesrv-addr="$NAMESRV" \
    --rocketmq.broker.store-path-root-dir="$run/store" --rocketmq.broker.flush-disk-type="$flush" \
    --rocketmq.broker.brokerIP1=127.0.0.1 --spring.main.keep-alive=true \
    > "$run/logs/ours.out" 2>&1 &
  local pid=$!; CHILDREN+=($pid)
  ready=$(wait_line "$WAITER_OUT" '^BROKER_READY' "$READY_TIMEOUT") || { log "our broker not ready"; return 1; }
  STARTUP_MS=$(( ${ready#BROKER_READY } - t0 ))
  PIDS="$pid"
  STARTUP_DETAIL="\"process_ms\":$STARTUP_MS,\"launch\":\"$OURS_LAUNCH\""
}

run_side() { # SIDE FLUSH ROUND
  local side=$1 flush=$2 round=$3 label="$1/$2/$3" run="$WORK/$1-$2-$3"
  mkdir -p "$run"
  log "== $label: starting"
  if ! "start_$side" "$flush" "$run"; then
    echo "BENCH {\"label\":\"$label\",\"scenario\":\"startup\",\"ready\":false}" | tee -a "$RESULTS"
    kill_children
    return 0
  fi
  echo "BENCH {\"label\":\"$label\",\"scenario\":\"startup\",\"ready\":true,\"startup_ms\":$STARTUP_MS,$STARTUP_DETAIL}" \
    | tee -a "$RESULTS"
  java -cp "$BENCH_JAR" -Drocketmq.client.logRoot="$run/client-logs" org.rocketmqhm.benchmark.BenchmarkCommand \
    --namesrv "$NAMESRV" --scenarios rss-idle --broker-pid "$PIDS" --label "$label" | grep '^BENCH ' | tee -a "$RESULTS"
  log "== $label: load (duration ${DURATION}s, warm-up ${WARMUP}s)"
  java -Xmx1g -cp "$BENCH_JAR" -Drocketmq.client.logRoot="$run/client-logs" org.rocketmqhm.benchmark.BenchmarkCommand \
    --namesrv "$NAMESRV" --duration "$DURATION" --warmup "$WARMUP" --rate "$RATE" --scenarios "$SCENARIOS" \
    --broker-pid "$PIDS" --label "$label" | tee "$run/bench.out" | grep '^BENCH ' | tee -a "$RESULTS" || true
  kill_children
  rm -rf "$run/store"   # commit logs can reach gigabytes; logs stay for inspection
}

log "work dir $WORK"
if [ "$OURS_LAUNCH" = cds ] && [[ " $SIDES " == *" ours "* ]]; then
  log "recording our class-data-sharing archive (unmeasured)"
  mkdir -p "$WORK/cds-training"
  JAVA_OPT="-Xmx$OURS_HEAP" ROCKETMQ_HM_JAR="$OURS_JAR" ROCKETMQ_HM_CDS_DIR="$WORK/cds" "$ROOT/bin/runplatform.sh" \
    --rocketmq.namesrv.listen-port=0 --rocketmq.broker.listen-port=0 --server.port=0 \
    --rocketmq.broker.store-path-root-dir="$WORK/cds-training/store" > "$WORK/cds-training/out.log" 2>&1 &
  CHILDREN+=($!)
  wait_line "$WORK/cds-training/out.log" 'Rocketmq-Hm ready in' "$READY_TIMEOUT" > /dev/null || log "no CDS archive"
  kill_children
  rm -rf "$WORK/cds-training"
fi
for flush in $FLUSH_TYPES; do
  for round in $(seq 1 "$ROUNDS"); do
    # Alternate which side goes first, so neither always runs on a warmer (or hotter) machine.
    if [ $((round % 2)) -eq 1 ]; then order="$SIDES"; else order=$(echo "$SIDES" | awk '{for(i=NF;i>0;i--) printf "%s ", $i}'); fi
    for side in $order; do
      run_side "$side" "$flush" "$round"
    done
  done
done

echo
echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1)"
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Results: $RESULTS (means over rounds)"
java -cp "$BENCH_JAR" org.rocketmqhm.benchmark.Summary "$RESULTS"
