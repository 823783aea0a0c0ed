#!/usr/bin/python3
"""pyspf (python3-spf) over many cases in one process, against the lab resolver (not resolv.conf).
stdin: one JSON array [ip, sender, helo] per line; stdout: one JSON array [result, explanation] per line.
Resolver: $LAB_RESOLVER (default 127.0.0.3)."""
import json, os, sys
import dns.resolver
import spf

r = dns.resolver.Resolver(configure=False)
r.nameservers = [os.environ.get("LAB_RESOLVER", "127.0.0.3")]
r.lifetime = 5
dns.resolver.default_resolver = r

for line in sys.stdin:
    ip, sender, helo = json.loads(line)
    res, expl = spf.check2(i=ip, s=sender, h=helo)
    print(json.dumps([res, expl]), flush=True)
