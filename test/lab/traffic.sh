#!/usr/bin/env bash
# A scripted, real mail flow through the lab's main Postfix, for the log/queue tests of `mxray logs` and
# `mxray queue`. Produces: deliveries (virtual, alias, SMTP relay to weak), deferrals (dead MX, DANE
# mismatch), bounces (unknown user, remote 554), rejects (relay denied, unknown user, unknown sender
# domain, bad HELO, outside the lab on the submission port), SASL failures (five from one client, one from another), port-scan
# style "lost connection after CONNECT", TLS and plaintext sessions, and one held message.
#
# Our SMTP clients use their own loopback addresses (127.0.0.51-56, no PTR) and our pickup mail carries
# Message-IDs <mxt-...>, so the flow can be told apart from other tests' traffic in the same log.
# Deferred mail is deleted (postsuper -d) after its first deferral and the held message never retries,
# so the outcome is fixed: the counts do not depend on when the tests read the log.
#
# Output in $LAB_RUN/mxray-traffic/ (wiped with the lab by start.sh, so a restart is detected):
#   segment.log  the main log from our first line to the moment the flow settled (others' lines too)
#   traffic.log  only the lines of our flow (sessions from our addresses, our queue ids and their bounces)
#   held.qid     queue id of the held message
#   done         the first line of postfix.log when the flow ran (a restarted lab has another one)
# Idempotent: a second run returns at once when `done` matches the current log.
#   usage: bash test/lab/traffic.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lab.env"
L="$HERE/labenv.sh"
LOG="$LAB_RUN/log/postfix.log"
OUT="$LAB_RUN/mxray-traffic"
export MAIL_CONFIG="$LAB_RUN/postfix-main/etc"
[ -s "$LOG" ] || { echo "traffic.sh: $LOG missing: is the lab running?" >&2; exit 1; }
mkdir -p "$OUT"
exec 9>"$OUT/lock"
flock -w 300 9 || { echo "traffic.sh: another run holds $OUT/lock" >&2; exit 1; }

head1=$(head -n 1 "$LOG")
if [ -f "$OUT/done" ] && [ "$(cat "$OUT/done")" = "$head1" ] && [ -s "$OUT/traffic.log" ]; then
  echo "traffic.sh: already ran for this lab start ($OUT)"; exit 0
fi
rm -f "$OUT/done" "$OUT/segment.log" "$OUT/traffic.log" "$OUT/held.qid"

START=$(stat -c %s "$LOG")
segment() { tail -c +"$((START + 1))" "$LOG"; }
C_PLAIN=127.0.0.51 C_SUB=127.0.0.52 C_BRUTE=127.0.0.53 C_ONEFAIL=127.0.0.54 C_SCAN=127.0.0.55 C_REJ=127.0.0.56

# Only the lines of our flow: pass 1 collects our queue ids (smtpd client=, pickup Message-ID, bounce
# notifications of those), pass 2 prints session lines of our addresses and lines of our queue ids.
filter() {
  awk -v ips="$C_PLAIN $C_SUB $C_BRUTE $C_ONEFAIL $C_SCAN $C_REJ" '
    function qid(line,   m) { if (match(line, /\]: [0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F]+: /)) return substr(line, RSTART + 3, RLENGTH - 5); return "" }
    function ours(line,   n, i, a) { n = split(ips, a, " "); for (i = 1; i <= n; i++) if (index(line, "[" a[i] "]")) return 1; return 0 }
    NR == FNR {
      q = qid($0); if (q == "") next
      if ((index($0, ": client=") && ours($0)) || index($0, "message-id=<mxt-")) keep[q] = 1
      if (q in keep && match($0, /notification: [0-9A-F]+/)) keep[substr($0, RSTART + 14, RLENGTH - 14)] = 1
      next
    }
    { q = qid($0); if ((q != "" && q in keep) || (q == "" && ours($0))) print }
  ' "$1" "$1"
}

S=(--silent 2 --timeout 20 --helo traffic.lab.test)
sw() { "$L" swaks "${S[@]}" "$@" >/dev/null 2>&1 || true; }
auth_x=(--auth PLAIN --auth-user x@lab.test --auth-password x-secret --from x@lab.test)
sm() { # sm FROM TO N: local submission through sendmail/pickup, tagged by Message-ID
  printf 'From: %s\nTo: %s\nMessage-ID: <mxt-%s-%s@lab.test>\nSubject: mxray traffic %s\n\ntraffic\n' "$1" "$2" "$$" "$3" "$3" |
    "$L" sendmail -C "$MAIL_CONFIG" -f "$1" "$2"
}

