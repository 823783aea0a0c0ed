import type { Catalog } from "../types.js";

export const messageMessages: Catalog = {};
