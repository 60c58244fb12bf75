import type { Outcome } from '../types';

/** The SKIP every CloudFront rule but cloudfront-static-origin returns when the stack has no distribution yet. */
export const NO_DISTRIBUTION: Outcome = {
  status: 'SKIP',
  message: {
    en: 'No CloudFront distribution yet (cloudfront-static-origin reports it).',
    ko: '아직 CloudFront 디스트리뷰션이 없습니다(cloudfront-static-origin이 알려 줍니다).',
  },
};
