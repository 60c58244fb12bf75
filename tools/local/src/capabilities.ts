import type { LocalizedText } from '@workshop/catalog';
import table from './emulator-capabilities.json';

/** A resource type (or `Type.Property`) the emulator's CloudFormation does not create (or apply), and why. */
export interface EmulatorGap {
  readonly type: string;
  readonly reason: LocalizedText;
}

/** What the embedded emulator can do; the checker's moto profile, the local tool and the site read it. */
export interface EmulatorCapabilities {
  /** In words, for messages. */
  readonly name: string;
  /** Service names (SDK endpoint prefixes) its server answers. */
  readonly apiServices: readonly string[];
  /** The checker's rule services it emulates well enough for live checks. */
  readonly checkerServices: readonly string[];
  /** What its CloudFormation still cannot create or apply, with the reason. */
  readonly unsupported: readonly EmulatorGap[];
}

/** The one capability table of the local targets (tools/local/src/emulator-capabilities.json). */
export const capabilities: { readonly emulator: EmulatorCapabilities } = table;
