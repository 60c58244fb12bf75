import { withParticle } from '../korean';
import { failWith } from '../problems';
import { behaviorsOf, distributions } from '../../model/queries/cdn';
import { stringProp } from '../../model/queries/values';
import type { Rule } from '../types';
import { absent, THINGS } from '../absent';

const SECURE = new Set(['redirect-to-https', 'https-only']);

/** Every behaviour makes viewers use HTTPS (redirect or HTTPS only). */
export const cloudfrontHttpsRedirect: Rule = {
  id: 'cloudfront-https-redirect',
  area: 'cdn',
  title: {
    en: 'Every CloudFront behaviour makes viewers use HTTPS (redirect-to-https or https-only)',
    ko: 'CloudFront의 모든 동작이 HTTPS를 쓰게 한다(redirect-to-https 또는 https-only)',
  },
  severity: 'high',
  points: 5,
  why: {
    en: 'Logins, carts and payment pages must never cross the internet in plain text; CloudFront gives every distribution a certificate, so HTTPS costs nothing extra.',
    ko: '로그인, 장바구니, 결제 페이지는 절대 평문으로 인터넷을 건너면 안 됩니다. CloudFront가 모든 디스트리뷰션에 인증서를 주므로 HTTPS에 추가 비용이 없습니다.',
  },
  fix: {
    en: 'viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS on the default behaviour (HTTPS_ONLY suits an API, where a redirect would drop a POST body).',
    ko: '기본 동작에 viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS를 주세요(API에는 리디렉션이 POST 본문을 잃으므로 HTTPS_ONLY가 맞습니다).',
  },
  guide: { lab: 'cloudfront-cdn', section: 'https-redirect' },
  seed: { seed: '001_8b32331c4bddb65a', section: 'Feed Back: CloudFront(HTTPS 연결 구성)' },
  modes: ['template', 'live'],
  services: ['cloudfront'],
  evaluate({ graph }) {
    const all = distributions(graph);
    if (all.length === 0) return absent({ thing: THINGS.distribution, reportedBy: 'cloudfront-static-origin' });
    const insecure: string[] = [];
    for (const distribution of all) {
      for (const behavior of behaviorsOf(graph, distribution)) {
        const policy = stringProp(graph, distribution, `${behavior.path}.ViewerProtocolPolicy`) ?? 'allow-all';
        if (!SECURE.has(policy)) insecure.push(`${distribution.id} ${behavior.pathPattern} (${policy})`);
      }
    }
    if (insecure.length > 0) {
      return failWith([
        {
          en: `Plain HTTP is still served by ${insecure.join(', ')}.`,
          ko: `${withParticle(insecure.join(', '), '이/가')} 아직 평문 HTTP를 제공합니다.`,
          resources: all.map((d) => d.id),
        },
      ]);
    }
    return {
      status: 'PASS',
      message: {
        en: 'Every behaviour redirects to HTTPS or accepts HTTPS only.',
        ko: '모든 동작이 HTTPS로 리디렉션하거나 HTTPS만 받습니다.',
      },
      resources: all.map((d) => d.id),
    };
  },
};
