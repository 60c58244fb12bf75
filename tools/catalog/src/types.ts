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

/** Which of a lab's Regions: the deploy target's (primary) or the lab's second Region (secondary, CDK context `secondaryRegion`). */
export type RegionRole = 'primary' | 'secondary';

/** A stack parameter filled at deploy time from an output of an earlier stack of the same lab. */
export interface StackParameterSource {
  stack: string;
  output: string;
}

/** One stack of a lab, in deploy order: its name, its Region and the parameters earlier stacks' outputs fill. */
export interface LabStack {
  name: string;
  region: RegionRole;
  /** Parameter name to the earlier stack and output whose value it receives (`cdk deploy --parameters`). */
  parameters?: Record<string, StackParameterSource>;
}

/** One resource that costs money on real AWS while the lab's solution is deployed: a price of labs/prices.json and how many units. */
export interface CostItem {
  price: string;
  quantity: number;
  /** The Region the resource runs in. @default 'primary' */
  region?: RegionRole;
}

/** One lab of the workshop, as recorded in labs/catalog.json. */
export interface Lab {
  id: string;
  title: LocalizedText;
  summary: LocalizedText;
  objectives: LocalizedText[];
  seedSections: SeedSection[];
  /** The main stack, in the primary Region (the only one of a lab without `stacks`). */
  stackName: string;
  /** Every stack in deploy order, when the lab has several (see labStacks in core.ts). */
  stacks?: LabStack[];
  /** The lab's second Region when it is not the catalog's (see secondaryRegion in core.ts). */
  secondaryRegion?: string;
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
    /** The sum in each Region the lab's items run in (primary first; one entry for a lab in one Region). */
    regions: Array<{ role: RegionRole; region: string; hourlyUsd: number }>;
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
  /** Prices are of `region` (the primary Region on AWS); `secondaryRegion` is labs' second Region (default DEFAULT_SECONDARY_REGION). */
  pricing: { region: string; currency: 'USD'; note: LocalizedText; secondaryRegion?: string };
  labs: Lab[];
}
