import type { Catalog } from "../types.js";
import { coreMessages } from "./core.js";
import { dnsRecordsMessages } from "./dns-records.js";
import { policyMessages } from "./policy.js";
import { spfMessages } from "./spf.js";
import { serversMessages } from "./servers.js";
import { tlsMessages } from "./tls.js";
import { insideMessages } from "./inside.js";
import { messageMessages } from "./message.js";

/** Every finding text, merged from one catalog file per area group. */
export const catalog: Catalog = {
  ...coreMessages,
  ...dnsRecordsMessages,
  ...policyMessages,
  ...spfMessages,
  ...serversMessages,
  ...tlsMessages,
  ...insideMessages,
  ...messageMessages,
};
