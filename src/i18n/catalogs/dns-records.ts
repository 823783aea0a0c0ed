import type { Catalog } from "../types.js";

export const dnsRecordsMessages: Catalog = {};
