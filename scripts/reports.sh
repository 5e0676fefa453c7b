# shellcheck shell=bash
# What the information reports' PDF needs: TrueType fonts, one with CJK glyphs and one with Latin letters and digits
# (DroidSansFallback has none), since PDFsharp cannot read Noto CJK's OpenType .ttc collections; and for the tests
# poppler's pdftotext, which reads the text back out of a report's PDF.
# Sourced by run.sh and test.sh after scripts/postgres.sh. As root on Debian it installs what is missing; otherwise it
# prints the command to run.
#   muster_report_font_ensure          # fonts-droid-fallback (DroidSansFallbackFull.ttf), fonts-dejavu-core
#   muster_report_font_ensure --tests  # and poppler-utils

muster_report_font_ensure() {
    local missing=()
    [[ -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ]] || missing+=(fonts-droid-fallback)
    [[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ]] || missing+=(fonts-dejavu-core)
    [[ ${1:-} == --tests ]] && ! command -v pdftotext >/dev/null 2>&1 && missing+=(poppler-utils)
    ((${#missing[@]} == 0)) || muster_apt_install reports "${missing[@]}"
}