echo "traffic.sh: sending the flow (log offset $START)"
# deliveries on port 25: STARTTLS, plaintext, an alias (postmaster -> alice)
sw --server "$IP_MAIL:25" --local-interface $C_PLAIN --tls --from sender@lab.test --to x@lab.test
sw --server "$IP_MAIL:25" --local-interface $C_PLAIN --from sender@lab.test --to alice@lab.test
sw --server "$IP_MAIL:25" --local-interface $C_PLAIN --tls --from sender@lab.test --to postmaster@lab.test
# authenticated submission (587 STARTTLS, 465 implicit TLS): relay to the other lab hosts
sw --server "$IP_MAIL:587" --local-interface $C_SUB --tls "${auth_x[@]}" --to mxt-defer@down.lab.test
sw --server "$IP_MAIL:587" --local-interface $C_SUB --tls "${auth_x[@]}" --to mxt-dane@expired.lab.test
sw --server "$IP_MAIL:587" --local-interface $C_SUB --tls "${auth_x[@]}" --to mxt-held@down.lab.test
# relayed over SMTP to weak (plaintext, accepted; the null sender keeps weak's own loop bounce silent)
sw --server "$IP_MAIL:465" --local-interface $C_SUB --tlsc --auth LOGIN --auth-user bob@lab.test --auth-password bob-secret --from '<>' --to user@mxt-relay.lab.test
# remote bounce: the expired listener answers 554 at RCPT (after STARTTLS)
sw --server "$IP_MAIL:587" --local-interface $C_SUB --tls "${auth_x[@]}" --to user@mxt-reject.lab.test
# outside the lab: main's error transport makes smtpd reject it at RCPT (a reject on the submission service)
sw --server "$IP_MAIL:587" --local-interface $C_SUB --tls "${auth_x[@]}" --to user@outside.invalid
# local submission (pickup): one delivered, one bounced (unknown virtual user)
sm x@lab.test alice@lab.test 1
sm x@lab.test nobody@lab.test 2
# rejects at RCPT (port 25, no TLS)
sw --server "$IP_MAIL:25" --local-interface $C_REJ --from sender@lab.test --to victim@elsewhere.lab.test
sw --server "$IP_MAIL:25" --local-interface $C_REJ --from sender@lab.test --to nobody@lab.test
sw --server "$IP_MAIL:25" --local-interface $C_REJ --from someone@nonexistent.lab.test --to x@lab.test
"$L" swaks --silent 2 --timeout 20 --helo localhost --server "$IP_MAIL:25" --local-interface $C_REJ --from sender@lab.test --to x@lab.test >/dev/null 2>&1 || true
# SASL failures: five from one client (brute force), one from another
for _ in 1 2 3 4 5; do
  sw --server "$IP_MAIL:587" --local-interface $C_BRUTE --tls --auth PLAIN --auth-user x@lab.test --auth-password wrong --from x@lab.test --to alice@lab.test
done
sw --server "$IP_MAIL:465" --local-interface $C_ONEFAIL --tlsc --auth LOGIN --auth-user bob@lab.test --auth-password nope --from bob@lab.test --to alice@lab.test
# port-scan style: connect and close at once (smtpd: "lost connection after CONNECT")
for _ in 1 2 3; do
  /usr/bin/python3 -c 'import socket,sys; s=socket.socket(); s.bind((sys.argv[1],0)); s.connect((sys.argv[2],25)); s.close()' $C_SCAN "$IP_MAIL" || true
done

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
  local n=$(($1 * 2)) what=$2; shift 2
  for _ in $(seq "$n"); do "$@" && return 0; sleep 0.5; done
  echo "traffic.sh: timed out waiting for: $what" >&2; return 1
}
has() { segment | grep -Eq "$1"; }
qid_of() { segment | grep -E "$1" | head -n 1 | sed -E 's/.*\]: ([0-9A-F]+): .*/\1/'; }

wait_for 60 "deferral to down.lab.test" has 'to=<mxt-defer@down\.lab\.test>.*status=deferred'
wait_for 60 "deferral to expired.lab.test" has 'to=<mxt-dane@expired\.lab\.test>.*status=deferred'
wait_for 60 "deferral of the message to hold" has 'to=<mxt-held@down\.lab\.test>.*status=deferred'
postsuper -d "$(qid_of 'to=<mxt-defer@down\.lab\.test>.*status=deferred')" deferred
postsuper -d "$(qid_of 'to=<mxt-dane@expired\.lab\.test>.*status=deferred')" deferred
HELD=$(qid_of 'to=<mxt-held@down\.lab\.test>.*status=deferred')
postsuper -h "$HELD" deferred

# settled: 4 rejects, 6 SASL failures, 3 port scans, and every one of our queue ids removed except the held one
settled() {
  segment >"$OUT/segment.log"
  filter "$OUT/segment.log" >"$OUT/traffic.log"
  [ "$(grep -c 'NOQUEUE: reject: ' "$OUT/traffic.log")" -ge 5 ] || return 1
  [ "$(grep -c 'authentication failed' "$OUT/traffic.log")" -ge 6 ] || return 1
  [ "$(grep -c 'lost connection after CONNECT' "$OUT/traffic.log")" -ge 3 ] || return 1
  grep -q "$HELD: placed on hold" "$OUT/traffic.log" || return 1
  awk -v held="$HELD" '
    match($0, /\]: [0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F]+: /) { q = substr($0, RSTART + 3, RLENGTH - 5); seen[q] = 1; if (index($0, ": removed")) gone[q] = 1 }
    END { for (q in seen) if (!(q in gone) && q != held) exit 1 }' "$OUT/traffic.log"
}
wait_for 90 "every message of the flow to settle" settled
# pflogsumm counts a message once its qmgr "removed" line is seen; give postlogd a moment to flush
sleep 1
segment >"$OUT/segment.log"
filter "$OUT/segment.log" >"$OUT/traffic.log"
echo "$HELD" >"$OUT/held.qid"
echo "$head1" >"$OUT/done"
echo "traffic.sh: done: $(wc -l <"$OUT/traffic.log") lines of our flow in $OUT/traffic.log (held: $HELD)"
