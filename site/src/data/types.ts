import type { LocalizedText } from '@workshop/catalog';

/** The metadata of one checker rule, as `checker/src/rules/index.ts` exports it. */
export interface RuleMeta {
  id: string;
  title: LocalizedText;
  severity: string;
  points: number;
  why: LocalizedText;
  fix: LocalizedText;
  modes: string[];
  /** AWS services the rule reads; a deploy target without one of them makes the rule SKIP in live mode. */
  services?: string[];
  /** A stretch-goal rule: SKIP, not FAIL, when the architecture leaves the feature out. */
  optional?: boolean;
  area?: string;
  guide?: { lab: string; section: string };
}

/** The checker's own `--help` output, top level and per subcommand. */
export interface CliHelp {
  main: string;
  commands: { name: string; help: string }[];
}

/** What the workshop-data plugin hands to the components at build time. */
export interface WorkshopData {
  rules: RuleMeta[];
  cli: CliHelp | null;
}
