import type { LocalizedText } from '@workshop/catalog';
import type { ResourceGraph } from '../../model/graph';
import { primaryDatabases } from '../../model/queries/database';
import type { Resource } from '../../model/types';
import { absent, THINGS } from '../absent';
import { failWith, type Problem } from '../problems';
import type { Outcome } from '../types';

/**
 * Judges every primary database of the stack on its own: `judge` returns what is wrong with one, or
 * the label it passes under. SKIP without a database (rds-private asks for it), FAIL with every
 * problem found, otherwise PASS with `passed` built from the labels joined by commas.
 */
export function judgeEachDatabase(
  graph: ResourceGraph,
  judge: (db: Resource) => Problem | string,
  passed: (labels: string) => LocalizedText,
): Outcome {
  const databases = primaryDatabases(graph);
  if (databases.length === 0) return absent({ thing: THINGS.database, reportedBy: 'rds-private' });
  const verdicts = databases.map(judge);
  const problems = verdicts.filter((verdict): verdict is Problem => typeof verdict !== 'string');
  if (problems.length > 0) return failWith(problems);
  return { status: 'PASS', message: passed(verdicts.join(', ')), resources: databases.map((db) => db.id) };
}
