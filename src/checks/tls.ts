import type { Check } from "../core/check.js";

export const tlsChecks: Check[] = [];
