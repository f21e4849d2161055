#!/usr/bin/env bash
# The README's test command (`npm test`): typecheck, lint, then every test on BOTH databases — embedded PGlite and
# a real PostgreSQL server. Where no server is given (TEST_DATABASE_URL), it installs PostgreSQL from Debian if
# missing and starts a private cluster on port 55432 (root: pg_createcluster; other users: initdb in var/).
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/ensure-postgres.sh
source scripts/ensure-postgres.sh
ensure_postgres
export TEST_DATABASE_URL
# shellcheck source=scripts/ensure-report-tools.sh
source scripts/ensure-report-tools.sh
ensure_report_tools
# shellcheck source=scripts/ensure-office.sh
source scripts/ensure-office.sh
ensure_office

# The browser tests (test/web.test.ts) drive Debian's Chromium with CJK fonts; install them only where missing.
# (grep without -q: -q would stop reading early, and under pipefail fc-list's SIGPIPE would count as a miss)
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null; then
  echo "== installing chromium and fonts-noto-cjk (Debian)"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  fi
fi
# The web app is built on `npm ci` (prepare); build it here too where that did not happen (the script skips a fresh build).
node scripts/build-web.mjs
# shellcheck source=scripts/ensure-r.sh
source scripts/ensure-r.sh
ensure_r

echo "== typecheck"; npx tsc --noEmit
echo "== lint"; npx eslint .
echo "== tests (PGlite and PostgreSQL at ${TEST_DATABASE_URL%%\?*})"
mkdir -p test-results
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@" || status=$?
# One plain closing line that any CI reads: "Tests: N passed, N failed, N skipped".
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-results/vitest.json", "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
  if (process.env.CI && skipped > 0) { console.error("under CI nothing may be skipped"); process.exit(1); }
' || status=1
exit $status
