import type { Catalog } from "../types.js";

export const spfMessages: Catalog = {};
