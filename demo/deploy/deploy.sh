#!/bin/sh
# The demo's deploy script, one for every stage (SHIPLOCK_STAGE: staging, canary, production,
# rollback). A real one would push an image or run Terraform; this one "installs" the release by
# writing its SHA where the demo's sample service reads which release each track runs, and keeps
# a ledger of every run. It gets shiplock's SHIPLOCK_* variables and none of its secrets.
set -eu
state="${DEMO_STATE_DIR:?the demo sets DEMO_STATE_DIR}"
echo "$SHIPLOCK_STAGE $SHIPLOCK_SHA $SHIPLOCK_ROLLOUT_ID $SHIPLOCK_IDEMPOTENCY_KEY epoch=$SHIPLOCK_EPOCH" >> "$state/deploys.log"
case "$SHIPLOCK_STAGE" in
  rollback)
    if [ "$(cat "$state/production.release")" = "$SHIPLOCK_SHA" ]; then
      cp "$state/production.previous" "$state/production.release"
      echo "rolled production back to $(cat "$state/production.release")"
    else
      rm -f "$state/canary.release"
      echo "took the canary ($SHIPLOCK_SHA) out of service; production still runs $(cat "$state/production.release")"
    fi
    ;;
  production)
    cp "$state/production.release" "$state/production.previous"
    echo "$SHIPLOCK_SHA" > "$state/production.release"
    echo "deployed $SHIPLOCK_SHA to production"
    ;;
  *)
    echo "$SHIPLOCK_SHA" > "$state/$SHIPLOCK_STAGE.release"
    echo "deployed $SHIPLOCK_SHA to $SHIPLOCK_STAGE"
    ;;
esac
sleep 0.3
