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
