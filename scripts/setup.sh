#!/usr/bin/env bash
# Installs what NewsDesk needs on a fresh Debian machine (Swift itself must already be on PATH):
# the C libraries' development packages, openssl (the HTTPS test's loopback server), PostgreSQL (the tests start a
# throwaway cluster of their own; the server package is not started as a service here) and the Python packages the
# cross-check tests use.
set -euo pipefail
need=()
for p in libxml2-dev libsqlite3-dev libcurl4-openssl-dev libmimalloc-dev pkg-config python3 python3-pip openssl postgresql postgresql-contrib; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
# Python peers for the cross-checks (html5lib re-parses sanitizer output, feedparser reads our Atom).
py_need=()
for m in html5lib feedparser; do python3 -c "import $m" 2>/dev/null || py_need+=("$m"); done
if [ ${#py_need[@]} -gt 0 ]; then
  python3 -m pip install -q "${py_need[@]}" 2>/dev/null \
    || python3 -m pip install -q --break-system-packages "${py_need[@]}" 2>/dev/null \
    || echo "setup: could not install ${py_need[*]} with pip; the Python cross-checks will be skipped" >&2
fi
