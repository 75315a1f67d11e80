#!/usr/bin/env bash
# The WBR page in a real browser: installs Debian's Chromium, then opens the
# template deck's page headless and checks it raises no console message,
# shows one chart per metric, takes a screenshot and prints a PDF on A4 and
# on Letter. WBR_CHROMIUM makes the test fail, not skip, when the browser
# cannot run.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version
out=${WBR_CHROMIUM_OUT:-$(mktemp -d)}
WBR_CHROMIUM=/usr/bin/chromium WBR_CHROMIUM_OUT="$out" \
  go test ./wbr -run '^TestHTMLInChromium$' -count=1 -v
ls -l "$out"
