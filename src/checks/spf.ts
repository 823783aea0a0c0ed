import type { Check } from "../core/check.js";

export const spfChecks: Check[] = [];
