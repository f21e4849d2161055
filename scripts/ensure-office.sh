#!/usr/bin/env bash
# ensure_office: headless LibreOffice (Debian's libreoffice-writer-nogui and libreoffice-calc-nogui), the real office
# client the report tests open the Word report and the workbooks with (issue 15). Installed only where missing.
ensure_office() {
  command -v soffice >/dev/null 2>&1 && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "the office round-trip test needs LibreOffice: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui (or run as root)" >&2
    exit 1
  fi
  echo "== installing libreoffice-writer-nogui libreoffice-calc-nogui (Debian) for the office round-trip test"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui libreoffice-calc-nogui >/dev/null
}
