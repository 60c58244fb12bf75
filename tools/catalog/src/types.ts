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

/** One resource that costs money on real AWS while the lab's solution is deployed: a price of labs/prices.json and how many units. */
export interface CostItem {
  price: string;
  quantity: number;
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

/** A lab with its cost lines priced from labs/prices.json in the catalog's Region. */
export interface PricedLab extends Lab {
  cost: {
    /** Each cost line with its name, US dollars per hour and, when its price is not confirmed, why. */
    items: Array<CostItem & { resource: LocalizedText; usd: number; unverified?: LocalizedText }>;
    /** Sum of the items, rounded to tenths of a cent. */
    hourlyUsd: number;
  };
}

/** The catalog with every lab priced, and the date of the prices. */
export interface PricedCatalog extends Catalog {
  labs: PricedLab[];
  /** The day labs/prices.json was last checked. */
  priceDate: string;
}

/** The whole catalog: labs in workshop order plus pricing assumptions. */
export interface Catalog {
  pricing: { region: string; currency: 'USD'; note: LocalizedText };
  labs: Lab[];
}
