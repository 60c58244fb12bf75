import path from 'node:path';

/** Guide page of a lab in the given locale, relative to site/. */
export function guidePath(labId: string, lang: 'en' | 'ko'): string {
  return lang === 'en'
    ? path.join('docs', 'labs', `${labId}.mdx`)
    : path.join('i18n', 'ko', 'docusaurus-plugin-content-docs', 'current', 'labs', `${labId}.mdx`);
}
