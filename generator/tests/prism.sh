#!/usr/bin/env bash
# Prism (npm `@stoplight/prism-cli`), a mock server that validates every
# request against an OpenAPI document, for `generator/tests/generator/prism.rs`.
#
#   generator/tests/prism.sh start   installs Prism (once, under target/prism-cli),
#                          starts a static and a dynamic (fixed seed) mock of
#                          ../shared/specs/authentik-2025.12.6.yml and a
#                          static mock of each corpus document below (3.x
#                          and Swagger 2.0) on
#                          loopback, waits until all answer, and prints the
#                          variables to export (the URLs and the log folder)
#   generator/tests/prism.sh stop    stops them
#
# Logs: target/prism-cli/{static,dynamic}.log.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${APIDOCS2RS_SHARED:-$root/../shared}"
spec="$shared/specs/authentik-2025.12.6.yml"
tools="$root/target/prism-cli"
version="5.14.2"
static_port="${PRISM_STATIC_PORT:-4010}"
dynamic_port="${PRISM_DYNAMIC_PORT:-4011}"
seed="${PRISM_SEED:-20251206}"
# Public documents of other APIs (in ../shared/specs/corpus and, Swagger
# 2.0, corpus-v2), each with a static mock on the next port from 4020.
# `oai-3.1-webhook-example.yaml` is left out: it has webhooks only, no
# operation to call.
corpus=(
  corpus/ory-hydra.json corpus/sonarr-v3.json corpus/twilio-accounts-v1.json corpus/openai.yaml
  corpus/oai-3.1-non-oauth-scopes.yaml corpus/oai-api-with-examples.yaml
  corpus/oai-callback-example.yaml corpus/oai-link-example.yaml
  corpus/oai-petstore-expanded.yaml corpus/oai-uspto.yaml
  corpus-v2/gitea.json corpus-v2/oai-v2-api-with-examples.json
  corpus-v2/oai-v2-petstore-expanded.json corpus-v2/oai-v2-petstore-with-external-docs.json
  corpus-v2/oai-v2-petstore.json corpus-v2/oai-v2-uber.json
)
corpus_port="${PRISM_CORPUS_PORT:-4020}"

stop() {
  for mode in static dynamic "${corpus[@]##*/}"; do
    if [ -f "$tools/$mode.pid" ]; then
      kill -- "-$(cat "$tools/$mode.pid")" 2>/dev/null || true
      rm -f "$tools/$mode.pid"
    fi
  done
}

# Whether something accepts connections on loopback port $1.
listening() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

case "${1:-}" in
  start)
    [ -f "$spec" ] || { echo "no document at $spec" >&2; exit 2; }
    mkdir -p "$tools"
    if [ ! -x "$tools/node_modules/.bin/prism" ]; then
      npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "@stoplight/prism-cli@$version" >&2
    fi
    stop
    # Each server in a session of its own, so it outlives this script and
    # `stop` can end it with its children.
    setsid "$tools/node_modules/.bin/prism" mock -h 127.0.0.1 -p "$static_port" "$spec" \
      >"$tools/static.log" 2>&1 < /dev/null &
    echo $! > "$tools/static.pid"
    setsid "$tools/node_modules/.bin/prism" mock -d --seed "$seed" -h 127.0.0.1 -p "$dynamic_port" "$spec" \
      >"$tools/dynamic.log" 2>&1 < /dev/null &
    echo $! > "$tools/dynamic.pid"
    corpus_urls=()
    ports=("$static_port" "$dynamic_port")
    for index in "${!corpus[@]}"; do
      document="${corpus[$index]}"
      name="${document##*/}"
      port=$((corpus_port + index))
      setsid "$tools/node_modules/.bin/prism" mock -h 127.0.0.1 -p "$port" \
        "$shared/specs/$document" >"$tools/$name.log" 2>&1 < /dev/null &
      echo $! > "$tools/$name.pid"
      corpus_urls+=("$document=http://127.0.0.1:$port")
      ports+=("$port")
    done
    for _ in $(seq 300); do
      all=1
      for port in "${ports[@]}"; do listening "$port" || all=0; done
      if [ "$all" = 1 ]; then
        echo "export PRISM_STATIC_URL=http://127.0.0.1:$static_port"
        echo "export PRISM_DYNAMIC_URL=http://127.0.0.1:$dynamic_port"
        echo "export PRISM_CORPUS='$(IFS=' '; echo "${corpus_urls[*]}")'"
        echo "export PRISM_LOG_DIR=$tools"
        exit 0
      fi
      sleep 1
    done
    echo "Prism did not start within 300 s; logs in $tools" >&2
    tail -20 "$tools/static.log" "$tools/dynamic.log" >&2
    stop
    exit 1
    ;;
  stop) stop ;;
  *) echo "usage: generator/tests/prism.sh start|stop" >&2; exit 2 ;;
esac
