import type { LocalizedText } from '@workshop/catalog';
import glossaryJson from './glossary.json';

/** One glossary entry: the term and its definition in both languages, and the lab that teaches it. */
export interface GlossaryTerm {
  id: string;
  term: LocalizedText;
  definition: LocalizedText;
  lab?: string;
}

/** src/data/glossary.json, typed. */
export const glossary = (glossaryJson as { terms: GlossaryTerm[] }).terms;

/** One Korean term the workshop uses for one thing, and the spellings it rejects (regular expressions). */
export interface KoreanTerm {
  en: string;
  use: string;
  why: string;
  /** The rejected spellings as a reader sees them. */
  avoid: string[];
  /** The same as regular expressions, for the terminology test. */
  reject: string[];
}

/** The Korean term table of src/data/glossary.json: one term for one thing, as the Korean AWS console and docs write it. */
export const koreanTerms = (glossaryJson as { koreanTerms: KoreanTerm[] }).koreanTerms;

/** Every rejected spelling in `text`, with its line number and the term to use instead. */
export function rejectedSpellings(
  text: string,
  terms: readonly KoreanTerm[] = koreanTerms,
): { line: number; found: string; use: string }[] {
  const lines = text.split('\n');
  return terms.flatMap((term) =>
    term.reject.flatMap((pattern) => {
      const regex = new RegExp(pattern, 'gu');
      return lines.flatMap((line, index) =>
        [...line.matchAll(regex)].map((match) => ({ line: index + 1, found: match[0], use: term.use })),
      );
    }),
  );
}
