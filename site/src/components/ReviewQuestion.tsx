import React from 'react';
import Details from '@theme/Details';
import { useLang } from '../lib/i18n';

/** Props of ReviewQuestion: the question, and its answer as children (hidden until opened). */
export interface ReviewQuestionProps {
  question: string;
  children: React.ReactNode;
}

/** A review question whose answer stays folded until the learner opens it. */
export default function ReviewQuestion({ question, children }: ReviewQuestionProps): React.JSX.Element {
  const lang = useLang();
  return (
    <div className="ws-review">
      <p className="ws-review__question">
        <strong>{question}</strong>
      </p>
      <Details summary={<summary>{lang === 'ko' ? '답 보기' : 'Show the answer'}</summary>}>{children}</Details>
    </div>
  );
}
