#!/usr/bin/env bash
# ensure_report_tools: what the report tests need (issue 7) — Chromium to print PDFs, CJK fonts (the TrueType
# WenQuanYi Micro Hei, AR PL SungtiL GB and AR PL UMing that the PDF and the Word charts use first, see src/reports/fonts.ts, and Noto
# CJK, the fallback), and poppler-utils (pdftotext, pdffonts, pdftoppm) to read the PDFs back. Installed from Debian
# only when missing.
ensure_report_tools() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  # grep reads all (no -q): an early exit would fail fc-list with SIGPIPE under pipefail.
  fc-list 2>/dev/null | grep 'Noto Sans CJK' >/dev/null || missing+=(fonts-noto-cjk)
  [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
  [ -f /usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf ] || missing+=(fonts-arphic-gbsn00lp)
  [ -f /usr/share/fonts/truetype/arphic/uming.ttc ] || missing+=(fonts-arphic-uming)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "the report tests need Debian packages ${missing[*]}: install them (apt-get install ${missing[*]}) or run as root" >&2
    exit 1
  fi
  echo "== installing ${missing[*]} (Debian) for the report tests"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}
