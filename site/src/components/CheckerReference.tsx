import React from 'react';
import Link from '@docusaurus/Link';
import { guideRoute } from '@workshop/catalog/core';
import Heading from '@theme/Heading';
import { catalog, labById, rules } from '../data/workshop';
import { useLang } from '../lib/i18n';

/** Every checker rule from its own metadata: what it checks, why, how to fix, modes, points and the labs that run it. */
export default function CheckerReference(): React.JSX.Element {
  const lang = useLang();
  const ko = lang === 'ko';
  if (rules.length === 0) {
    return (
      <p className="ws-note ws-empty">
        {ko
          ? '아직 규칙이 없습니다. checker/src/rules/index.ts가 규칙을 내보내면 이 목록이 빌드 때 자동으로 만들어집니다.'
          : 'No rules yet. This list is generated at build time from checker/src/rules/index.ts as soon as it exports rules.'}
      </p>
    );
  }
  return (
    <div className="ws-rules">
      <p className="ws-note">
        {ko
          ? `규칙 ${rules.length}개. 이 목록은 체커의 규칙 메타데이터로 빌드 때 만들어집니다. 직접 고치지 마세요.`
          : `${rules.length} rules. Generated at build time from the checker's rule metadata: do not edit by hand.`}
      </p>
      {rules.map((rule) => {
        const labs = catalog.labs.filter((lab) => lab.checks.includes(rule.id));
        return (
          <section key={rule.id} className="ws-rule">
            <Heading as="h3" id={rule.id}>
              <code>{rule.id}</code>
            </Heading>
            <p>
              <strong>{rule.title[lang]}</strong>
            </p>
            <dl>
              <dt>{ko ? '중요한 이유' : 'Why it matters'}</dt>
              <dd>{rule.why[lang]}</dd>
              <dt>{ko ? '고치는 방법' : 'How to fix'}</dt>
              <dd>{rule.fix[lang]}</dd>
              <dt>{ko ? '심각도 · 배점 · 모드' : 'Severity · points · modes'}</dt>
              <dd>
                {rule.severity} · {rule.points} · {rule.modes.join(', ')}
              </dd>
              {rule.services && rule.services.length > 0 && (
                <>
                  <dt>{ko ? '읽는 AWS 서비스' : 'AWS services it reads'}</dt>
                  <dd>{rule.services.join(', ')}</dd>
                </>
              )}
              {rule.optional && (
                <>
                  <dt>{ko ? '선택 과제' : 'Stretch goal'}</dt>
                  <dd>
                    {ko ? '이 기능이 없으면 FAIL이 아니라 SKIP입니다.' : 'SKIP, not FAIL, when the architecture leaves this feature out.'}
                  </dd>
                </>
              )}
              <dt>{ko ? '검사하는 실습' : 'Checked in'}</dt>
              <dd>
                {labs.length === 0
                  ? ko
                    ? '(아직 어느 실습에도 없음)'
                    : '(no lab yet)'
                  : labs.map((lab, index) => (
                      <React.Fragment key={lab.id}>
                        {index > 0 && ', '}
                        <Link to={guideRoute(lab.id)}>{lab.title[lang]}</Link>
                      </React.Fragment>
                    ))}
              </dd>
              {rule.guide && (
                <>
                  <dt>{ko ? '가이드' : 'Guide'}</dt>
                  <dd>
                    <Link to={guideRoute(rule.guide.lab, { section: rule.guide.section })}>
                      {labById(rule.guide.lab).title[lang]} § {rule.guide.section}
                    </Link>
                  </dd>
                </>
              )}
            </dl>
          </section>
        );
      })}
    </div>
  );
}
