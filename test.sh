#!/usr/bin/env bash
# Runs every Muster test: the .NET suites (dotnet test Muster.slnx), the Node suite (tests/node,
# against the real service started from the Release build) and the fault suite's short form (tests/faults). Prerequisites as in run.sh.
# The last line is always `N passed, N failed[, N skipped]`; exit 0 only when everything passed and
# both suites ran (a suite that could not run counts as one failure).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")" || exit 1
SECONDS=0

RESULTS=.muster/test-results
TEST_PORT=${MUSTER_TEST_PORT:-5181}
SERVICE_URL="http://127.0.0.1:$TEST_PORT"
SERVICE_DIR=src/Muster.Api
SERVICE_DLL=bin/Release/net10.0/Muster.Api.dll     # relative to SERVICE_DIR
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# No MSBuild node lingers after the build (it would hold on to a CI log pipe).
export MSBUILDDISABLENODEREUSE=${MSBUILDDISABLENODEREUSE:-1}

passed=0 failed=0 skipped=0
problems=()
service_pid=""

say() { printf '\n== %s\n' "$*"; }

# A suite that could not run, or did not finish cleanly: one failure, and the reason at the end.
problem() {
    problems+=("$1")
    failed=$((failed + 1))
    printf 'test.sh: %s\n' "$1" >&2
}

# What failed, again at the end: CI shows only the tail of a long run, where the failures scrolled away.
recap_failures() {
    ((failed > 0)) || return 0
    echo
    echo "== what failed"
    # dotnet test's console logger: "  Failed <test> [time]", then its error message and stack trace.
    [[ -f $RESULTS/dotnet.log ]] && awk '/^  Failed /{n=14} n>0{print; n--}' "$RESULTS/dotnet.log"
    local f
    for f in "$RESULTS/node.tap" "$RESULTS/faults.tap" "$RESULTS/e2e.log"; do
        [[ -f $f ]] && grep -E -A8 '^not ok |^ *✘ ' "$f"
    done
    return 0
}

