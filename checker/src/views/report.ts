import type { CheckReport } from '../engine/result';
import type { ResourceGraph } from '../model/graph';
import { architectureOf, missingFrom } from './architecture';
import type { LabTarget } from './targets';

/** The report with the learner's architecture and what the lab's target (committedTarget) has that it lacks, when there is one. */
export function withArchitecture(report: CheckReport, graph: ResourceGraph, target: LabTarget | undefined): CheckReport {
  const mine = architectureOf(graph);
  return { ...report, architecture: { mine, missing: target ? missingFrom(mine, target.architecture) : undefined } };
}
