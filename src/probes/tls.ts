import type { DomainProbe } from "../core/probe.js";

export const tlsProbes: DomainProbe[] = [];
