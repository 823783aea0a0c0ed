import type { Catalog } from "../types.js";

export const serversMessages: Catalog = {};
