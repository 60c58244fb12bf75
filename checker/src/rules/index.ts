import { allRules } from './registry';
import type { Rule } from './types';

/** Every rule the checker knows, in report order (rules/registry.ts lists them; each lives in rules/<area>/<id>.ts). */
export const rules: readonly Rule[] = allRules();
