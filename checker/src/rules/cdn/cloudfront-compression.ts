import { failWith } from '../problems';
import { behaviorsOf, distributions } from '../../model/queries/cdn';
import { booleanProp } from '../../model/queries/values';
import type { Rule } from '../types';
import { absent, THINGS } from '../absent';

/** The behaviours that serve files from S3 compress them at the edge. */
export const cloudfrontCompression: Rule = {
  id: 'cloudfront-compression',
  area: 'cdn',
  title: {
    en: 'CloudFront compresses the static files it serves (gzip and Brotli)',
    ko: 'CloudFront가 제공하는 정적 파일을 압축한다(gzip, Brotli)',
  },
  severity: 'low',
  points: 5,
  why: {
    en: 'HTML, CSS and JavaScript shrink by 60-80% when compressed: pages load faster far from Seoul, and data transfer costs less.',
    ko: 'HTML, CSS, JavaScript는 압축하면 60-80% 작아집니다. 서울에서 먼 곳에서도 페이지가 빨리 뜨고 데이터 전송 비용도 줄어듭니다.',
  },
  fix: {
    en: 'compress: true on the default behaviour (CDK’s default), with a cache policy that accepts gzip and Brotli (CachingOptimized does).',
    ko: '기본 동작에 compress: true(CDK 기본값)를 두고, gzip과 Brotli를 받는 캐시 정책(CachingOptimized)을 쓰세요.',
  },
  guide: { lab: 'cloudfront-cdn', section: 'cache-policies' },
  seed: { seed: '000_0cb1d160706ddd77', section: '5' },
  modes: ['template', 'live'],
  services: ['cloudfront'],
  evaluate({ graph }) {
    const all = distributions(graph);
    if (all.length === 0) return absent({ thing: THINGS.distribution, reportedBy: 'cloudfront-static-origin' });
    const uncompressed: string[] = [];
    for (const distribution of all) {
      for (const behavior of behaviorsOf(graph, distribution)) {
        const servesFiles = behavior.isDefault || behavior.origin?.kind === 's3-rest' || behavior.origin?.kind === 's3-website';
        if (servesFiles && booleanProp(graph, distribution, `${behavior.path}.Compress`) !== true)
          uncompressed.push(`${distribution.id} ${behavior.pathPattern}`);
      }
    }
    if (uncompressed.length > 0) {
      return failWith([
        {
          en: `Static files go out uncompressed from ${uncompressed.join(', ')}.`,
          ko: `${uncompressed.join(', ')}에서 정적 파일이 압축 없이 나갑니다.`,
          resources: all.map((d) => d.id),
        },
      ]);
    }
    return {
      status: 'PASS',
      message: { en: 'Static files are compressed at the edge.', ko: '정적 파일이 엣지에서 압축됩니다.' },
      resources: all.map((d) => d.id),
    };
  },
};
