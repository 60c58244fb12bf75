import { ExitCode } from '../../errors';
import type { TargetProfile } from './targets/profiles';
import { deniedReason, LIVE_COMMANDS, LiveError, loadLiveGraph } from '.';
import type { LoadedSource } from '../../model/source';
import { awsError, fakeTransport, type Handler } from './test-transport';

const lbArn = 'arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:loadbalancer/app/shop/abc';
const summary = (LogicalResourceId: string, PhysicalResourceId: string, ResourceType: string, ResourceStatus = 'CREATE_COMPLETE') => ({
  LogicalResourceId,
  PhysicalResourceId,
  ResourceType,
  ResourceStatus,
});

/** A small deployed stack, as a recorded-style set of answers. */
function stack(overrides: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    'cloudformation:ListStackResources': (input: Record<string, unknown>) =>
      input.NextToken
        ? {
            StackResourceSummaries: [
              summary('Alb', lbArn, 'AWS::ElasticLoadBalancingV2::LoadBalancer'),
              summary('Media', 'shop-media', 'AWS::S3::Bucket'),
              summary('AppRole', 'AppRole', 'AWS::IAM::Role'),
              summary('Zone', 'Z1', 'AWS::Route53::HostedZone'),
              summary('Cdn', 'E1', 'AWS::CloudFront::Distribution'),
              summary('Fn', 'shop-fn', 'AWS::Lambda::Function'),
              summary('CDKMetadata', 'meta', 'AWS::CDK::Metadata'),
            ],
          }
        : {
            StackResourceSummaries: [
              summary('Vpc', 'vpc-1', 'AWS::EC2::VPC'),
              summary('WebSg', 'sg-web', 'AWS::EC2::SecurityGroup'),
              summary('OldSubnet', 'subnet-old', 'AWS::EC2::Subnet', 'DELETE_COMPLETE'),
            ],
            NextToken: 'page2',
          },
    'ec2:DescribeVpcs': { Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }] },
    'ec2:DescribeVpcAttribute': { EnableDnsSupport: { Value: true }, EnableDnsHostnames: { Value: true } },
    'ec2:DescribeSecurityGroups': {
      SecurityGroups: [
        {
          GroupId: 'sg-web',
          Description: 'web',
          VpcId: 'vpc-1',
          IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, UserIdGroupPairs: [{ GroupId: 'sg-default' }] }],
        },
      ],
    },
    'elbv2:DescribeLoadBalancers': {
      LoadBalancers: [
        {
          LoadBalancerArn: lbArn,
          DNSName: 'shop-1.ap-northeast-2.elb.amazonaws.com',
          Scheme: 'internet-facing',
          Type: 'application',
          AvailabilityZones: [],
          SecurityGroups: ['sg-web'],
        },
      ],
    },
    'elbv2:DescribeLoadBalancerAttributes': { Attributes: [] },
    's3:GetBucketVersioning': {},
    's3:GetBucketWebsite': awsError('NoSuchWebsiteConfiguration'),
    's3:GetPublicAccessBlock': {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    },
    's3:GetBucketEncryption': awsError('ServerSideEncryptionConfigurationNotFoundError'),
    's3:GetBucketPolicy': awsError('NoSuchBucketPolicy'),
    's3:GetBucketReplication': awsError('ReplicationConfigurationNotFoundError'),
    's3:GetBucketLifecycleConfiguration': awsError('NoSuchLifecycleConfiguration'),
    's3:ListBucketIntelligentTieringConfigurations': { IsTruncated: false },
    's3:ListObjectsV2': { IsTruncated: false },
    'iam:GetRole': { Role: { RoleName: 'AppRole', Arn: 'arn:aws:iam::123456789012:role/AppRole', AssumeRolePolicyDocument: '{}' } },
    'iam:ListRolePolicies': { PolicyNames: ['media'], IsTruncated: false },
    'iam:GetRolePolicy': {
      PolicyDocument: JSON.stringify({
        Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::shop-media', 'arn:aws:s3:::shop-media/*'] }],
      }),
    },
    'iam:ListAttachedRolePolicies': { AttachedPolicies: [], IsTruncated: false },
    'route53:GetHostedZone': { HostedZone: { Id: '/hostedzone/Z1', Name: 'shop.example.' } },
    'route53:ListResourceRecordSets': {
      ResourceRecordSets: [
        {
          Name: 'shop.example.',
          Type: 'A',
          AliasTarget: { DNSName: 'dualstack.shop-1.ap-northeast-2.elb.amazonaws.com.', HostedZoneId: 'Z2', EvaluateTargetHealth: false },
        },
      ],
      IsTruncated: false,
    },
    'cloudfront:GetDistribution': {
      Distribution: {
        Id: 'E1',
        DomainName: 'd1.cloudfront.net',
        DistributionConfig: {
          Enabled: true,
          Origins: { Quantity: 1, Items: [{ Id: 'media', DomainName: 'shop-media.s3.ap-northeast-2.amazonaws.com' }] },
        },
      },
    },
    ...overrides,
  };
}

const base = { stackName: 'ShopVpcMigration', region: 'ap-northeast-2' };

/** Empty answers to every EC2 call the loader may send (what the fetcher sends when it looks for the stack's tag). */
const NO_EC2 = Object.fromEntries(LIVE_COMMANDS.filter((entry) => entry.service === 'ec2').map((entry) => [`ec2:${entry.command}`, {}]));

describe('loadLiveGraph', () => {
  it('returns the LoadedSource every source returns', async () => {
    const loaded: LoadedSource = await loadLiveGraph({ ...base, transport: fakeTransport(stack()) });
    expect(loaded.source).toEqual({ kind: 'live', description: 'stack ShopVpcMigration in ap-northeast-2', target: 'aws' });
    expect(loaded.graph.kind).toBe('live');
  });

  it('loads only the stack’s resources, from every page of ListStackResources, and reports unmapped types', async () => {
    const transport = fakeTransport(stack());
    const progress: string[] = [];
    const result = await loadLiveGraph({ ...base, transport, onProgress: (message) => progress.push(message) });
    expect(result.scope).toBe('stack');
    expect(result.graph.kind).toBe('live');
    expect(result.graph.all().map((resource) => resource.type)).toEqual(
      expect.arrayContaining([
        'AWS::EC2::VPC',
        'AWS::EC2::SecurityGroup',
        'AWS::ElasticLoadBalancingV2::LoadBalancer',
        'AWS::S3::Bucket',
        'AWS::IAM::Role',
        'AWS::Route53::RecordSet',
        'AWS::CloudFront::Distribution',
      ]),
    );
    expect(result.graph.get('subnet-old')).toBeUndefined();
    expect(transport.requests.some((request) => request.command === 'DescribeSubnets')).toBe(false);
    expect(result.unmapped).toEqual(['AWS::Lambda::Function']);
    expect(progress).toContain('not read in live mode: AWS::Lambda::Function');
    expect(result.graph.get('vpc-1')?.live).toMatchObject({ logicalId: 'Vpc' });
  });

  it('makes each distinct API call once and records every call', async () => {
    const transport = fakeTransport(stack());
    const result = await loadLiveGraph({ ...base, transport });
    const keys = transport.requests.map(
      (request) => `${request.service}:${request.command}:${JSON.stringify(request.input)}:${request.region ?? ''}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(result.calls).toHaveLength(transport.requests.length);
    expect(result.calls[0]).toMatchObject({ service: 'cloudformation', command: 'ListStackResources' });
  });

  it('links references like template mode: loaded ids as refs, others as plain strings, ARNs and domain names to their resources', async () => {
    const { graph } = await loadLiveGraph({ ...base, transport: fakeTransport(stack()) });
    const sg = graph.get('sg-web');
    expect(sg?.properties.VpcId).toEqual({ $ref: 'vpc-1' });
    expect((sg?.properties.SecurityGroupIngress as Array<Record<string, unknown>>)[0].SourceSecurityGroupId).toBe('sg-default');
    const lb = graph.get(lbArn);
    expect(lb && graph.referencing(lb).map((resource) => resource.type)).toEqual(['AWS::Route53::RecordSet']);
    const record = graph.ofType('AWS::Route53::RecordSet')[0];
    expect(record.properties.AliasTarget).toMatchObject({ DNSName: { $join: ['dualstack.', { $ref: lbArn, attribute: 'DNSName' }] } });
    const role = graph.get('AppRole');
    expect(role?.properties.Policies).toEqual([
      {
        PolicyName: 'media',
        PolicyDocument: {
          Statement: [
            {
              Effect: 'Allow',
              Action: 's3:GetObject',
              Resource: [{ $ref: 'shop-media', attribute: 'Arn' }, { $join: [{ $ref: 'shop-media', attribute: 'Arn' }, '/*'] }],
            },
          ],
        },
      },
    ]);
    const origins = (graph.get('E1')?.properties.DistributionConfig as { Origins: Array<Record<string, unknown>> }).Origins;
    expect(origins[0].DomainName).toEqual({ $ref: 'shop-media', attribute: 'RegionalDomainName' });
  });

  it('does not read services the target does not emulate', async () => {
    const moto: TargetProfile = { id: 'emulator', name: 'moto server', services: ['ec2', 'elbv2', 's3', 'iam', 'route53'] };
    const transport = fakeTransport(stack());
    const progress: string[] = [];
    const { graph, source, targetSkip } = await loadLiveGraph({
      ...base,
      endpoint: 'http://127.0.0.1:4566',
      transport,
      target: moto,
      onProgress: (message) => progress.push(message),
    });
    expect(source).toEqual({ kind: 'live', description: 'stack ShopVpcMigration at http://127.0.0.1:4566', target: 'emulator' });
    expect(targetSkip?.({ services: ['cloudfront'] } as never)?.en).toBe(
      'SKIP: moto server does not emulate Amazon CloudFront; check this rule in template mode (`checker check vpc-migration`) or on real AWS',
    );
    expect(graph.ofType('AWS::CloudFront::Distribution')).toEqual([]);
    expect(transport.requests.some((request) => request.service === 'cloudfront')).toBe(false);
    expect(progress).toContain('cloudfront: moto server does not emulate it; 1 resource(s) not read');
  });

  it('falls back to the stack-name tag when CloudFormation has no such stack', async () => {
    const transport = fakeTransport({
      ...NO_EC2,
      'cloudformation:ListStackResources': awsError('ValidationError', 'Stack with id ShopVpcMigration does not exist'),
      'ec2:DescribeVpcs': (input: Record<string, unknown>) => ({
        Vpcs: input.Filters
          ? [
              {
                VpcId: 'vpc-1',
                CidrBlock: '10.0.0.0/16',
                Tags: [
                  { Key: 'aws:cloudformation:stack-name', Value: 'ShopVpcMigration' },
                  { Key: 'aws:cloudformation:logical-id', Value: 'Vpc' },
                ],
              },
            ]
          : [],
      }),
      'ec2:DescribeVpcAttribute': { EnableDnsSupport: { Value: true } },
      'autoscaling:DescribeAutoScalingGroups': { AutoScalingGroups: [] },
    });
    const result = await loadLiveGraph({ ...base, transport });
    expect(result.scope).toBe('tag');
    expect(result.graph.get('vpc-1')).toMatchObject({ type: 'AWS::EC2::VPC', live: { logicalId: 'Vpc' } });
    expect(transport.requests.find((request) => request.command === 'DescribeAutoScalingGroups')?.input).toEqual({
      Filters: [{ Name: 'tag:aws:cloudformation:stack-name', Values: ['ShopVpcMigration'] }],
    });
  });

  it('says the stack is not found, where it looked and how to deploy it (exit 2), when nothing carries the tag either', async () => {
    const answers = {
      'cloudformation:ListStackResources': awsError('ValidationError', 'Stack with id ShopVpcMigration does not exist'),
      'autoscaling:DescribeAutoScalingGroups': {},
      ...NO_EC2,
    };
    const local = await loadLiveGraph({ ...base, endpoint: 'http://127.0.0.1:4566', transport: fakeTransport(answers) }).catch(
      (error: unknown) => error,
    );
    expect(local).toBeInstanceOf(LiveError);
    expect((local as LiveError).exitCode).toBe(ExitCode.Usage);
    expect((local as LiveError).text.en).toBe(
      'stack "ShopVpcMigration" not found at http://127.0.0.1:4566: deploy it with `npm run deploy -- vpc-migration`, or pass --stack/--region/--endpoint to point at where it is',
    );
    const aws = await loadLiveGraph({ ...base, transport: fakeTransport(answers) }).catch((error: unknown) => error);
    expect((aws as LiveError).text.en).toContain(
      'not found in ap-northeast-2: deploy it with `npm run deploy -- vpc-migration --target aws`',
    );
    expect((aws as LiveError).text.ko).toContain('npm run deploy -- vpc-migration --target aws');
  });

  it('fails on AccessDenied by default, naming the IAM action (exit 3)', async () => {
    const transport = fakeTransport(
      stack({ 'iam:GetRole': awsError('AccessDenied', 'User is not authorized to perform: iam:GetRole', 403) }),
    );
    const error = await loadLiveGraph({ ...base, transport }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LiveError);
    expect((error as LiveError).exitCode).toBe(ExitCode.Target);
    expect((error as LiveError).text.en).toContain('iam:GetRole');
  });

  it('can record AccessDenied per service instead, so rules on that service report ERROR', async () => {
    const transport = fakeTransport(stack({ 'iam:GetRole': awsError('AccessDenied', 'denied', 403) }));
    const result = await loadLiveGraph({ ...base, transport, onAccessDenied: 'record' });
    expect(result.denied).toEqual([{ service: 'iam', iamAction: 'iam:GetRole' }]);
    expect(result.graph.ofType('AWS::IAM::Role')).toEqual([]);
    expect(result.graph.ofType('AWS::EC2::VPC')).toHaveLength(1);
    expect(deniedReason(result.denied, { services: ['iam', 's3'] })?.en).toBe(
      'cannot evaluate: access denied reading AWS IAM (missing iam:GetRole); attach the policy from `checker iam-policy`',
    );
    expect(deniedReason(result.denied, { services: ['ec2'] })).toBeUndefined();
  });

  it('reports throttling that outlasted the retries', async () => {
    const transport = fakeTransport({ 'cloudformation:ListStackResources': awsError('Throttling', 'Rate exceeded', 400, 5) });
    const error = await loadLiveGraph({ ...base, transport }).catch((caught: unknown) => caught);
    expect((error as LiveError).kind).toBe('throttled');
  });

  it('says an endpoint that does not answer is unreachable before calling any API', async () => {
    const error = await loadLiveGraph({ ...base, endpoint: 'http://127.0.0.1:9' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LiveError);
    expect((error as LiveError).kind).toBe('unreachable');
    expect((error as LiveError).exitCode).toBe(ExitCode.Target);
  });
});
