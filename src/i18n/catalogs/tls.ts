import type { Catalog } from "../types.js";

export const tlsMessages: Catalog = {};
