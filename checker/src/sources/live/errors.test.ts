import { ExitCode } from '../../errors';
import { LiveError, redact, toLiveError, unreachableError } from './errors';
import { awsError } from './test-transport';

const site = { service: 'ec2', command: 'DescribeVpcs', region: 'ap-northeast-2' } as const;

describe('toLiveError', () => {
  it('names the missing IAM action on AccessDenied and points to checker iam-policy (exit 3)', () => {
    const error = toLiveError(awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403), site);
    expect(error.kind).toBe('access-denied');
    expect(error.iamAction).toBe('ec2:DescribeVpcs');
    expect(error.text.en).toContain('ec2:DescribeVpcs');
    expect(error.text.en).toContain('checker iam-policy');
    expect(error.text.ko).toContain('checker iam-policy');
    expect(error.exitCode).toBe(ExitCode.Target);
  });

  it('maps S3 AccessDenied to the IAM action, not the SDK command', () => {
    expect(toLiveError(awsError('AccessDenied', 'Access Denied', 403), { service: 's3', command: 'ListObjectsV2' }).iamAction).toBe(
      's3:ListBucket',
    );
  });

  it('says how to configure credentials when there are none', () => {
    const error = toLiveError(
      Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }),
      site,
    );
    expect(error.kind).toBe('no-credentials');
    expect(error.text.en).toMatch(/aws configure.*--profile/);
    expect(error.exitCode).toBe(ExitCode.Target);
    expect(
      toLiveError(Object.assign(new Error('Could not load credentials'), { name: 'CredentialsProviderError' }), { ...site, profile: 'lab' })
        .text.en,
    ).toContain('profile "lab"');
  });

  it('tells rejected credentials apart from missing ones', () => {
    const error = toLiveError(awsError('ExpiredToken', 'The security token included in the request is expired'), site);
    expect(error.kind).toBe('bad-credentials');
    expect(error.text.en).toContain('expired or invalid');
  });

  it('reports throttling after the SDK retries with the number of attempts', () => {
    const error = toLiveError(awsError('Throttling', 'Rate exceeded', 400, 5), site);
    expect(error.kind).toBe('throttled');
    expect(error.text.en).toBe(
      'AWS is still throttling ec2 DescribeVpcs after 5 attempts (Throttling): wait a minute and run the check again',
    );
    expect(error.exitCode).toBe(ExitCode.Target);
  });

  it('treats connection failures as an unreachable target, naming the endpoint and how to start it', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' });
    const error = toLiveError(refused, { ...site, endpoint: 'http://127.0.0.1:4566' });
    expect(error.kind).toBe('unreachable');
    expect(error.text.en).toContain('http://127.0.0.1:4566');
    expect(error.text.en).toContain('npm run local -- up');
    const dns = toLiveError(
      Object.assign(new Error('getaddrinfo ENOTFOUND ec2.ap-northeast-2.amazonaws.com'), { code: 'ENOTFOUND' }),
      site,
    );
    expect(dns.text.en).toMatch(/^cannot reach AWS in ap-northeast-2 \(ENOTFOUND\): check your network/);
    const aggregate = Object.assign(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], ''), {});
    expect(toLiveError(aggregate, site).kind).toBe('unreachable');
  });

  it('asks for a region when none is configured (exit 2)', () => {
    const error = toLiveError(new Error('Region is missing'), site);
    expect(error.kind).toBe('no-region');
    expect(error.exitCode).toBe(ExitCode.Usage);
  });

  it('keeps other API errors on one line with the call and code', () => {
    const error = toLiveError(awsError('InternalError', 'We encountered an internal error.\nPlease try again.'), site);
    expect(error.kind).toBe('api');
    expect(error.text.en).toBe('ec2 DescribeVpcs failed at AWS ap-northeast-2: InternalError: We encountered an internal error.');
  });

  it('passes a LiveError through unchanged', () => {
    const original = unreachableError({ endpoint: 'http://127.0.0.1:1' }, 'ECONNREFUSED');
    expect(toLiveError(original, site)).toBe(original);
    expect(original).toBeInstanceOf(LiveError);
  });
});

describe('credentials are never printed', () => {
  const keyId = 'AKIAIOSFODNN7EXAMPLE';
  const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

  it('redacts access key ids, secret keys, tokens and signatures', () => {
    const text = `Credential=${keyId}/20261122/us-east-1/ec2/aws4_request, Signature=abc123 secret ${secret} aws_session_token=FQoGZXIvYXdzEJr X-Amz-Security-Token=IQoJb3JpZ2lu`;
    const clean = redact(text);
    expect(clean).not.toContain(keyId);
    expect(clean).not.toContain(secret);
    expect(clean).not.toContain('FQoGZXIvYXdzEJr');
    expect(clean).not.toContain('IQoJb3JpZ2lu');
    expect(clean).not.toContain('abc123');
  });

  it('leaves ordinary ids alone', () => {
    expect(redact('subnet-0123456789abcdef0 vpc-1a2b3c4d arn:aws:s3:::shop-media')).toBe(
      'subnet-0123456789abcdef0 vpc-1a2b3c4d arn:aws:s3:::shop-media',
    );
  });

  it('never produces an error message containing a key id, in either language', () => {
    const leaky = awsError(
      'SignatureDoesNotMatch',
      `The request signature we calculated does not match. Credential=${keyId}/20261122 secret=${secret}`,
      403,
    );
    for (const error of [toLiveError(leaky, site), toLiveError(awsError('InternalError', `oops ${keyId} ${secret}`), site)]) {
      for (const text of [error.text.en, error.text.ko, error.message]) {
        expect(text).not.toContain(keyId);
        expect(text).not.toContain(secret);
      }
    }
  });
});
