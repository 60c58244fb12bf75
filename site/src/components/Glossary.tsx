import React from 'react';
import Link from '@docusaurus/Link';
import { guideRoute } from '@workshop/catalog/core';
import { glossary } from '../data/glossary';
import { labById } from '../data/workshop';
import { useLang } from '../lib/i18n';

/** Every term of the workshop with its English and Korean names and a definition in the page's language. */
export default function Glossary(): React.JSX.Element {
  const lang = useLang();
  const other = lang === 'ko' ? 'en' : 'ko';
  const terms = [...glossary].sort((a, b) => a.term[lang].localeCompare(b.term[lang], lang));
  return (
    <dl className="ws-glossary">
      {terms.map((entry) => (
        <React.Fragment key={entry.id}>
          <dt id={entry.id}>
            {entry.term[lang]}{' '}
            <span className="ws-note" lang={other}>
              ({entry.term[other]})
            </span>
          </dt>
          <dd>
            {entry.definition[lang]}
            {entry.lab && (
              <>
                {' '}
                <Link to={guideRoute(entry.lab)}>
                  {lang === 'ko' ? `→ ${labById(entry.lab).title.ko}` : `→ ${labById(entry.lab).title.en}`}
                </Link>
              </>
            )}
          </dd>
        </React.Fragment>
      ))}
    </dl>
  );
}
