import React from 'react';
import { koreanTerms } from '../data/glossary';
import { useLang } from '../lib/i18n';

/** The Korean term table: the one Korean term used for each thing and the spellings the docs never use. */
export default function KoreanTerms(): React.JSX.Element {
  const ko = useLang() === 'ko';
  return (
    <div className="ws-table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{ko ? '영어' : 'English'}</th>
            <th scope="col">{ko ? '쓰는 용어' : 'Korean term used'}</th>
            <th scope="col">{ko ? '쓰지 않는 표기' : 'Spellings never used'}</th>
            <th scope="col">{ko ? '이유' : 'Why (in Korean)'}</th>
          </tr>
        </thead>
        <tbody>
          {koreanTerms.map((term) => (
            <tr key={term.en}>
              <td>{term.en}</td>
              <td lang="ko">{term.use}</td>
              <td lang="ko">{term.avoid.join(', ')}</td>
              <td lang="ko">{term.why}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
