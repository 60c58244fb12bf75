import { toCsv } from './csv';
import type { ClassResult } from './grade-class';

/** gradebook.csv: one row per graded student (roster order), then one column per rule with its status. */
export function gradebookCsv(result: ClassResult): string {
  const checks = result.lab.checks;
  const header = ['student_id', 'name', 'lab', 'score', 'max', 'passed', ...checks, 'error'];
  const rows = result.students.map((outcome) => {
    const { student, report } = outcome;
    if (!report)
      return [student.id, student.name, result.lab.id, '', '', 'ERROR', ...checks.map(() => ''), outcome.error?.[result.lang] ?? ''];
    const status = new Map(report.results.map((r) => [r.ruleId, r.status]));
    const passed = report.summary.FAIL === 0 && report.summary.ERROR === 0 ? 'yes' : 'no';
    return [
      student.id,
      student.name,
      result.lab.id,
      report.score.points,
      report.score.maxPoints,
      passed,
      ...checks.map((id) => status.get(id) ?? ''),
      '',
    ];
  });
  return toCsv([header, ...rows]);
}
