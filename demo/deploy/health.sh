#!/bin/sh
# The demo's health command (verification.checks.command): production must run the release that
# was deployed.
set -eu
running=$(cat "${DEMO_STATE_DIR:?}/production.release")
if [ "$running" = "$SHIPLOCK_SHA" ]; then
  echo "production runs $running"
else
  echo "production runs $running, expected $SHIPLOCK_SHA"
  exit 1
fi