finish() {
    local p
    stop_service
    recap_failures
    if ((${#problems[@]} > 0)); then
        echo
        for p in "${problems[@]}"; do echo "NOT OK: $p"; done
    fi
    printf '\ntotal time %dm%02ds\n' $((SECONDS / 60)) $((SECONDS % 60))
    if ((skipped > 0)); then
        echo "$passed passed, $failed failed, $skipped skipped"
    else
        echo "$passed passed, $failed failed"
    fi
    trap - EXIT
    ((failed == 0)) && exit 0
    exit 1
}

stop_service() {
    [[ -n $service_pid ]] || return 0
    if kill -0 "$service_pid" 2>/dev/null; then
        kill -TERM "$service_pid" 2>/dev/null
        local i
        for ((i = 0; i < 50; i++)); do
            kill -0 "$service_pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -KILL "$service_pid" 2>/dev/null
    fi
    wait "$service_pid" 2>/dev/null
    service_pid=""
}

trap stop_service EXIT
trap 'echo; echo "test.sh: interrupted" >&2; stop_service; exit 130' INT
trap 'stop_service; exit 143' TERM

# Sums the <Counters .../> of every trx file given: sets trx_passed/trx_failed/trx_skipped/trx_total.
# failed includes the error/timeout/aborted outcomes. skipped is notExecuted, or total - executed
# when that is larger (VSTest's trx leaves a skipped test out of `executed` with notExecuted="0").
trx_sum() {
    local f counters attr n
    local -A c
    trx_passed=0 trx_failed=0 trx_skipped=0 trx_total=0
    for f in "$@"; do
        counters=$(grep -o '<Counters [^>]*>' "$f" | head -n 1)
        [[ -n $counters ]] || continue
        for attr in total executed passed failed error timeout aborted notExecuted; do
            n=$(sed -n "s/.*[[:space:]]$attr=\"\([0-9][0-9]*\)\".*/\1/p" <<<"$counters")
            c[$attr]=${n:-0}
        done
        [[ $counters == *' executed="'* ]] || c[executed]=${c[total]}
        n=$((c[total] - c[executed]))
        ((n < c[notExecuted])) && n=${c[notExecuted]}
        trx_total=$((trx_total + c[total]))
        trx_passed=$((trx_passed + c[passed]))
        trx_failed=$((trx_failed + c[failed] + c[error] + c[timeout] + c[aborted]))
        trx_skipped=$((trx_skipped + n))
    done
}

# Reads the summary of a node --test TAP output: sets tap_pass/tap_fail/tap_skipped/tap_todo/
# tap_cancelled/tap_tests; returns 1 when there is no summary (the run did not complete).
tap_sum() {
    local file=$1 key
    tap_pass=0 tap_fail=0 tap_skipped=0 tap_todo=0 tap_cancelled=0 tap_tests=0
    grep -Eq '^# pass [0-9]+' "$file" || return 1
    for key in tests pass fail skipped todo cancelled; do
        local n
        n=$(grep -E "^# $key [0-9]+\$" "$file" | tail -n 1 | awk '{print $3}')
        printf -v "tap_$key" '%d' "${n:-0}"
    done
}

# --- prerequisites -------------------------------------------------------------------------------
say "prerequisites"
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
if ! muster_db_ensure; then
    problem ".NET suite not run: PostgreSQL/PostGIS is not available (see above)"
    problem "Node suite not run: PostgreSQL/PostGIS is not available (see above)"
    finish
fi
muster_signing_key || { problem "no signing key"; finish; }
# shellcheck source=scripts/gdal.sh
source scripts/gdal.sh
# Without GDAL the OGC API tests in the Node suite fail (each one counts); say why up front.
muster_gdal_ensure || problem "GDAL (ogrinfo) is not available: the OGC API – Features tests cannot read the service"
# shellcheck source=scripts/reports.sh
source scripts/reports.sh
muster_report_font_ensure --tests || problem "fonts-droid-fallback or poppler-utils is missing: the reports' PDF test fails"

node_ready=1
if [[ -f tests/node/package.json ]]; then
    node_install=(ci)
    [[ -f tests/node/package-lock.json ]] || node_install=(install)
    if ! (cd tests/node && npm "${node_install[@]}" --no-audit --no-fund); then
        problem "Node suite not run: npm ${node_install[0]} in tests/node failed"
        node_ready=""
    fi
else
    problem "Node suite not run: tests/node/package.json does not exist"
    node_ready=""
fi
muster_ide_build
# shellcheck source=scripts/console.sh
source scripts/console.sh
muster_console_build

rm -rf "$RESULTS"
mkdir -p "$RESULTS"

# --- .NET ----------------------------------------------------------------------------------------
say "dotnet build Muster.slnx -c Release"
if [[ ! -f Muster.slnx ]]; then
    problem ".NET suite not run: Muster.slnx does not exist"
    [[ -n $node_ready ]] && problem "Node suite not run: nothing to build the service from"
    finish
fi
if ! dotnet build Muster.slnx -c Release; then
    problem ".NET suite not run: dotnet build Muster.slnx -c Release failed (errors above)"
    [[ -n $node_ready ]] && problem "Node suite not run: the service did not build"
    finish
fi

say "dotnet test Muster.slnx -c Release"
if grep -qs 'Microsoft.Testing.Platform' global.json; then
    # global.json selects Microsoft.Testing.Platform: its dotnet test takes other options.
    dotnet test --solution Muster.slnx -c Release --no-build --report-trx --results-directory "$RESULTS"
else
    dotnet test Muster.slnx -c Release --no-build --logger trx --results-directory "$RESULTS"
fi 2>&1 | tee "$RESULTS/dotnet.log"
dotnet_rc=${PIPESTATUS[0]}
mapfile -t trx_files < <(find "$RESULTS" -name '*.trx' -type f | sort)
trx_sum "${trx_files[@]}"
if ((${#trx_files[@]} == 0 || trx_total == 0)); then
    problem ".NET suite did not run: no test results in $RESULTS (dotnet test exit code $dotnet_rc)"
else
    passed=$((passed + trx_passed))
    failed=$((failed + trx_failed))
    skipped=$((skipped + trx_skipped))
    echo ".NET: $trx_passed passed, $trx_failed failed, $trx_skipped skipped (${#trx_files[@]} trx files)"
    if ((dotnet_rc != 0 && trx_failed == 0)); then
        problem "dotnet test exited with code $dotnet_rc although no test failed (a test host crashed or a project did not run?)"
    fi
fi

# --- Node ----------------------------------------------------------------------------------------
run_node_suite() {
    say "service for the Node suite on $SERVICE_URL"
    if [[ ! -f $SERVICE_DIR/$SERVICE_DLL ]]; then
        problem "Node suite not run: $SERVICE_DIR/$SERVICE_DLL does not exist"
        return
    fi
    if ! muster_db_recreate muster_node; then
        problem "Node suite not run: could not recreate database muster_node"
        return
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$TEST_PORT") 2>/dev/null; then
        problem "Node suite not run: port $TEST_PORT is already in use (another service? set MUSTER_TEST_PORT)"
        return
    fi
    local cs code
    cs=$(muster_db_connstring muster_node)
    # Content root = src/Muster.Api, so that wwwroot (the IDE) and appsettings.json are found.
    (
        cd "$SERVICE_DIR" &&
            ConnectionStrings__Muster=$cs ASPNETCORE_ENVIRONMENT=Production \
                exec dotnet "$SERVICE_DLL" --urls "$SERVICE_URL"
    ) >"$RESULTS/service.log" 2>&1 </dev/null &
    service_pid=$!
    code=""
    local deadline=$((SECONDS + 60))
    while ((SECONDS < deadline)); do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$SERVICE_URL/health/ready")
        [[ $code == 200 ]] && break
        if ! kill -0 "$service_pid" 2>/dev/null; then
            code=exited
            break
        fi
        sleep 0.5
    done
    if [[ $code != 200 ]]; then
        echo "--- last lines of $RESULTS/service.log ---"
        tail -n 40 "$RESULTS/service.log"
        echo "---"
        if [[ $code == exited ]]; then
            problem "Node suite not run: the service exited before $SERVICE_URL/health/ready answered"
        else
            problem "Node suite not run: $SERVICE_URL/health/ready did not answer 200 within 60 s (last: ${code:-none})"
        fi
        return
    fi
    echo "service ready (log: $RESULTS/service.log)"

    say "node --test tests/node/"
    MUSTER_URL="$SERVICE_URL/graphql" MUSTER_SIGNING_KEY=$Auth__SigningKey \
        node --test --test-reporter=tap tests/node/ 2>&1 | tee "$RESULTS/node.tap"
    local node_rc=${PIPESTATUS[0]}
    if ! tap_sum "$RESULTS/node.tap"; then
        problem "Node suite did not complete: no summary in its output (node exit code $node_rc)"
        return
    fi
    if ((tap_tests == 0)); then
        problem "Node suite ran no tests (node --test found no test files in tests/node/?)"
        return
    fi
    passed=$((passed + tap_pass))
    failed=$((failed + tap_fail + tap_cancelled))
    skipped=$((skipped + tap_skipped + tap_todo))
    echo "Node: $tap_pass passed, $((tap_fail + tap_cancelled)) failed, $((tap_skipped + tap_todo)) skipped"
    if ((node_rc != 0 && tap_fail + tap_cancelled == 0)); then
        problem "node --test exited with code $node_rc although no test failed"
    fi
}

if [[ -n $node_ready ]]; then
    run_node_suite
fi
stop_service

# --- Fault suite (short form) ------------------------------------------------------------------------
# Two instances of the Release build on a private PostgreSQL it creates under .muster/faults (port
# MUSTER_FAULT_PG_PORT, default 54343; instances on the first free ports of MUSTER_FAULT_PORTS, default 5195-5199). The full form:
# MUSTER_FAULTS=full node --test tests/faults/ (README, "Running it in production").
run_fault_suite() {
    say "fault suite (short form): node --test tests/faults/"
    if ! (cd tests/faults && npm ci --no-audit --no-fund); then
        problem "fault suite not run: npm ci in tests/faults failed"
        return
    fi
    timeout 300 node --test --test-reporter=tap tests/faults/ 2>&1 | tee "$RESULTS/faults.tap"
    local rc=${PIPESTATUS[0]}
    if ! tap_sum "$RESULTS/faults.tap" || ((tap_tests == 0)); then
        problem "fault suite did not complete (exit code $rc; instance logs in .muster/faults/)"
        return
    fi
    passed=$((passed + tap_pass))
    failed=$((failed + tap_fail + tap_cancelled))
    skipped=$((skipped + tap_skipped + tap_todo))
    echo "Faults: $tap_pass passed, $((tap_fail + tap_cancelled)) failed"
    if ((rc != 0 && tap_fail + tap_cancelled == 0)); then
        problem "the fault suite exited with code $rc although no test failed"
    fi
}
run_fault_suite

# --- Console (Playwright) ------------------------------------------------------------------------
# Against the Release build on a fresh database with the demo data, in Development so that the loopback role
# picker is offered; its own database and port. Screenshots go to .muster/e2e/.
run_console_suite() {
    local port=$((TEST_PORT + 1)) url cs code
    url="http://127.0.0.1:$port"
    say "service for the console suite on $url"
    if ! muster_browser_ensure; then
        problem "Console suite not run: chromium or fonts-noto-cjk is missing (see above)"
        return
    fi
    if [[ ! -f src/Muster.Api/wwwroot/console/index.html ]]; then
        problem "Console suite not run: the console was not built (see the console build above)"
        return
    fi
    if ! muster_db_recreate muster_e2e; then
        problem "Console suite not run: could not recreate database muster_e2e"
        return
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        problem "Console suite not run: port $port is already in use"
        return
    fi
    cs=$(muster_db_connstring muster_e2e)
    (
        cd "$SERVICE_DIR" &&
            ConnectionStrings__Muster=$cs ASPNETCORE_ENVIRONMENT=Development Seed__Path="$PWD/../../seed-data" \
            Hazards__OverdueCheckInterval=00:00:05 \
                exec dotnet "$SERVICE_DLL" --urls "$url"
    ) >"$RESULTS/console-service.log" 2>&1 </dev/null &
    service_pid=$!
    local deadline=$((SECONDS + 90))
    # Ready when the demo data is in: the seed's last step logs "seed loaded".
    while ((SECONDS < deadline)); do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url/health/ready")
        [[ $code == 200 ]] && grep -q 'seed loaded' "$RESULTS/console-service.log" && break
        kill -0 "$service_pid" 2>/dev/null || break
        sleep 0.5
    done
    if [[ $code != 200 ]] || ! grep -q 'seed loaded' "$RESULTS/console-service.log"; then
        tail -n 40 "$RESULTS/console-service.log"
        problem "Console suite not run: the service on $url did not become ready with the demo data"
        return
    fi
    say "playwright test (console/e2e)"
    (cd console && MUSTER_CONSOLE_URL=$url PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/../$RESULTS/e2e.json" \
        npx playwright test --reporter=list,json) 2>&1 | tee "$RESULTS/e2e.log"
    local e2e_rc=${PIPESTATUS[0]} counts
    counts=$(node -e 'const s = require(process.argv[1]).stats; console.log(s.expected, s.unexpected + s.flaky, s.skipped)' \
        "$PWD/$RESULTS/e2e.json" 2>/dev/null)
    if [[ -z $counts ]]; then
        problem "Console suite did not complete: no results in $RESULTS/e2e.json (exit code $e2e_rc)"
        return
    fi
    read -r e2e_passed e2e_failed e2e_skipped <<<"$counts"
    if ((e2e_passed + e2e_failed == 0)); then
        problem "Console suite ran no tests"
        return
    fi
    passed=$((passed + e2e_passed))
    failed=$((failed + e2e_failed))
    skipped=$((skipped + e2e_skipped))
    echo "Console: $e2e_passed passed, $e2e_failed failed, $e2e_skipped skipped (screenshots in .muster/e2e/)"
}

if [[ -n $node_ready || -f console/package.json ]]; then
    [[ -d console/node_modules/@playwright/test ]] || (cd console && npm ci --no-audit --no-fund)
    run_console_suite
fi
finish
