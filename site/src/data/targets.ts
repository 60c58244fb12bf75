import type { LocalizedText } from '@workshop/catalog';
import targetsJson from './targets.json';
import capabilityTable from '../../../tools/local/src/emulator-capabilities.json';

/** How well a deploy target runs one lab; "pending" until the local-AWS measurements fill it in. */
export type CapabilityStatus = 'pending' | 'full' | 'partial' | 'none';

/** One cell of the capability table. */
export interface Capability {
  status: CapabilityStatus;
  /** What was measured or what is missing, e.g. "ELB and RDS deploy as no-ops". */
  note?: LocalizedText;
}

/** A column of the table: a place a learner can deploy to. */
export interface DeployTarget {
  id: string;
  name: LocalizedText;
  needs: LocalizedText;
  cost: LocalizedText;
}

/** The whole capability table: columns, and per lab id a cell per column. */
export interface TargetsData {
  targets: DeployTarget[];
  labs: Record<string, Record<string, Capability>>;
  source: LocalizedText;
}

const measured = targetsJson as TargetsData;
const emulatorCells = capabilityTable.emulator.labs as Record<string, Capability>;

/** src/data/targets.json, typed, with the embedded emulator's cells from the local tool's capability table. */
export const targetsData: TargetsData = {
  ...measured,
  labs: Object.fromEntries(Object.entries(measured.labs).map(([lab, row]) => [lab, { emulator: emulatorCells[lab], ...row }])),
};

/** Every status a cell may have. */
export const CAPABILITY_STATUSES: readonly CapabilityStatus[] = ['pending', 'full', 'partial', 'none'];
