import table from '../../../labs/prices.json';
import type { LocalizedText } from './types';

/** One priced unit of labs/prices.json: what it is, per hour or per month, its price in each Region. */
export interface PriceEntry {
  name: LocalizedText;
  /** What one unit of quantity is, when it is not one resource (e.g. "GB a month"). */
  unit?: LocalizedText;
  per: 'hour' | 'month';
  usd: Readonly<Record<string, number>>;
  /** vCPUs of an RDS class (RDS Extended Support is charged per vCPU). */
  vcpus?: number;
  source?: string;
  /** Per Region: when the price was checked and against what, or why it could not be confirmed. */
  check: Readonly<Record<string, PriceCheck>>;
}

/** How one price of one Region was confirmed: checked on a date against a named source, or unverified with the reason. */
export type PriceCheck = { checked: string; by: string } | { unverified: LocalizedText };

/** labs/prices.json: the dated on-demand price table of the Regions the labs use. */
export interface PriceTable {
  /** The day the table was last checked (each price's own status is in its `check`). */
  date: string;
  currency: 'USD';
  hoursPerMonth: number;
  regions: Readonly<Record<string, LocalizedText>>;
  assumptions: {
    natGatewayGbPerMonth: number;
    albLcuPerHour: number;
    cloudFrontHttpsRequestsPerMonth: number;
    wafRequestsPerMonth: number;
    /** GB AWS Backup stores in each vault (and a copy moves a month) per GB of volumes and databases a plan covers. */
    backupGbPerDataGb: number;
    /** GB a replicated bucket writes a month: what S3 replicates to the other bucket and the replica holds. */
    replicatedGbPerMonth: number;
    /** GB of changes a database sends a month to each of its read replicas in another Region. */
    crossRegionReplicaGbPerMonth: number;
  };
  prices: Readonly<Record<string, PriceEntry>>;
  /** Engine versions past standard support: since when, and the rate's multiple (year 3 doubles it). */
  extendedSupport: Readonly<Record<string, Readonly<Record<string, { since: string; factor: number }>>>>;
  leavesOut: { en: string[]; ko: string[] };
}

/** The price table, as committed. */
export const priceTable = table as PriceTable;

/** One line of a cost: a price of the table and how many units of it. */
export interface CostLine {
  price: string;
  quantity: number;
}

/** A cost line with its name and its cost per hour, in one Region. */
export interface PricedLine extends CostLine {
  /** "2 × NAT gateway", "NAT gateway data processing (10 GB a month)". */
  resource: LocalizedText;
  /** Price of one unit, per `per`. */
  unitUsd: number;
  per: 'hour' | 'month';
  /** Cost per hour of the whole line (monthly prices spread over the month's hours). */
  usd: number;
  /** Why the unit price is not confirmed, when it is not (labs/prices.json `check`). */
  unverified?: LocalizedText;
}

/** The table's price of one unit in a Region, or undefined when the table does not have it. */
export function unitPrice(key: string, region: string, source: PriceTable = priceTable): number | undefined {
  return source.prices[key]?.usd[region];
}

/** Prices a cost line in a Region; throws naming the key when the table lacks it. */
export function priceLine(line: CostLine, region: string, source: PriceTable = priceTable): PricedLine {
  const entry = source.prices[line.price];
  const unitUsd = entry?.usd[region];
  if (!entry || unitUsd === undefined) {
    throw new Error(`labs/prices.json has no price "${line.price}" for ${region}: add it or fix the key.`);
  }
  const hourly = entry.per === 'hour' ? line.quantity * unitUsd : (line.quantity * unitUsd) / source.hoursPerMonth;
  const unverified = unverifiedReason(line.price, region, source);
  return { ...line, resource: lineName(entry, line.quantity), unitUsd, per: entry.per, usd: hourly, ...(unverified ? { unverified } : {}) };
}

/** Why a price of the table is not confirmed in a Region, or undefined when it was checked. */
export function unverifiedReason(key: string, region: string, source: PriceTable = priceTable): LocalizedText | undefined {
  const check = source.prices[key]?.check[region];
  if (check === undefined)
    return { en: 'the table says nothing about checking this price', ko: '표에 이 가격을 확인했는지 적혀 있지 않습니다' };
  return 'unverified' in check ? check.unverified : undefined;
}

/** A line's name in both languages: a count before a resource, a quantity after a volume. */
function lineName(entry: PriceEntry, quantity: number): LocalizedText {
  const amount = Number.isInteger(quantity) ? String(quantity) : String(Math.round(quantity * 100) / 100);
  if (entry.unit) return { en: `${entry.name.en} (${amount} ${entry.unit.en})`, ko: `${entry.name.ko}(${amount} ${entry.unit.ko})` };
  return quantity === 1 ? entry.name : { en: `${amount} × ${entry.name.en}`, ko: `${entry.name.ko} ${amount}개` };
}

/** Rounds US dollars to tenths of a cent, as costs are shown. */
export function roundUsd(usd: number): number {
  return Math.round(usd * 1000) / 1000;
}
