# shellcheck shell=bash
# GDAL's command-line tools (ogrinfo, ogr2ogr): the real GIS client the OGC API – Features tests read with.
# Sourced by test.sh. As root on Debian it installs gdal-bin; otherwise it prints the command to run.

muster_gdal_ensure() {
    command -v ogrinfo >/dev/null 2>&1 && command -v ogr2ogr >/dev/null 2>&1 && return 0
    muster_apt_install gdal gdal-bin && command -v ogrinfo >/dev/null 2>&1
}
