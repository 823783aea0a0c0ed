import type { RunContext } from "../core/context.js";
import type { Evidence } from "../core/evidence.js";
import type { DomainProbe } from "../core/probe.js";
import type { DnsAnswer } from "../net/dns/types.js";
import {
  DEFAULT_DNSBLS,
  DNSBL_CONTROL_ADDRESS,
  DNSBL_TEST_ADDRESS,
  dnsblIpv6TestName,
  dnsblQueryName,
  isValidDnsblZone,
} from "../standards/dnsbl.js";
import { addressFamily } from "../standards/address-scope.js";
import { ask, mapLimit } from "./dns-query.js";
import { mxAddresses } from "./ptr.js";

/** One address asked of one list. */
export interface DnsblLookup {
  address: string;
  zone: string;
  /** The query name, e.g. `10.0.0.127.bl.example`. */
  name: string;
  answer: DnsAnswer;
  /** The list's TXT reason, asked only when the A query returned data. */
  txt?: DnsAnswer;
}

/** RFC 5782 §5 self-test of a list: 127.0.0.2 must be listed and 127.0.0.1 must not. */
export interface DnsblSelfTest {
  zone: string;
  test: DnsAnswer;
  control: DnsAnswer;
  /** The IPv6 test entry (::FFFF:7F00:2), asked only when an IPv6 address was looked up. */
  test6?: DnsAnswer;
}

export interface DnsblEvidence {
  zones: string[];
  lookups: DnsblLookup[];
  selfTests: DnsblSelfTest[];
}

declare module "../core/evidence.js" {
  interface Evidence {
    dnsbl?: DnsblEvidence;
  }
}

const MAX_ADDRESSES = 32;
const MAX_ZONES = 32;

/** Phase 2: every MX address (IPv4 and IPv6) in every configured DNS blocklist. */
export const dnsblProbe: DomainProbe = {
  name: "dnsbl",
  area: "dnsbl",
  phase: 2,
  async run(evidence: Evidence, ctx: RunContext): Promise<void> {
    // A zone that is not a DNS name cannot be asked (the CLI should reject such --dnsbl values up front).
    const wanted = (ctx.dnsbls ?? DEFAULT_DNSBLS).filter(isValidDnsblZone);
    const zones = [...new Set(wanted.map((z) => z.toLowerCase().replace(/\.$/, "")))].slice(0, MAX_ZONES);
    const addresses = [...mxAddresses(evidence).keys()].slice(0, MAX_ADDRESSES);
    const pairs = addresses.flatMap((address) =>
      zones.flatMap((zone) => {
        const name = dnsblQueryName(address, zone);
        return name ? [{ address, zone, name }] : [];
      }),
    );
    const hasIpv6 = addresses.some((a) => addressFamily(a) === 6 && !a.toLowerCase().startsWith("::ffff:"));
    const [lookups, selfTests] = await Promise.all([
      mapLimit(pairs, 16, async (p): Promise<DnsblLookup> => {
        const answer = await ask(ctx, p.name, "A");
        if (answer.status !== "noerror") return { ...p, answer };
        return { ...p, answer, txt: await ask(ctx, p.name, "TXT") };
      }),
      // Only lists that were actually used need their self-test.
      mapLimit(pairs.length ? zones : [], 8, async (zone): Promise<DnsblSelfTest> => {
        const [test, control, test6] = await Promise.all([
          ask(ctx, dnsblQueryName(DNSBL_TEST_ADDRESS, zone) ?? zone, "A"),
          ask(ctx, dnsblQueryName(DNSBL_CONTROL_ADDRESS, zone) ?? zone, "A"),
          hasIpv6 ? ask(ctx, dnsblIpv6TestName(zone), "A") : undefined,
        ]);
        return test6 ? { zone, test, control, test6 } : { zone, test, control };
      }),
    ]);
    evidence.dnsbl = { zones, lookups, selfTests };
  },
};
