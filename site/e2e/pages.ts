import fs from 'node:fs';
import path from 'node:path';

/** A page of the built site: its URL path, locale and the source file it was built from. */
export interface SitePage {
  url: string;
  locale: 'en' | 'ko';
  source?: string;
}

function htmlFiles(dir: string, skip: string[]): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return skip.includes(full) ? [] : htmlFiles(full, skip);
    return entry.name.endsWith('.html') ? [full] : [];
  });
}

/** The MDX source of a page, so tests know how many diagrams it should show. */
function sourceOf(siteDir: string, locale: 'en' | 'ko', route: string): string | undefined {
  const candidates =
    route === '/'
      ? [locale === 'en' ? 'src/pages/index.mdx' : 'i18n/ko/docusaurus-plugin-content-pages/index.mdx']
      : route.startsWith('/docs/')
        ? [
            locale === 'en'
              ? `docs/${route.slice('/docs/'.length)}.mdx`
              : `i18n/ko/docusaurus-plugin-content-docs/current/${route.slice('/docs/'.length)}.mdx`,
          ]
        : [];
  return candidates.map((file) => path.join(siteDir, file)).find((file) => fs.existsSync(file));
}

/** Every HTML page of site/build in both locales, except the 404 page. */
export function sitePages(siteDir: string): SitePage[] {
  const build = path.join(siteDir, 'build');
  const ko = path.join(build, 'ko');
  const toRoute = (file: string, root: string) => {
    const relative = path
      .relative(root, file)
      .replace(/\\/g, '/')
      .replace(/\.html$/, '');
    return relative === 'index' ? '/' : `/${relative.replace(/\/index$/, '/')}`;
  };
  const pages: SitePage[] = [];
  for (const [locale, root, skip] of [
    ['en', build, [ko]],
    ['ko', ko, []],
  ] as const) {
    for (const file of htmlFiles(root, [...skip])) {
      if (path.basename(file) === '404.html') continue;
      const route = toRoute(file, root);
      pages.push({ url: locale === 'en' ? route : `/ko${route === '/' ? '/' : route}`, locale, source: sourceOf(siteDir, locale, route) });
    }
  }
  return pages.sort((a, b) => a.url.localeCompare(b.url));
}

/** Number of mermaid diagrams in an MDX source. */
export function mermaidCount(source: string | undefined): number {
  if (!source) return 0;
  const text = fs.readFileSync(source, 'utf8');
  // Fenced mermaid blocks, and the target drawing each <SolutionDiagram> renders.
  return (text.match(/^```mermaid\s*$/gm) ?? []).length + (text.match(/^<SolutionDiagram\b/gm) ?? []).length;
}
