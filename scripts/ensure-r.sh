#!/usr/bin/env bash
# R with the forecast package, the independent reference for the forecasting tests and the M3 benchmark
# (test/fixtures/r/make-fixtures.R, bench/forecast-m3-r.R). Installs Debian's r-cran-forecast and r-cran-jsonlite
# when missing (as root, through apt-get); does nothing when they are there.
ensure_r() {
  if command -v Rscript >/dev/null 2>&1 && Rscript -e 'suppressMessages({library(forecast); library(jsonlite)})' >/dev/null 2>&1; then
    return 0
  fi
  if [ "$(id -u)" != "0" ]; then
    echo "R's forecast package is missing: install r-cran-forecast and r-cran-jsonlite (apt-get, as root)" >&2
    return 1
  fi
  echo "== installing R's forecast package (r-cran-forecast, r-cran-jsonlite)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends r-cran-forecast r-cran-jsonlite >/dev/null
}
