import type { Catalog } from "../types.js";

export const insideMessages: Catalog = {};
