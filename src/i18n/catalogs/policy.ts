import type { Catalog } from "../types.js";

export const policyMessages: Catalog = {};
