# shellcheck shell=bash
# GDAL's command-line tools (ogrinfo, ogr2ogr): the real GIS client the OGC API – Features tests read with.
# Sourced by test.sh. As root on Debian it installs gdal-bin; otherwise it prints the command to run.

muster_gdal_ensure() {
    command -v ogrinfo >/dev/null 2>&1 && command -v ogr2ogr >/dev/null 2>&1 && return 0
    if [[ $EUID -ne 0 ]]; then
        printf 'gdal: ogrinfo is not installed; install it with:\n  sudo apt-get update && sudo apt-get install -y gdal-bin\n' >&2
        return 1
    fi
    printf 'gdal: installing gdal-bin (apt-get)\n' >&2
    mkdir -p .muster
    if ! { DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300 update &&
           DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=300 \
               install --no-install-recommends gdal-bin; } >.muster/apt-gdal.log 2>&1; then
        tail -n 20 .muster/apt-gdal.log >&2
        printf 'gdal: apt-get install gdal-bin failed (full output: .muster/apt-gdal.log)\n' >&2
        return 1
    fi
    command -v ogrinfo >/dev/null 2>&1
}
