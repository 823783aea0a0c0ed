#!/usr/bin/env bash
# Install everything the lab needs from Debian (bookworm) packages. Idempotent. Run as root.
# Services are NOT started by the packages: a policy-rc.d that exits 101 is put in place if missing
# (otherwise postinst would start postfix/dovecot/nginx/unbound/knot on 0.0.0.0 via init scripts,
# and unbound would try to reach the real root servers).
set -euo pipefail
T0=$(date +%s.%N)
export DEBIAN_FRONTEND=noninteractive
CREATED_POLICY=0
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; CREATED_POLICY=1
fi
echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
PKGS=(
  # servers
  knot unbound postfix dovecot-imapd dovecot-pop3d nginx openssl ca-certificates
  # reference / client tools
  knot-dnsutils bind9-dnsutils ldnsutils swaks libnet-ssleay-perl libauthen-sasl-perl libio-socket-inet6-perl
  nmap testssl.sh pflogsumm opendkim-tools libmail-spf-perl spf-tools-perl python3-spf python3-dkim
  python3-dnspython libmail-dmarc-perl curl
  # used by the scripts
  gettext-base iproute2 util-linux procps time
  # servers tests: firewall rules inside test-made network namespaces (filtered/unreachable ports)
  nftables
)
# a package apt has never heard of makes dpkg-query exit 1: ask one package at a time
missing=""
for p in "${PKGS[@]}"; do
  st=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
  case "$st" in ii*) ;; *) missing+="$p " ;; esac
done
if [ -z "$missing" ]; then
  echo "install.sh: all ${#PKGS[@]} lab packages are installed"; [ "$CREATED_POLICY" = 1 ] && rm -f /usr/sbin/policy-rc.d; exit 0
fi
echo "install.sh: installing: $missing"
if [ "${SKIP_APT_UPDATE:-0}" != 1 ]; then apt-get update -qq; fi
T1=$(date +%s.%N)
apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confold "${PKGS[@]}" >/dev/null
T2=$(date +%s.%N)
[ "$CREATED_POLICY" = 1 ] && rm -f /usr/sbin/policy-rc.d
awk -v a="$T0" -v b="$T1" -v c="$T2" 'BEGIN{printf "install.sh: apt-get update %.1fs, install %.1fs, total %.1fs\n", b-a, c-b, c-a}'
dpkg-query -W -f='${Package} ${Version}\n' "${PKGS[@]}" 2>/dev/null | sed 's/^/  /' || true
