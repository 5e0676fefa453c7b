#!/usr/bin/env bash
# Runs Muster locally: PostgreSQL 15 + PostGIS (installed when missing and root; a private cluster in
# .muster/pg), the GraphQL IDE, then the service on http://127.0.0.1:5080/graphql.
# Extra arguments go to the service, e.g. ./run.sh --urls http://0.0.0.0:5080
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
muster_db_ensure || exit 1
muster_signing_key || exit 1
muster_ide_build
# shellcheck source=scripts/console.sh
source scripts/console.sh
muster_console_build
# shellcheck source=scripts/reports.sh
source scripts/reports.sh
muster_report_font_ensure || echo "reports: no CJK TrueType font; the reports' PDF answers 503 until one is installed" >&2

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://127.0.0.1:5080}
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# .NET sizes its youngest generation by the CPU's cache, which a VM like this one does not report (no
# /sys/devices/system/cpu/cpu0/cache): it then collects after every ~2 MB allocated. 32 MB at least (README, "Operating
# it" and "Scale-out"; the benchmark's Properties/launchSettings.json gives its in-process service the same).
export DOTNET_GCgen0size=${DOTNET_GCgen0size:-0x2000000}
# The demo data: loaded through the API's own commands once the service runs; what is there already is kept.
export Seed__Path=${Seed__Path:-$PWD/seed-data}

# --no-launch-profile: Properties/launchSettings.json must not override the URLs and environment above.
exec dotnet run --project src/Muster.Api -c Release --no-launch-profile -- "$@"
