import { Caller, ForbiddenCommandError } from './caller';
import { LiveError } from './errors';
import { awsError, fakeTransport } from './test-transport';

const site = { region: 'us-east-1' };

describe('Caller', () => {
  it('refuses any command outside the read-only list, before sending anything', async () => {
    const transport = fakeTransport({ 'ec2:DeleteVpc': {} });
    const caller = new Caller(transport, site);
    await expect(caller.call('ec2', 'DeleteVpc', { VpcId: 'vpc-1' })).rejects.toThrow(ForbiddenCommandError);
    expect(transport.requests).toEqual([]);
  });

  it('sends each distinct request once per run, whatever the key order, and records it once', async () => {
    const transport = fakeTransport({ 'ec2:DescribeVpcs': { Vpcs: [{ VpcId: 'vpc-1' }] } });
    const caller = new Caller(transport, site);
    const results = await Promise.all([
      caller.call('ec2', 'DescribeVpcs', { VpcIds: ['vpc-1'], MaxResults: 5 }),
      caller.call('ec2', 'DescribeVpcs', { MaxResults: 5, VpcIds: ['vpc-1'] }),
      caller.call('ec2', 'DescribeVpcs', { VpcIds: ['vpc-1'], MaxResults: 5 }),
    ]);
    await caller.call('ec2', 'DescribeVpcs', { VpcIds: ['vpc-2'] });
    expect(results[0]).toEqual({ Vpcs: [{ VpcId: 'vpc-1' }] });
    expect(transport.requests).toHaveLength(2);
    expect(caller.calls.map((call) => call.command)).toEqual(['DescribeVpcs', 'DescribeVpcs']);
    expect(caller.calls[0].durationMs).toBeGreaterThanOrEqual(0);
  });

  it('memoizes per region too', async () => {
    const transport = fakeTransport({ 'wafv2:GetWebACL': {} });
    const caller = new Caller(transport, site);
    await caller.call('wafv2', 'GetWebACL', { Id: '1' });
    await caller.call('wafv2', 'GetWebACL', { Id: '1' }, { region: 'us-east-1' });
    expect(transport.requests.map((request) => request.region)).toEqual([undefined, 'us-east-1']);
  });

  it('follows pagination tokens to the last page', async () => {
    const transport = fakeTransport({
      'ec2:DescribeSubnets': (input: Record<string, unknown>) =>
        ({
          undefined: { Subnets: [{ SubnetId: 'a' }], NextToken: 't1' },
          t1: { Subnets: [{ SubnetId: 'b' }], NextToken: 't2' },
          t2: { Subnets: [{ SubnetId: 'c' }] },
        })[String(input.NextToken)],
    });
    const caller = new Caller(transport, site);
    const pages = await caller.paginate<{ Subnets: unknown[]; NextToken?: string }>(
      'ec2',
      'DescribeSubnets',
      {},
      'NextToken',
      (page) => page.NextToken,
    );
    expect(pages.flatMap((page) => page.Subnets)).toEqual([{ SubnetId: 'a' }, { SubnetId: 'b' }, { SubnetId: 'c' }]);
    expect(transport.requests.map((request) => request.input.NextToken)).toEqual([undefined, 't1', 't2']);
  });

  it('stops when a target repeats a pagination token', async () => {
    const transport = fakeTransport({ 'ec2:DescribeSubnets': { Subnets: [], NextToken: 'same' } });
    const pages = await new Caller(transport, site).paginate<{ NextToken?: string }>(
      'ec2',
      'DescribeSubnets',
      {},
      'NextToken',
      (page) => page.NextToken,
    );
    expect(pages).toHaveLength(2);
  });

  it('keeps at most `concurrency` calls in flight', async () => {
    let active = 0;
    let peak = 0;
    const transport = async (): Promise<unknown> => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active--;
      return {};
    };
    const caller = new Caller(transport, site, 4);
    await Promise.all(Array.from({ length: 12 }, (_, i) => caller.call('ec2', 'DescribeVpcs', { VpcIds: [`vpc-${i}`] })));
    expect(peak).toBe(4);
  });

  it('resolves undefined for "not configured" errors and turns others into LiveErrors', async () => {
    const transport = fakeTransport({
      's3:GetBucketWebsite': awsError('NoSuchWebsiteConfiguration', 'none', 404),
      's3:GetBucketPolicy': awsError('AccessDenied', 'Access Denied', 403),
    });
    const caller = new Caller(transport, site);
    await expect(
      caller.call('s3', 'GetBucketWebsite', { Bucket: 'b' }, { absent: ['NoSuchWebsiteConfiguration'] }),
    ).resolves.toBeUndefined();
    const denied = await caller.call('s3', 'GetBucketPolicy', { Bucket: 'b' }).catch((error: unknown) => error);
    expect(denied).toBeInstanceOf(LiveError);
    expect((denied as LiveError).iamAction).toBe('s3:GetBucketPolicy');
    expect(caller.calls.map((call) => call.error)).toEqual(['NoSuchWebsiteConfiguration', 'AccessDenied']);
  });
});
