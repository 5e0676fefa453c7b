# shellcheck shell=bash
# PostgreSQL 15 + PostGIS for Muster: sourced by run.sh and test.sh.
#
#   source scripts/postgres.sh
#   muster_db_ensure               # private cluster (or the external one), database, postgis, exports
#   muster_db_recreate NAME        # drop + create NAME with postgis (test databases)
#   muster_db_connstring NAME      # prints ConnectionStrings__Muster with Database=NAME
#   muster_db_standby_ensure       # streaming standby of the private cluster (port + 1), exports ConnectionStrings__MusterReads
#   muster_db_stop                 # stops the private cluster and its standby (nothing else)
#   muster_signing_key             # exports Auth__SigningKey (from .muster/signing-key)
#   muster_ide_build               # builds ide/ into src/Muster.Api/wwwroot/ide when stale (muster_app_build)
#   muster_apt_install LABEL PKG…  # Debian packages as root, else prints the command (GDAL, chromium)
#
# With ConnectionStrings__Muster already set, nothing is installed or started: that server is used as is.
# Otherwise a private cluster lives in .muster/pg (data, socket, log, password), listens on
# 127.0.0.1:${MUSTER_PG_PORT:-54329} only, and is the only PostgreSQL these functions ever start or stop.
# Functions return non-zero on failure (they never `exit`: this file is sourced).

MUSTER_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MUSTER_PG_DIR="$MUSTER_ROOT/.muster/pg"
MUSTER_PG_DATA="$MUSTER_PG_DIR/data"
MUSTER_PG_SOCKET="$MUSTER_PG_DIR/socket"
MUSTER_PG_LOG="$MUSTER_PG_DIR/postgres.log"
MUSTER_PG_PWFILE="$MUSTER_PG_DIR/password"
MUSTER_PG_PACKAGES="postgresql-15 postgresql-15-postgis-3"

_muster_say() { printf 'postgres: %s\n' "$*" >&2; }
_muster_fail() { printf 'postgres: ERROR: %s\n' "$*" >&2; return 1; }

_muster_log_tail() {
    if [[ -r $MUSTER_PG_LOG ]]; then
        printf -- '--- last lines of %s ---\n' "${MUSTER_PG_LOG#"$MUSTER_ROOT"/}" >&2
        tail -n 25 "$MUSTER_PG_LOG" >&2
        printf -- '---\n' >&2
    fi
}

# Runs a command as the OS user that owns the cluster: `postgres` when we are root
# (initdb/postgres/pg_ctl refuse root), the current user otherwise. Always from inside .muster/pg so
# that the postgres user never needs the caller's working directory, and with every descriptor above
# 2 closed: a postmaster must not inherit our lock or a caller's pipe (a CI log would never close).
_muster_as_owner() {
    (
        local fd
        for fd in /proc/$BASHPID/fd/*; do
            fd=${fd##*/}
            [[ $fd =~ ^[0-9]+$ ]] && ((fd > 2)) && eval "exec $fd>&-" 2>/dev/null
        done
        cd "$MUSTER_PG_DIR" || exit 1
        if [[ $EUID -eq 0 ]]; then
            exec runuser -u postgres -- "$@"
        else
            exec "$@"
        fi
    )
}

# --- finding binaries ----------------------------------------------------------------------------

# Share directory (where extensions live) of the server in bin dir $1.
_muster_pg_sharedir() {
    local bin=$1 d
    if [[ -x $bin/pg_config ]]; then
        "$bin/pg_config" --sharedir 2>/dev/null && return 0
    fi
    if [[ $bin =~ ^/usr/lib/postgresql/([0-9]+)/bin$ ]]; then   # Debian layout
        echo "/usr/share/postgresql/${BASH_REMATCH[1]}"
        return 0
    fi
    for d in "$bin/../share/postgresql" "$bin/../share"; do    # relocatable source builds
        [[ -d $d/extension ]] && { (cd "$d" && pwd); return 0; }
    done
    return 1
}

# Server bin dir candidates: the one `postgres`/`initdb` on PATH really lives in, then Debian's.
_muster_pg_candidates() {
    local exe
    for exe in postgres initdb; do
        exe=$(command -v "$exe" 2>/dev/null) && dirname "$(readlink -f "$exe")"
    done
    echo /usr/lib/postgresql/15/bin
}

# Sets MUSTER_PG_BINDIR to a PostgreSQL 15 bin dir whose share dir has postgis.control.
# Returns 1 when there is no PostgreSQL 15 at all, 2 when there is one but without PostGIS.
_muster_pg_find() {
    local bin share have15=""
    MUSTER_PG_BINDIR="" MUSTER_PG_BINDIR_ANY=""
    while read -r bin; do
        [[ -x $bin/initdb && -x $bin/pg_ctl && -x $bin/postgres ]] || continue
        [[ $("$bin/postgres" --version 2>/dev/null) =~ \)\ 15\. ]] || continue
        [[ -n $have15 ]] || MUSTER_PG_BINDIR_ANY=$bin
        have15=1
        share=$(_muster_pg_sharedir "$bin") || continue
        if [[ -f $share/extension/postgis.control ]]; then
            MUSTER_PG_BINDIR=$bin
            return 0
        fi
    done < <(_muster_pg_candidates | awk '!seen[$0]++')
    [[ -n $have15 ]] && return 2
    return 1
}

