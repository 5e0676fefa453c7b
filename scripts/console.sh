# shellcheck shell=bash
# The browser console: its build (console/ → src/Muster.Api/wwwroot/console) and what its Playwright suite needs.
# Sourced by run.sh and test.sh after scripts/postgres.sh (MUSTER_ROOT).
#   muster_console_build       # builds console/ when stale; never fatal (the service serves a fallback page)
#   muster_browser_ensure      # chromium + fonts-noto-cjk: installed as root when missing, else the command is printed

muster_console_build() { muster_app_build console e2e playwright.config.js; }

# Debian's chromium (Playwright cannot download its own browser offline) and a CJK font (else Chinese shows as boxes).
muster_browser_ensure() {
    local missing=()
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
    ((${#missing[@]} == 0)) || muster_apt_install console "${missing[@]}"
}
