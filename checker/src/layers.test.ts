import fs from 'node:fs';
import path from 'node:path';

/**
 * The checker's layers, bottom up: what each folder of src/ may import from src/. The model is the
 * resource graph and the types every layer shares; rules are pure functions of it; sources build it
 * (template, app, live); the engine runs rules over what a source loaded. Everything else (commands,
 * reporters, views, grading, learner, pricing, dev, cli.ts) sits on top and may import any of them.
 * errors.ts is the shared base of one-line errors and exit codes: every layer may import it.
 */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  model: ['model'],
  rules: ['rules', 'model'],
  sources: ['sources', 'model'],
  engine: ['engine', 'rules', 'model'],
};
const BASE = new Set(['errors.ts']);

const SRC = __dirname;

/** Production files: tests and the rules' test fixtures (graphs built through the template loader) may cross layers. */
function productionFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === path.join(SRC, 'rules', 'fixtures') ? [] : productionFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The relative module paths a file imports, re-exports, requires or imports lazily. */
function relativeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found = text.matchAll(/(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*)'(\.{1,2}\/[^']*)'/g);
  return [...found].map((match) => match[1]);
}

/** The top folder (or file) under src/ a path falls in, or undefined outside src/. */
function layerOf(file: string): string | undefined {
  const relative = path.relative(SRC, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const [top, ...rest] = relative.split(path.sep);
  return rest.length ? top : `${top.replace(/\.ts$/, '')}.ts`;
}

const edges = productionFiles(SRC).flatMap((file) =>
  relativeImports(file).map((spec) => ({ file, from: layerOf(file), to: layerOf(path.resolve(path.dirname(file), spec)), spec })),
);

describe('layering of checker/src', () => {
  it('reads the imports it judges', () => {
    // A scan that found nothing would pass vacuously; these edges exist by design.
    expect(edges.length).toBeGreaterThan(200);
    expect(edges.some((edge) => edge.from === 'engine' && edge.to === 'rules')).toBe(true);
    expect(edges.some((edge) => edge.from === 'sources' && edge.to === 'model')).toBe(true);
  });

  it.each(Object.keys(ALLOWED))('%s imports only from the layers below it', (layer) => {
    const wrong = edges
      .filter((edge) => edge.from === layer && edge.to !== undefined && !BASE.has(edge.to) && !ALLOWED[layer].includes(edge.to))
      .map(
        (edge) =>
          `${path.relative(SRC, edge.file)} imports '${edge.spec}' (${edge.to}): ${layer} may import only ${ALLOWED[layer].join(', ')}`,
      );
    expect(wrong).toEqual([]);
  });

  it('keeps the shared base free of the layers', () => {
    const wrong = edges.filter((edge) => edge.from !== undefined && BASE.has(edge.from) && edge.to !== undefined && edge.to !== edge.from);
    expect(wrong.map((edge) => `${path.relative(SRC, edge.file)} imports '${edge.spec}'`)).toEqual([]);
  });

  it('leaves test infrastructure outside src', () => {
    const wrong = edges.filter(
      (edge) => edge.to === undefined && path.resolve(path.dirname(edge.file), edge.spec).includes(`${path.sep}testing${path.sep}`),
    );
    expect(wrong.map((edge) => `${path.relative(SRC, edge.file)} imports '${edge.spec}'`)).toEqual([]);
  });
});
