import { capabilities } from '@workshop/local/src/capabilities';
import { ExitCode } from '../../../errors';
import { LiveError } from '../errors';
import { detectTarget, servicesFromHealth, type Probe } from './detect';
import { ALL_SERVICES } from '../../../model/services';
import { AWS_PROFILE, LOCALSTACK_FREE_SERVICES, skipReason, type TargetProfile } from './profiles';

const endpoint = 'http://127.0.0.1:4566';

/** A probe that answers only the given paths. */
function probeOf(answers: Record<string, { status: number; body: unknown }>): Probe {
  return async (url) => {
    const path = url.slice(endpoint.length);
    const answer = answers[path];
    return answer
      ? { status: answer.status, body: typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body) }
      : undefined;
  };
}
const notFound = { status: 404, body: '<Error/>' };

describe('detectTarget', () => {
  it('is real AWS without an endpoint', async () => {
    await expect(detectTarget()).resolves.toBe(AWS_PROFILE);
    expect(AWS_PROFILE.services).toEqual(ALL_SERVICES);
  });

  it('recognizes LocalStack community from its health endpoint and keeps only running free-tier services', async () => {
    const profile = await detectTarget(
      endpoint,
      probeOf({
        '/_localstack/health': {
          status: 200,
          body: {
            edition: 'community',
            version: '4.14.0',
            services: { ec2: 'running', s3: 'available', iam: 'available', cloudformation: 'available', rds: 'disabled', kms: 'available' },
          },
        },
        '/': notFound,
        '/moto-api/': notFound,
        '/_ministack/health': notFound,
      }),
    );
    expect(profile).toMatchObject({ id: 'localstack-free', name: 'LocalStack 4.14.0 (community)', endpoint, version: '4.14.0' });
    expect(profile.services).toEqual(['ec2', 's3', 'iam', 'kms']);
    expect(LOCALSTACK_FREE_SERVICES).not.toContain('rds');
  });

  it('recognizes a paid LocalStack edition and what its plan runs (no CloudTrail on Base)', async () => {
    const services = {
      ec2: 'running',
      elbv2: 'available',
      autoscaling: 'available',
      rds: 'available',
      cloudfront: 'available',
      s3: 'available',
      wafv2: 'available',
    };
    const profile = await detectTarget(
      endpoint,
      probeOf({ '/_localstack/health': { status: 200, body: { edition: 'pro', version: '4.14.0', services } }, '/': notFound }),
    );
    expect(profile.id).toBe('localstack-paid');
    expect(profile.services).toEqual(expect.arrayContaining(['elbv2', 'autoscaling', 'rds', 'cloudfront', 'wafv2']));
    expect(profile.services).not.toContain('cloudtrail');
    expect(profile.services).not.toContain('guardduty');
  });

  it("recognizes moto server by /moto-api/, with the capabilities of the local tool's table", async () => {
    const profile = await detectTarget(
      endpoint,
      probeOf({ '/moto-api/': { status: 200, body: '<html>moto</html>' }, '/_localstack/health': notFound, '/': notFound }),
    );
    expect(profile).toMatchObject({ id: 'emulator', name: 'moto server' });
    expect(profile.services).toEqual(ALL_SERVICES.filter((service) => capabilities.emulator.checkerServices.includes(service)));
    expect(profile.services).toContain('cloudfront');
    expect(profile.unsupportedResourceTypes).toEqual(capabilities.emulator.unsupported.map((gap) => gap.type));
  });

  it('prefers MiniStack’s own health endpoint over its LocalStack-compatible one', async () => {
    const health = {
      edition: 'light',
      version: '1.5.33',
      services: { ec2: 'available', monitoring: 'available', elasticloadbalancing: 'available' },
    };
    const profile = await detectTarget(
      endpoint,
      probeOf({ '/_ministack/health': { status: 200, body: health }, '/_localstack/health': { status: 200, body: health } }),
    );
    expect(profile).toMatchObject({ id: 'emulator', name: 'MiniStack 1.5.33' });
    expect(profile.services).toEqual(['ec2', 'elbv2', 'cloudwatch']);
  });

  it('treats an endpoint it does not recognize as AWS-compatible', async () => {
    const profile = await detectTarget(endpoint, probeOf({ '/': notFound }));
    expect(profile).toMatchObject({ id: 'emulator', services: ALL_SERVICES });
  });

  it('fails with an unreachable error (exit 3) when nothing answers', async () => {
    const error = await detectTarget(endpoint, probeOf({})).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LiveError);
    expect((error as LiveError).exitCode).toBe(ExitCode.Target);
    expect((error as LiveError).text.en).toContain('npm run local -- up');
  });

  it('reads health service lists defensively', () => {
    expect(servicesFromHealth(undefined)).toBeUndefined();
    expect(servicesFromHealth({})).toBeUndefined();
    expect(servicesFromHealth({ s3: 'error', ec2: 'running' })).toEqual(['ec2']);
  });
});

describe('skipReason', () => {
  const moto: TargetProfile = {
    id: 'emulator',
    name: 'moto server',
    services: ['ec2', 's3'],
    unsupportedResourceTypes: ['AWS::EC2::NetworkAcl'],
  };

  it('is undefined when the target emulates everything the rule reads', () => {
    expect(skipReason(AWS_PROFILE, { services: ['cloudfront', 'wafv2'] })).toBeUndefined();
    expect(skipReason(moto, { services: ['ec2'] })).toBeUndefined();
  });

  it('names the target and the missing service, and what to do instead, in English and Korean', () => {
    expect(skipReason(moto, { services: ['ec2', 'cloudfront'] }, 'cloudfront-cdn')).toEqual({
      en: 'SKIP: moto server does not emulate Amazon CloudFront; check this rule in template mode (`checker check cloudfront-cdn`) or on real AWS',
      ko: 'SKIP: moto server은(는) Amazon CloudFront을(를) 에뮬레이트하지 않습니다. 이 규칙은 템플릿 모드(`checker check cloudfront-cdn`)나 실제 AWS에서 확인하세요',
    });
  });

  it('skips a rule whose declared resource types the target does not create', () => {
    expect(skipReason(moto, { services: ['ec2'], resourceTypes: ['AWS::EC2::NetworkAcl'] })?.en).toBe(
      'SKIP: moto server does not create AWS::EC2::NetworkAcl resources; check this rule in template mode (`checker check <lab>`) or on real AWS',
    );
  });

  it('names a property the target does not apply, in English and Korean', () => {
    const profile = { ...moto, unsupportedResourceTypes: ['AWS::S3::Bucket.WebsiteConfiguration'] };
    expect(skipReason(profile, { services: ['s3'], resourceTypes: ['AWS::S3::Bucket.WebsiteConfiguration'] }, 's3-static-hosting')).toEqual(
      {
        en: 'SKIP: moto server does not apply the WebsiteConfiguration property of AWS::S3::Bucket; check this rule in template mode (`checker check s3-static-hosting`) or on real AWS',
        ko: 'SKIP: moto server은(는) AWS::S3::Bucket의 WebsiteConfiguration 속성을 적용하지 않습니다. 이 규칙은 템플릿 모드(`checker check s3-static-hosting`)나 실제 AWS에서 확인하세요',
      },
    );
    expect(skipReason(profile, { services: ['s3'], resourceTypes: ['AWS::S3::Bucket.VersioningConfiguration'] })).toBeUndefined();
  });
});
