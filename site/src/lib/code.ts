import { structuredPatch } from 'diff';
import { labFolder } from '@workshop/catalog/core';

const LANGUAGES: Record<string, string> = {
  ts: 'typescript',
  js: 'javascript',
  json: 'json',
  html: 'html',
  css: 'css',
  sh: 'bash',
  md: 'markdown',
};

/** The language Prism highlights a file in, from its extension. */
export function languageOf(file: string): string {
  return LANGUAGES[file.split('.').pop() ?? ''] ?? 'text';
}

/** Cuts "12-40" (1-based, inclusive) out of a text; the whole text when `lines` is empty. */
export function sliceLines(code: string, lines?: string): { text: string; first: number } {
  if (!lines) return { text: code.replace(/\n$/, ''), first: 1 };
  const match = /^(\d+)-(\d+)$/.exec(lines);
  if (!match) throw new Error(`lines="${lines}" must look like "12-40".`);
  const [first, last] = [Number(match[1]), Number(match[2])];
  const all = code.replace(/\n$/, '').split('\n');
  if (first < 1 || last < first || last > all.length) throw new Error(`lines="${lines}" is outside the file's ${all.length} lines.`);
  return { text: all.slice(first - 1, last).join('\n'), first };
}

/** A unified diff of a lab file from labs/<lab> to solutions/<lab>; empty when they are equal. */
export function unifiedDiff(lab: string, path: string, starter: string, solution: string, context = 3): string {
  const patch = structuredPatch(
    `${labFolder(lab, 'starter')}/${path}`,
    `${labFolder(lab, 'solution')}/${path}`,
    starter,
    solution,
    '',
    '',
    {
      context,
    },
  );
  if (patch.hunks.length === 0) return '';
  const body = patch.hunks.flatMap((hunk) => [
    `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
    ...hunk.lines.filter((line) => !line.startsWith('\\')),
  ]);
  return [`--- ${patch.oldFileName}`, `+++ ${patch.newFileName}`, ...body].join('\n');
}
