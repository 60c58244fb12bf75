import type { Rule } from './types';

/** Every rule the checker knows, in report order. Each lives in rules/<area>/<id>.ts. */
export const rules: readonly Rule[] = [];