_muster_pg_install() {
    local rc=0 apt_log missing
    _muster_pg_find && return 0 || rc=$?
    if [[ $rc -eq 1 ]]; then
        _muster_say "PostgreSQL 15 is not installed"
        missing=$MUSTER_PG_PACKAGES
    else
        _muster_say "PostGIS is not installed for PostgreSQL 15"
        missing=${MUSTER_PG_PACKAGES#* }   # only postgis: do not upgrade an installed server
    fi
    if [[ $EUID -ne 0 ]]; then
        printf 'postgres: install it with:\n  sudo apt-get update && sudo apt-get install -y %s\n' "$MUSTER_PG_PACKAGES" >&2
        return 1
    fi
    _muster_say "installing $missing (apt-get, takes a minute)"
    mkdir -p "$MUSTER_ROOT/.muster"
    apt_log="$MUSTER_ROOT/.muster/apt.log"
    # shellcheck disable=SC2086  # $missing is a word list
    if ! { DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300 update &&
           DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=300 \
               install --no-install-recommends $missing; } >"$apt_log" 2>&1; then
        tail -n 20 "$apt_log" >&2
        _muster_fail "apt-get install $missing failed (full output: .muster/apt.log)"
        return 1
    fi
    _muster_pg_find && return 0
    _muster_fail "installed $MUSTER_PG_PACKAGES but found no PostgreSQL 15 with postgis.control (looked in: $(_muster_pg_candidates | awk '!seen[$0]++' | tr '\n' ' '))"
}

_muster_psql_bin() {
    local p
    if [[ -n ${MUSTER_PG_BINDIR:-} && -x $MUSTER_PG_BINDIR/psql ]]; then echo "$MUSTER_PG_BINDIR/psql"; return 0; fi
    if p=$(command -v psql 2>/dev/null); then echo "$p"; return 0; fi
    for p in /usr/lib/postgresql/*/bin/psql; do [[ -x $p ]] && { echo "$p"; return 0; }; done
    _muster_fail "psql not found (install postgresql-client-15)"
}

# --- connection strings (Npgsql "Key=Value;..." syntax) -------------------------------------------

# Prints connection string $1 with its Database replaced by $2 (added when missing).
_muster_cs_with_db() {
    local cs=$1 db=$2 part key out="" found=""
    local IFS=';'
    for part in $cs; do
        [[ -z ${part//[[:space:]]/} ]] && continue
        key=${part%%=*}
        key=${key//[[:space:]]/}
        case ${key,,} in
            database | db) part="Database=$db"; found=1 ;;
        esac
        out+="${out:+;}$part"
    done
    [[ -n $found ]] || out+="${out:+;}Database=$db"
    printf '%s\n' "$out"
}

# Sets _MUSTER_CS_HOST/_PORT/_USER/_PASSWORD/_DB/_SSLMODE from connection string $1.
# Good enough for the usual strings; values containing ';' (quoted) are not supported.
_muster_cs_parse() {
    local cs=$1 part key val
    _MUSTER_CS_HOST=localhost _MUSTER_CS_PORT=5432 _MUSTER_CS_USER=${USER:-$(id -un)}
    _MUSTER_CS_PASSWORD="" _MUSTER_CS_DB="" _MUSTER_CS_SSLMODE=""
    local IFS=';'
    for part in $cs; do
        [[ $part == *=* ]] || continue
        key=${part%%=*}; key=${key//[[:space:]]/}
        val=${part#*=}
        val=${val#"${val%%[![:space:]]*}"}; val=${val%"${val##*[![:space:]]}"}   # trim
        if [[ $val =~ ^\"(.*)\"$ || $val =~ ^\'(.*)\'$ ]]; then val=${BASH_REMATCH[1]}; fi
        case ${key,,} in
            host | server) _MUSTER_CS_HOST=${val%%,*} ;;
            port) _MUSTER_CS_PORT=$val ;;
            username | user | userid | uid) _MUSTER_CS_USER=$val ;;
            password | pwd | psw) _MUSTER_CS_PASSWORD=$val ;;
            database | db) _MUSTER_CS_DB=$val ;;
            sslmode)
                case ${val,,} in
                    verifyca | verify-ca) _MUSTER_CS_SSLMODE=verify-ca ;;
                    verifyfull | verify-full) _MUSTER_CS_SSLMODE=verify-full ;;
                    *) _MUSTER_CS_SSLMODE=${val,,} ;;
                esac ;;
        esac
    done
}

# _muster_psql CONNSTRING DATABASE [psql args...]: runs psql against that server, stdin = script.
_muster_psql() {
    local cs=$1 db=$2 psql
    shift 2
    psql=$(_muster_psql_bin) || return 1
    _muster_cs_parse "$cs"
    PGPASSWORD=$_MUSTER_CS_PASSWORD PGOPTIONS='-c client_min_messages=warning' PGSSLMODE=${_MUSTER_CS_SSLMODE:-${PGSSLMODE:-prefer}} PGCONNECT_TIMEOUT=10 \
        "$psql" -X -q -v ON_ERROR_STOP=1 -h "$_MUSTER_CS_HOST" -p "$_MUSTER_CS_PORT" -U "$_MUSTER_CS_USER" \
        -d "$db" "$@"
}

# --- the private cluster -------------------------------------------------------------------------

_muster_pg_port() { echo "${MUSTER_PG_PORT:-54329}"; }

# 0: a postmaster of OUR data dir is alive; 1: no postmaster.pid; 2: stale postmaster.pid.
# A pid is ours only if that process is a postgres whose working directory is our data dir
# (the postmaster chdirs there), so a pid reused by anything else counts as stale.
_muster_pg_state() {
    local pidfile="$MUSTER_PG_DATA/postmaster.pid" pid cwd comm
    [[ -f $pidfile ]] || return 1
    pid=$(head -n 1 "$pidfile" 2>/dev/null)
    [[ $pid =~ ^[0-9]+$ ]] || return 2
    [[ -d /proc/$pid ]] || return 2
    comm=$(cat "/proc/$pid/comm" 2>/dev/null) || return 2
    [[ $comm == postgres* || $comm == postmaster* ]] || return 2
    cwd=$(readlink "/proc/$pid/cwd" 2>/dev/null) || return 2
    [[ $cwd == "$(readlink -f "$MUSTER_PG_DATA")" ]] || return 2
    return 0
}

# Processes (other than a live postmaster) still attached to our data dir: orphans of a crashed one.
_muster_pg_orphans() {
    local p cwd data
    data=$(readlink -f "$MUSTER_PG_DATA")
    for p in /proc/[0-9]*; do
        cwd=$(readlink "$p/cwd" 2>/dev/null) || continue
        [[ $cwd == "$data" ]] && echo "${p#/proc/}"
    done
}

_muster_pg_clear_stale() {
    local pid i orphans
    pid=$(head -n 1 "$MUSTER_PG_DATA/postmaster.pid" 2>/dev/null)
    _muster_say "removing stale postmaster.pid (pid ${pid:-?} is not our postgres; crashed or killed earlier)"
    # Children of a killed postmaster exit on their own within moments; wait for them (they hold the
    # old shared memory, which would make the new postmaster refuse to start).
    for ((i = 0; i < 50; i++)); do
        orphans=$(_muster_pg_orphans)
        [[ -z $orphans ]] && break
        sleep 0.2
    done
    if [[ -n $orphans ]]; then
        _muster_say "stopping leftover processes of the crashed cluster: $(echo "$orphans" | tr '\n' ' ')"
        # shellcheck disable=SC2086
        kill -KILL $orphans 2>/dev/null
        sleep 0.5
    fi
    # The socket lock names the dead postmaster too (a zombie still counts as alive for postgres).
    rm -f "$MUSTER_PG_DATA/postmaster.pid" "$MUSTER_PG_SOCKET"/.s.PGSQL.*
}

_muster_pg_write_conf() {
    local port=$1 sock shared_mb
    # An eighth of the machine's memory, between 128 MB and 2 GB.
    shared_mb=$(awk '/^MemTotal:/ { mb = int($2 / 1024 / 8); print (mb < 128 ? 128 : (mb > 2048 ? 2048 : mb)) }' /proc/meminfo)
    sock=$MUSTER_PG_SOCKET
    # A unix socket path must fit in 107 bytes; with a very deep checkout go TCP-only.
    if (( ${#sock} + 20 > 107 )); then sock=""; fi
    cat >"$MUSTER_PG_DATA/muster.conf" <<EOF
# Written by scripts/postgres.sh on every start: edits are lost.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '${sock//\'/\'\'}'
unix_socket_permissions = 0700
password_encryption = 'scram-sha-256'
max_connections = 300
# Room for the working set of a province-sized load (millions of rows with random uuid keys): with the default
# 128 MB the backends spend their time copying index pages in and out of the OS cache.
shared_buffers = ${shared_mb}MB
# In 2 MB pages when scripts/postgres.sh could reserve them (root), in 4 KB ones otherwise.
huge_pages = try
max_wal_size = 8GB
# WAL a standby stopped for a while (muster_db_standby_ensure) still finds when it starts again.
wal_keep_size = 1GB
checkpoint_timeout = 15min
EOF
    [[ $EUID -eq 0 ]] && chown postgres: "$MUSTER_PG_DATA/muster.conf"
    return 0
}

_muster_pg_owner_setup() {
    [[ $EUID -eq 0 ]] || return 0
    if ! getent passwd postgres >/dev/null; then
        _muster_say "creating OS user postgres"
        useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home \
            --shell /bin/bash postgres || { _muster_fail "could not create OS user postgres"; return 1; }
    fi
    if [[ $(stat -c %U "$MUSTER_PG_DIR") != postgres ]] ||
       [[ -e $MUSTER_PG_DATA && $(stat -c %U "$MUSTER_PG_DATA") != postgres ]]; then
        chown -R postgres: "$MUSTER_PG_DIR" || return 1
    fi
    # The postgres user must be able to traverse every parent of .muster/pg.
    local d=$MUSTER_ROOT/.muster
    if ! runuser -u postgres -- test -x "$MUSTER_PG_DIR"; then
        while [[ $d != / && -n $d ]]; do
            if (( ($(stat -c %a "$d") & 1) == 0 )) && [[ $(stat -c %U "$d") != postgres ]]; then
                _muster_say "chmod o+x $d (so that the postgres user can reach .muster/pg)"
                chmod o+x "$d" || return 1
            fi
            d=$(dirname "$d")
        done
    fi
    runuser -u postgres -- test -w "$MUSTER_PG_DIR" ||
        _muster_fail "the postgres user cannot write to $MUSTER_PG_DIR"
}

_muster_pg_init() {
    local tmp="$MUSTER_PG_DIR/data.initdb" locale_args=(--no-locale) out
    _muster_say "creating private cluster in .muster/pg (initdb)"
    rm -rf "$tmp"
    if locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then locale_args=(--locale=C.UTF-8); fi
    if ! out=$(_muster_as_owner "$MUSTER_PG_BINDIR/initdb" -D "$tmp" -U muster --pwfile="$MUSTER_PG_PWFILE" \
            --auth-local=scram-sha-256 --auth-host=scram-sha-256 --encoding=UTF8 "${locale_args[@]}" 2>&1); then
        printf '%s\n' "$out" | tail -n 20 >&2
        rm -rf "$tmp"
        _muster_fail "initdb failed"
        return 1
    fi
    printf "\n# Muster: port, addresses and socket are set here.\ninclude_if_exists = 'muster.conf'\n" \
        >>"$tmp/postgresql.conf"
    mv "$tmp" "$MUSTER_PG_DATA"   # atomic: a half-made cluster never sits at data/
}

# Huge pages that nothing holds or has claimed: the free ones less those reserved by running servers.
_muster_pg_huge_pages_unused() { awk '/^HugePages_Free:/ { f = $2 } /^HugePages_Rsvd:/ { r = $2 } END { print f - r }' /proc/meminfo; }

# Huge pages for the cluster's shared memory, reserved when we are root and the kernel lets us: on a VM whose page faults
# cost 7–19 µs (measured here), every backend mapping 2 GB of shared buffers 4 KB at a time spent a third of a province's
# rebuild in the kernel (105 s with 4 KB pages, 70–75 s with 2 MB ones). Sized by PostgreSQL itself
# (shared_memory_size_in_huge_pages, on the stopped cluster); only what is missing is added, and the count added is kept
# beside the cluster so that stopping it gives back exactly those. Without them the server starts as before
# (huge_pages = try).
_muster_pg_huge_pages_reserve() {
    [[ $EUID -eq 0 && -w /proc/sys/vm/nr_hugepages ]] || return 0
    local need unused total added
    need=$(_muster_as_owner "$MUSTER_PG_BINDIR/postgres" -D "$MUSTER_PG_DATA" -C shared_memory_size_in_huge_pages 2>/dev/null) || return 0
    [[ $need =~ ^[0-9]+$ ]] || return 0
    unused=$(_muster_pg_huge_pages_unused)
    ((unused < need)) || return 0
    total=$(</proc/sys/vm/nr_hugepages)
    echo $((total + need - unused)) >/proc/sys/vm/nr_hugepages 2>/dev/null || return 0
    added=$(($(</proc/sys/vm/nr_hugepages) - total))
    if ((added < need - unused)); then
        # Too little memory in one piece: the server would take 4 KB pages anyway, so these would only sit idle.
        echo "$total" >/proc/sys/vm/nr_hugepages 2>/dev/null
        return 0
    fi
    echo $(($(cat "$MUSTER_PG_DIR/huge-pages" 2>/dev/null || echo 0) + added)) >"$MUSTER_PG_DIR/huge-pages"
    _muster_say "reserved $added huge pages of 2 MB for the shared buffers (given back when the cluster stops)"
}

# Gives back the huge pages this cluster's start reserved, those not in use (the cluster has stopped).
_muster_pg_huge_pages_release() {
    [[ -f $MUSTER_PG_DIR/huge-pages && $EUID -eq 0 ]] || return 0
    local added unused
    added=$(<"$MUSTER_PG_DIR/huge-pages")
    unused=$(_muster_pg_huge_pages_unused)
    ((added > unused)) && added=$unused
    ((added > 0)) && echo $(($(</proc/sys/vm/nr_hugepages) - added)) >/proc/sys/vm/nr_hugepages 2>/dev/null
    rm -f "$MUSTER_PG_DIR/huge-pages"
}

_muster_pg_start() {
    local port=$1
    _muster_pg_write_conf "$port" || return 1
    _muster_pg_huge_pages_reserve
    mkdir -p "$MUSTER_PG_SOCKET" && chmod 700 "$MUSTER_PG_SOCKET"
    [[ $EUID -eq 0 ]] && chown postgres: "$MUSTER_PG_SOCKET"
    # Keep the log bounded: rotate once it passes 20 MB.
    if [[ -f $MUSTER_PG_LOG ]] && (( $(stat -c %s "$MUSTER_PG_LOG") > 20000000 )); then
        mv -f "$MUSTER_PG_LOG" "$MUSTER_PG_LOG.1"
    fi
    local out
    if ! out=$(_muster_as_owner "$MUSTER_PG_BINDIR/pg_ctl" -D "$MUSTER_PG_DATA" -l "$MUSTER_PG_LOG" \
            -w -t "${MUSTER_PG_START_TIMEOUT:-60}" -s start 2>&1); then
        _muster_log_tail
        [[ -n $out ]] && printf '%s\n' "$out" >&2
        _muster_fail "could not start the private cluster on 127.0.0.1:$port (see above; port taken? then set MUSTER_PG_PORT)"
        return 1
    fi
}

# Waits until a running postmaster accepts connections (it may still be starting or recovering).
_muster_pg_wait_ready() {
    local port=$1 i
    for ((i = 0; i < ${MUSTER_PG_START_TIMEOUT:-60} * 5; i++)); do
        "$MUSTER_PG_BINDIR/pg_isready" -q -h 127.0.0.1 -p "$port" && return 0
        _muster_pg_state || { _muster_log_tail; _muster_fail "the private cluster stopped while starting"; return 1; }
        sleep 0.2
    done
    _muster_log_tail
    _muster_fail "the private cluster on 127.0.0.1:$port does not accept connections"
}

_muster_db_ensure_private() {
    local port pw db cs state started=""
    port=$(_muster_pg_port)
    db=${MUSTER_DB:-muster}

    _muster_pg_install || return 1
    mkdir -p "$MUSTER_PG_DIR" && chmod 700 "$MUSTER_PG_DIR" || return 1

    if [[ ! -s $MUSTER_PG_PWFILE ]]; then
        if [[ -d $MUSTER_PG_DATA ]]; then
            _muster_fail ".muster/pg/password is missing but the cluster exists; remove .muster/pg to start over (its data is lost)"
            return 1
        fi
        (umask 077 && { openssl rand -hex 24 2>/dev/null || od -An -tx1 -N24 /dev/urandom | tr -d ' \n'; } \
            >"$MUSTER_PG_PWFILE") || return 1
    fi
    chmod 600 "$MUSTER_PG_PWFILE"
    pw=$(tr -d '\n' <"$MUSTER_PG_PWFILE")
    _muster_pg_owner_setup || return 1

    if [[ ! -f $MUSTER_PG_DATA/PG_VERSION ]]; then
        if [[ -e $MUSTER_PG_DATA ]]; then
            _muster_fail ".muster/pg/data exists but is not a cluster; remove .muster/pg to start over"
            return 1
        fi
        _muster_pg_init || return 1
    elif [[ $(cat "$MUSTER_PG_DATA/PG_VERSION") != 15 ]]; then
        _muster_fail ".muster/pg/data is a PostgreSQL $(cat "$MUSTER_PG_DATA/PG_VERSION") cluster, not 15; remove .muster/pg to start over"
        return 1
    fi

    state=0
    _muster_pg_state || state=$?
    if [[ $state -eq 2 ]]; then
        _muster_pg_clear_stale
        state=1
    fi
    if [[ $state -eq 1 ]]; then
        _muster_pg_start "$port" || return 1
        started=1
    else
        local running_port
        running_port=$(sed -n 4p "$MUSTER_PG_DATA/postmaster.pid")
        if [[ $running_port =~ ^[0-9]+$ && $running_port != "$port" ]]; then
            _muster_say "note: the private cluster is already running on port $running_port (MUSTER_PG_PORT=$port ignored; muster_db_stop, then run again, to move it)"
            port=$running_port
        fi
        _muster_pg_wait_ready "$port" || return 1
    fi

    cs="Host=127.0.0.1;Port=$port;Username=muster;Password=$pw;Database=$db"
    # Database and PostGIS, for real: this fails loudly when the extension cannot be loaded.
    if ! _muster_psql "$cs" postgres -v db="$db" >/dev/null <<'SQL'
SELECT format('CREATE DATABASE %I', :'db') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
    then
        _muster_log_tail
        _muster_fail "could not create database $db"
        return 1
    fi
    if ! _muster_psql "$cs" "$db" -c 'CREATE EXTENSION IF NOT EXISTS postgis' >/dev/null; then
        _muster_fail "CREATE EXTENSION postgis failed in database $db (server binaries: $MUSTER_PG_BINDIR)"
        return 1
    fi

    export ConnectionStrings__Muster="$cs"
    export MUSTER_PG_ADMIN="Host=127.0.0.1;Port=$port;Username=muster;Password=$pw;Database=postgres"
    _muster_say "private cluster on 127.0.0.1:$port (.muster/pg)${started:+, started}"
}

# --- public functions ----------------------------------------------------------------------------

muster_db_ensure() {
    if [[ -n ${ConnectionStrings__Muster:-} ]]; then
        export ConnectionStrings__Muster
        export MUSTER_PG_ADMIN="${MUSTER_PG_ADMIN:-$(_muster_cs_with_db "$ConnectionStrings__Muster" postgres)}"
        _muster_cs_parse "$ConnectionStrings__Muster"
        _muster_say "using ConnectionStrings__Muster from the environment ($_MUSTER_CS_HOST:$_MUSTER_CS_PORT, database ${_MUSTER_CS_DB:-?}); nothing started"
        return 0
    fi
    mkdir -p "$MUSTER_ROOT/.muster" || return 1
    # One ensure at a time (run.sh and test.sh may start together).
    local lock_fd rc
    exec {lock_fd}>"$MUSTER_ROOT/.muster/pg.lock"
    if ! flock -w 300 "$lock_fd"; then
        exec {lock_fd}>&-
        _muster_fail "timed out waiting for another muster_db_ensure (.muster/pg.lock)"
        return 1
    fi
    _muster_db_ensure_private
    rc=$?
    exec {lock_fd}>&-
    return $rc
}

# Prints ConnectionStrings__Muster with Database=NAME (after muster_db_ensure).
muster_db_connstring() {
    [[ -n ${1:-} ]] || { _muster_fail "usage: muster_db_connstring NAME"; return 1; }
    [[ -n ${ConnectionStrings__Muster:-} ]] || { _muster_fail "run muster_db_ensure first"; return 1; }
    _muster_cs_with_db "$ConnectionStrings__Muster" "$1"
}

# Drops (forcing connections off) and creates database NAME with postgis, on the private cluster or
# on the server of an external ConnectionStrings__Muster (via MUSTER_PG_ADMIN).
muster_db_recreate() {
    local name=${1:-} admin
    [[ -n $name ]] || { _muster_fail "usage: muster_db_recreate NAME"; return 1; }
    [[ -n ${ConnectionStrings__Muster:-} ]] || { _muster_fail "run muster_db_ensure first"; return 1; }
    admin=${MUSTER_PG_ADMIN:-$(_muster_cs_with_db "$ConnectionStrings__Muster" postgres)}
    _muster_cs_parse "$admin"
    if ! _muster_psql "$admin" "${_MUSTER_CS_DB:-postgres}" -v db="$name" >/dev/null <<'SQL'
SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', :'db') \gexec
SELECT format('CREATE DATABASE %I', :'db') \gexec
SQL
    then
        _muster_fail "could not recreate database $name"
        return 1
    fi
    _muster_psql "$admin" "$name" -c 'CREATE EXTENSION IF NOT EXISTS postgis' >/dev/null ||
        { _muster_fail "CREATE EXTENSION postgis failed in database $name"; return 1; }
}

# Stops the private cluster (fast shutdown) and its standby. Never touches any other PostgreSQL.
muster_db_stop() {
    muster_db_standby_stop
    _muster_pg_state || { _muster_say "private cluster is not running"; return 0; }
    _muster_pg_find || true
    local bin=${MUSTER_PG_BINDIR:-$MUSTER_PG_BINDIR_ANY}
    [[ -n $bin ]] || { _muster_fail "no PostgreSQL 15 pg_ctl found"; return 1; }
    _muster_as_owner "$bin/pg_ctl" -D "$MUSTER_PG_DATA" -m fast -w -t 60 -s stop &&
        _muster_pg_huge_pages_release && _muster_say "private cluster stopped"
}

# --- the standby (streaming replica of the private cluster) ----------------------------------------
# .muster/pg-standby/data, a pg_basebackup -R of the private cluster, on 127.0.0.1:$((MUSTER_PG_PORT + 1)) (or
# MUSTER_PG_STANDBY_PORT). The private-cluster helpers above are reused with their paths rebound (bash's dynamic scope).
_muster_standby_paths='local MUSTER_PG_DIR=$MUSTER_ROOT/.muster/pg-standby
    local MUSTER_PG_DATA=$MUSTER_ROOT/.muster/pg-standby/data MUSTER_PG_SOCKET=$MUSTER_ROOT/.muster/pg-standby/socket
    local MUSTER_PG_LOG=$MUSTER_ROOT/.muster/pg-standby/postgres.log'


# Prints the database system identifier of data dir $1 (empty when unreadable).
_muster_pg_sysid() {
    _muster_as_owner "$MUSTER_PG_BINDIR/pg_controldata" -D "$1" 2>/dev/null | awk -F': *' '/^Database system identifier/ { print $2 }'
}

# Starts (creating it when missing) a hot standby of the private cluster and exports ConnectionStrings__MusterReads (and
# MUSTER_PG_STANDBY_STARTED=1 when this call started it): a
# multi-host string, standby first then primary, Target Session Attributes=prefer-standby (Npgsql falls back to the
# primary when the standby is down). With an external ConnectionStrings__Muster nothing is started or exported.
muster_db_standby_ensure() {
    local primary_port port pw db primary_sysid state
    primary_port=$(_muster_pg_port)
    if [[ -n ${ConnectionStrings__Muster:-} ]] && _muster_cs_parse "$ConnectionStrings__Muster" &&
       [[ $_MUSTER_CS_HOST != 127.0.0.1 || ! -f $MUSTER_PG_DATA/postmaster.pid ||
          $_MUSTER_CS_PORT != "$(sed -n 4p "$MUSTER_PG_DATA/postmaster.pid")" ]]; then
        _muster_say "standby: ConnectionStrings__Muster names an external server; no standby started (set ConnectionStrings__MusterReads yourself)"
        return 0
    fi
    _muster_pg_state || muster_db_ensure || return 1
    primary_port=$(sed -n 4p "$MUSTER_PG_DATA/postmaster.pid")
    _muster_pg_find || { _muster_fail "standby: no PostgreSQL 15 with PostGIS found"; return 1; }
    pw=$(tr -d '\n' <"$MUSTER_PG_PWFILE")
    primary_sysid=$(_muster_pg_sysid "$MUSTER_PG_DATA")
    port=${MUSTER_PG_STANDBY_PORT:-$((primary_port + 1))}
    db=${MUSTER_DB:-muster}
    eval "$_muster_standby_paths"
    mkdir -p "$MUSTER_PG_DIR" && chmod 700 "$MUSTER_PG_DIR" || return 1
    [[ $EUID -eq 0 ]] && chown postgres: "$MUSTER_PG_DIR"

    local attempt
    for attempt in 1 2; do
        state=0
        _muster_pg_state || state=$?
        # A standby of an earlier primary (removed and created again) cannot follow this one: start it over.
        if [[ -f $MUSTER_PG_DATA/PG_VERSION && $(_muster_pg_sysid "$MUSTER_PG_DATA") != "$primary_sysid" ]]; then
            _muster_say "standby: .muster/pg-standby follows another cluster; making a new one"
            if [[ $state -eq 0 ]]; then
                _muster_as_owner "$MUSTER_PG_BINDIR/pg_ctl" -D "$MUSTER_PG_DATA" -m immediate -w -s stop
            fi
            rm -rf "$MUSTER_PG_DATA"
            state=1
        fi
        if [[ ! -f $MUSTER_PG_DATA/PG_VERSION ]]; then
            _muster_say "standby: pg_basebackup -R from 127.0.0.1:$primary_port into .muster/pg-standby"
            rm -rf "$MUSTER_PG_DIR/data.backup"
            if ! PGPASSWORD=$pw _muster_as_owner "$MUSTER_PG_BINDIR/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U muster \
                    -D "$MUSTER_PG_DIR/data.backup" -R -X stream -c fast >&2; then
                rm -rf "$MUSTER_PG_DIR/data.backup"
                _muster_fail "standby: pg_basebackup failed"
                return 1
            fi
            # The copy carries the primary's pid file and settings; muster.conf is rewritten on every start.
            rm -f "$MUSTER_PG_DIR/data.backup/postmaster.pid" "$MUSTER_PG_DIR/data.backup/postmaster.opts"
            printf "hot_standby_feedback = on\n" >>"$MUSTER_PG_DIR/data.backup/postgresql.auto.conf"
            mv "$MUSTER_PG_DIR/data.backup" "$MUSTER_PG_DATA"
            state=1
        fi
        if [[ $state -eq 2 ]]; then
            _muster_pg_clear_stale
            state=1
        fi
        if [[ $state -eq 1 ]]; then
            # The port next to the primary's lies in the kernel's range for outgoing connections, so a client socket can
            # hold it for a while: unless the port was asked for, take the next one.
            local tries=0
            until _muster_pg_start "$port" 2>"$MUSTER_PG_DIR/start.err"; do
                if [[ -n ${MUSTER_PG_STANDBY_PORT:-} ]] || ((++tries >= 10)) || ! tail -n 20 "$MUSTER_PG_LOG" | grep -q "Address already in use"; then
                    cat "$MUSTER_PG_DIR/start.err" >&2
                    return 1
                fi
                _muster_say "standby: 127.0.0.1:$port is taken; trying $((port + 1))"
                port=$((port + 1))
            done
            _muster_say "standby on 127.0.0.1:$port (.muster/pg-standby), started"
            export MUSTER_PG_STANDBY_STARTED=1
        else
            port=$(sed -n 4p "$MUSTER_PG_DATA/postmaster.pid")
            _muster_pg_wait_ready "$port" || return 1
        fi
        # A standby stopped while the primary wrote more WAL than it keeps (wal_keep_size) waits forever for a segment
        # the primary has removed: start it over from a new base backup (once).
        if ((attempt == 1)) && _muster_standby_lost "$port" "$primary_port" "$pw" "$db"; then
            _muster_say "standby: the primary no longer has the WAL it needs; making a new one"
            _muster_as_owner "$MUSTER_PG_BINDIR/pg_ctl" -D "$MUSTER_PG_DATA" -m immediate -w -s stop
            rm -rf "$MUSTER_PG_DATA"
            port=${MUSTER_PG_STANDBY_PORT:-$((primary_port + 1))}
            continue
        fi
        break
    done
    export ConnectionStrings__MusterReads="Host=127.0.0.1:$port,127.0.0.1:$primary_port;Username=muster;Password=$pw;Database=$db;Target Session Attributes=prefer-standby"
}

# True when the standby's next WAL segment is gone from the primary's pg_wal: it can never catch up by streaming.
_muster_standby_lost() {
    local port=$1 primary_port=$2 pw=$3 db=$4 psql lsn segment
    psql=$(_muster_psql_bin) || return 1
    lsn=$(PGPASSWORD=$pw "$psql" -h 127.0.0.1 -p "$port" -U muster -d "$db" -XAtqc \
        "SELECT coalesce(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())" 2>/dev/null) || return 1
    [[ -n $lsn ]] || return 1
    segment=$(PGPASSWORD=$pw "$psql" -h 127.0.0.1 -p "$primary_port" -U muster -d "$db" -XAtqc \
        "SELECT count(*) FROM pg_ls_waldir() WHERE name = pg_walfile_name('$lsn'::pg_lsn)" 2>/dev/null) || return 1
    [[ $segment == 0 ]]
}

# Stops the standby of the private cluster, if it runs.
muster_db_standby_stop() {
    eval "$_muster_standby_paths"
    _muster_pg_state || return 0
    _muster_pg_find || true
    local bin=${MUSTER_PG_BINDIR:-$MUSTER_PG_BINDIR_ANY}
    [[ -n $bin ]] || { _muster_fail "no PostgreSQL 15 pg_ctl found"; return 1; }
    _muster_as_owner "$bin/pg_ctl" -D "$MUSTER_PG_DATA" -m fast -w -t 60 -s stop &&
        _muster_pg_huge_pages_release && _muster_say "standby stopped"
}

# --- shared by run.sh and test.sh ----------------------------------------------------------------

# Exports Auth__SigningKey: from the environment, else .muster/signing-key (created once).
muster_signing_key() {
    [[ -n ${Auth__SigningKey:-} ]] && { export Auth__SigningKey; return 0; }
    local f="$MUSTER_ROOT/.muster/signing-key"
    if [[ ! -s $f ]]; then
        mkdir -p "$MUSTER_ROOT/.muster" &&
            (umask 077 && openssl rand -base64 48 | tr -d '\n' >"$f") ||
            { echo "signing key: could not create .muster/signing-key (openssl?)" >&2; return 1; }
    fi
    chmod 600 "$f"
    Auth__SigningKey=$(<"$f")
    export Auth__SigningKey
}

# Builds a Vite app of the project (NAME: ide, console) into src/Muster.Api/wwwroot/NAME when it is missing or
# older than its sources; further arguments name folders or files that are not sources. Never fatal: the service
# serves a fallback page without it.
muster_app_build() {
    local name=$1 app="$MUSTER_ROOT/$1" index="$MUSTER_ROOT/src/Muster.Api/wwwroot/$1/index.html" install=(ci) skip=(-name node_modules)
    shift
    local other
    for other in "$@"; do skip+=(-o -name "$other"); done
    [[ -f $app/package.json ]] || return 0
    if [[ -f $index ]] && [[ -z $(find "$app" \( "${skip[@]}" \) -prune -o -type f -newer "$index" -print -quit) ]]; then
        return 0
    fi
    [[ -f $app/package-lock.json ]] || install=(install)
    echo "$name: building $name/ (npm ${install[0]} && npm run build)" >&2
    if ! (cd "$app" && npm "${install[@]}" --no-audit --no-fund && npm run build) >&2; then
        echo "$name: WARNING: the build failed; the service will serve its fallback page" >&2
    fi
    return 0
}

# The GraphQL IDE (ide/ → src/Muster.Api/wwwroot/ide).
muster_ide_build() { muster_app_build ide dist; }

# Installs Debian packages (LABEL: who needs them) when run as root; otherwise prints the command and fails.
muster_apt_install() {
    local label=$1
    shift
    if [[ $EUID -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
        printf '%s: missing %s; install with:\n  sudo apt-get update && sudo apt-get install -y %s\n' "$label" "$*" "$*" >&2
        return 1
    fi
    printf '%s: installing %s (apt-get)\n' "$label" "$*" >&2
    mkdir -p "$MUSTER_ROOT/.muster"
    local log="$MUSTER_ROOT/.muster/apt-$label.log"
    if ! { DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300 update &&
           DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=300 install --no-install-recommends "$@"; } \
           >"$log" 2>&1; then
        tail -n 20 "$log" >&2
        printf '%s: apt-get install %s failed (full output: %s)\n' "$label" "$*" "${log#"$MUSTER_ROOT"/}" >&2
        return 1
    fi
}
