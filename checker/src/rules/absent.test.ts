import { absent, THINGS, unseen } from './absent';

describe('absent: the one policy for a missing thing', () => {
  it('FAILs when the rule asks for the thing itself, with its instruction', () => {
    const outcome = absent({ required: { en: 'There is no RDS database: add one.', ko: 'RDS 데이터베이스가 없습니다. 추가하세요.' } });
    expect(outcome).toEqual({
      status: 'FAIL',
      message: { en: 'There is no RDS database: add one.', ko: 'RDS 데이터베이스가 없습니다. 추가하세요.' },
      resources: [],
    });
  });

  it('SKIPs a detail of a thing another rule asks for, naming that rule with the right Korean particle, its points still at stake', () => {
    expect(absent({ thing: THINGS.distribution, reportedBy: 'cloudfront-static-origin' })).toEqual({
      status: 'SKIP',
      message: {
        en: 'No CloudFront distribution yet (cloudfront-static-origin reports it).',
        ko: '아직 CloudFront 디스트리뷰션이 없습니다(cloudfront-static-origin이 알려 줍니다).',
      },
      pointsAtStake: true,
    });
    expect(absent({ thing: THINGS.bastion, reportedBy: 'bastion-restricted-ssh' }).message.ko).toBe(
      '아직 Bastion이 없습니다(bastion-restricted-ssh가 알려 줍니다).',
    );
  });

  it('SKIPs an optional stretch with how to try it, and a rule with nothing to check', () => {
    const stretch = absent({ thing: { en: 'geo restriction', ko: '지역 제한' }, optional: { en: 'Try X.', ko: 'X를 해 보세요.' } });
    expect(stretch.message).toEqual({
      en: 'Optional stretch not attempted: no geo restriction. Try X.',
      ko: '선택 심화 과제를 하지 않았습니다. 지역 제한이 없습니다. X를 해 보세요.',
    });
    expect(absent({ thing: { en: 'VPC', ko: 'VPC' }, nothingToCheck: true })).toEqual({
      status: 'SKIP',
      message: { en: 'Nothing to check: the stack has no VPC.', ko: '확인할 것이 없습니다. 스택에 VPC가 없습니다.' },
    });
    expect(unseen({ en: 'e', ko: 'k' })).toEqual({ status: 'SKIP', message: { en: 'e', ko: 'k' } });
  });
});
