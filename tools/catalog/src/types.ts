/** A string in English (the default) and Korean. */
export interface LocalizedText {
  en: string;
  ko: string;
}

/** The languages every learner-facing string exists in. */
export type Lang = keyof LocalizedText;

/** A section of one of the two seed documents that a lab retells. */
export interface SeedSection {
  seed: string;
  section: string;
  title: LocalizedText;
}

/** A hint tied to the starter's `TODO(<lab-id>) step N` mark. */
export interface Hint extends LocalizedText {
  step: number;
  file: string;
}

/** One resource that costs money on real AWS while the lab is deployed. */
export interface CostItem {
  resource: LocalizedText;
  usd: number;
}

/** One lab of the workshop, as recorded in labs/catalog.json. */
export interface Lab {
  id: string;
  title: LocalizedText;
  summary: LocalizedText;
  objectives: LocalizedText[];
  seedSections: SeedSection[];
  stackName: string;
  checks: string[];
  hints: Hint[];
  durationMinutes: number;
  costPerHour: CostItem[];
}

/** The whole catalog: labs in workshop order plus pricing assumptions. */
export interface Catalog {
  pricing: { region: string; currency: 'USD'; note: LocalizedText };
  labs: Lab[];
}
