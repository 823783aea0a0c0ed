import type { Check } from "../core/check.js";

export const serversChecks: Check[] = [];
