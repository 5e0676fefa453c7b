# shellcheck shell=bash
# The browser console: its build (console/ → src/Muster.Api/wwwroot/console) and what its Playwright suite needs.
# Sourced by run.sh and test.sh after scripts/postgres.sh (MUSTER_ROOT).
#   muster_console_build       # builds console/ when stale; never fatal (the service serves a fallback page)
#   muster_browser_ensure      # chromium + fonts-noto-cjk: installed as root when missing, else the command is printed

muster_console_build() {
    local app="$MUSTER_ROOT/console" index="$MUSTER_ROOT/src/Muster.Api/wwwroot/console/index.html" install=(ci)
    [[ -f $app/package.json ]] || return 0
    if [[ -f $index ]] && [[ -z $(find "$app" \( -name node_modules -o -name e2e -o -name playwright.config.js \) -prune -o \
            -type f -newer "$index" -print -quit) ]]; then
        return 0
    fi
    [[ -f $app/package-lock.json ]] || install=(install)
    echo "console: building the console (npm ${install[0]} && npm run build)" >&2
    if ! (cd "$app" && npm "${install[@]}" --no-audit --no-fund && npm run build) >&2; then
        echo "console: WARNING: the console build failed; the service will serve its fallback page" >&2
    fi
    return 0
}

# Debian's chromium (Playwright cannot download its own browser offline) and a CJK font (else Chinese shows as boxes).
muster_browser_ensure() {
    local missing=()
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
    ((${#missing[@]} == 0)) && return 0
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "console: installing ${missing[*]} (apt-get)" >&2
        apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2 && return 0
    fi
    echo "console: missing ${missing[*]}; run: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    return 1
}
