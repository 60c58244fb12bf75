import { Caller } from '../caller';
import { fakeTransport, runFetcher } from '../test-transport';
import { ec2Fetcher } from './ec2';
import type { StackEntry } from './types';

const stackTag = { Key: 'aws:cloudformation:stack-name', Value: 'ShopVpcMigration' };
const entries: StackEntry[] = [
  { logicalId: 'Vpc', physicalId: 'vpc-1', type: 'AWS::EC2::VPC' },
  { logicalId: 'PublicA', physicalId: 'subnet-pa', type: 'AWS::EC2::Subnet' },
  { logicalId: 'PrivateA', physicalId: 'subnet-xa', type: 'AWS::EC2::Subnet' },
  { logicalId: 'PublicRt', physicalId: 'rtb-pub', type: 'AWS::EC2::RouteTable' },
  { logicalId: 'PublicDefault', physicalId: 'rtb-pub|0.0.0.0/0', type: 'AWS::EC2::Route' },
  { logicalId: 'Igw', physicalId: 'igw-1', type: 'AWS::EC2::InternetGateway' },
  { logicalId: 'Nat', physicalId: 'nat-1', type: 'AWS::EC2::NatGateway' },
  { logicalId: 'AlbSg', physicalId: 'sg-alb', type: 'AWS::EC2::SecurityGroup' },
  { logicalId: 'WebSg', physicalId: 'sg-web', type: 'AWS::EC2::SecurityGroup' },
  { logicalId: 'DbAcl', physicalId: 'acl-1', type: 'AWS::EC2::NetworkAcl' },
  { logicalId: 'S3Endpoint', physicalId: 'vpce-1', type: 'AWS::EC2::VPCEndpoint' },
  { logicalId: 'FlowLog', physicalId: 'fl-1', type: 'AWS::EC2::FlowLog' },
  { logicalId: 'Bastion', physicalId: 'i-1', type: 'AWS::EC2::Instance' },
  { logicalId: 'WebLt', physicalId: 'lt-1', type: 'AWS::EC2::LaunchTemplate' },
];

/** Recorded-style EC2 answers for a small VPC (shapes as the SDK returns them). */
const answers = {
  'ec2:DescribeVpcs': {
    Vpcs: [
      {
        VpcId: 'vpc-1',
        CidrBlock: '10.0.0.0/16',
        State: 'available',
        InstanceTenancy: 'default',
        IsDefault: false,
        Tags: [stackTag, { Key: 'Name', Value: 'shop' }],
      },
    ],
  },
  'ec2:DescribeVpcAttribute': (input: Record<string, unknown>) =>
    input.Attribute === 'enableDnsSupport'
      ? { VpcId: 'vpc-1', EnableDnsSupport: { Value: true } }
      : { VpcId: 'vpc-1', EnableDnsHostnames: { Value: true } },
  'ec2:DescribeSubnets': {
    Subnets: [
      {
        SubnetId: 'subnet-pa',
        VpcId: 'vpc-1',
        AvailabilityZone: 'ap-northeast-2a',
        AvailabilityZoneId: 'apne2-az1',
        CidrBlock: '10.0.0.0/24',
        MapPublicIpOnLaunch: true,
      },
      { SubnetId: 'subnet-xa', VpcId: 'vpc-1', AvailabilityZone: 'ap-northeast-2a', CidrBlock: '10.0.2.0/24', MapPublicIpOnLaunch: false },
    ],
  },
  'ec2:DescribeRouteTables': {
    RouteTables: [
      {
        RouteTableId: 'rtb-pub',
        VpcId: 'vpc-1',
        Routes: [
          { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' },
          { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', Origin: 'CreateRoute', State: 'active' },
          { DestinationPrefixListId: 'pl-78a54011', GatewayId: 'vpce-1', Origin: 'CreateRoute', State: 'active' },
        ],
        Associations: [
          { Main: false, RouteTableAssociationId: 'rtbassoc-1', RouteTableId: 'rtb-pub', SubnetId: 'subnet-pa' },
          { Main: true, RouteTableAssociationId: 'rtbassoc-main', RouteTableId: 'rtb-pub' },
        ],
      },
    ],
  },
  'ec2:DescribeInternetGateways': {
    InternetGateways: [{ InternetGatewayId: 'igw-1', Attachments: [{ VpcId: 'vpc-1', State: 'available' }] }],
  },
  'ec2:DescribeNatGateways': {
    NatGateways: [
      {
        NatGatewayId: 'nat-1',
        SubnetId: 'subnet-pa',
        VpcId: 'vpc-1',
        State: 'available',
        ConnectivityType: 'public',
        NatGatewayAddresses: [{ AllocationId: 'eipalloc-1', PublicIp: '3.3.3.3' }],
      },
    ],
  },
  'ec2:DescribeSecurityGroups': {
    SecurityGroups: [
      {
        GroupId: 'sg-alb',
        GroupName: 'alb',
        Description: 'ALB',
        VpcId: 'vpc-1',
        IpPermissions: [
          {
            IpProtocol: 'tcp',
            FromPort: 80,
            ToPort: 80,
            IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'web' }],
            Ipv6Ranges: [{ CidrIpv6: '::/0' }],
          },
        ],
        IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
      },
      {
        GroupId: 'sg-web',
        GroupName: 'web',
        Description: 'WEB',
        VpcId: 'vpc-1',
        IpPermissions: [
          {
            IpProtocol: 'tcp',
            FromPort: 80,
            ToPort: 80,
            UserIdGroupPairs: [
              { GroupId: 'sg-alb', UserId: '123456789012' },
              { GroupId: 'sg-other', UserId: '123456789012' },
            ],
          },
          { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, PrefixListIds: [{ PrefixListId: 'pl-1' }] },
        ],
        IpPermissionsEgress: [],
      },
    ],
  },
  'ec2:DescribeNetworkAcls': {
    NetworkAcls: [
      {
        NetworkAclId: 'acl-1',
        VpcId: 'vpc-1',
        IsDefault: false,
        Entries: [
          {
            RuleNumber: 100,
            Protocol: '6',
            RuleAction: 'allow',
            Egress: false,
            CidrBlock: '10.0.2.0/24',
            PortRange: { From: 3306, To: 3306 },
          },
          { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0' },
        ],
        Associations: [{ NetworkAclAssociationId: 'aclassoc-1', NetworkAclId: 'acl-1', SubnetId: 'subnet-xa' }],
      },
    ],
  },
  'ec2:DescribeVpcEndpoints': {
    VpcEndpoints: [
      {
        VpcEndpointId: 'vpce-1',
        VpcEndpointType: 'Gateway',
        VpcId: 'vpc-1',
        ServiceName: 'com.amazonaws.ap-northeast-2.s3',
        RouteTableIds: ['rtb-pub'],
        SubnetIds: [],
        Groups: [],
        PolicyDocument: '{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}',
        State: 'available',
      },
    ],
  },
  'ec2:DescribeFlowLogs': {
    FlowLogs: [
      {
        FlowLogId: 'fl-1',
        ResourceId: 'vpc-1',
        TrafficType: 'REJECT',
        LogDestinationType: 'cloud-watch-logs',
        LogGroupName: 'flow',
        FlowLogStatus: 'ACTIVE',
      },
    ],
  },
  'ec2:DescribeInstances': {
    Reservations: [
      {
        Instances: [
          {
            InstanceId: 'i-1',
            ImageId: 'ami-1',
            InstanceType: 't3.micro',
            SubnetId: 'subnet-pa',
            Placement: { AvailabilityZone: 'ap-northeast-2a' },
            SecurityGroups: [{ GroupId: 'sg-alb', GroupName: 'alb' }],
            // moto lists an instance's groups on its network interfaces only: both lists count, once each.
            NetworkInterfaces: [{ Groups: [{ GroupId: 'sg-alb' }, { GroupId: 'sg-web' }] }],
            State: { Name: 'running' },
            MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled' },
            BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeId: 'vol-1', DeleteOnTermination: true, Status: 'attached' } }],
            IamInstanceProfile: { Arn: 'arn:aws:iam::123456789012:instance-profile/BastionProfile' },
            Tags: [
              stackTag,
              { Key: 'aws:cloudformation:logical-id', Value: 'Bastion' },
              { Key: 'aws:ec2launchtemplate:id', Value: 'lt-1' },
              { Key: 'aws:ec2launchtemplate:version', Value: '3' },
            ],
          },
        ],
      },
    ],
  },
  'ec2:DescribeVolumes': { Volumes: [{ VolumeId: 'vol-1', Size: 8, VolumeType: 'gp3', Encrypted: true, Iops: 3000 }] },
  'ec2:DescribeLaunchTemplates': {
    LaunchTemplates: [{ LaunchTemplateId: 'lt-1', LaunchTemplateName: 'web', LatestVersionNumber: 3, DefaultVersionNumber: 1 }],
  },
  'ec2:DescribeLaunchTemplateVersions': {
    LaunchTemplateVersions: [
      {
        LaunchTemplateId: 'lt-1',
        VersionNumber: 3,
        LaunchTemplateData: {
          ImageId: 'ami-1',
          InstanceType: 't3.micro',
          SecurityGroupIds: ['sg-web'],
          MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 2 },
        },
      },
    ],
  },
};

describe('ec2 fetcher', () => {
  it('maps the network to CloudFormation types and property names', async () => {
    const { byId } = await runFetcher(ec2Fetcher, answers, entries);
    expect(byId('vpc-1')).toEqual({
      id: 'vpc-1',
      type: 'AWS::EC2::VPC',
      physicalId: 'vpc-1',
      properties: {
        CidrBlock: '10.0.0.0/16',
        EnableDnsSupport: true,
        EnableDnsHostnames: true,
        InstanceTenancy: 'default',
        Tags: [{ Key: 'Name', Value: 'shop' }],
      },
      live: { logicalId: 'Vpc', state: 'available', isDefault: false },
    });
    expect(byId('subnet-pa').properties).toEqual({
      VpcId: { $ref: 'vpc-1' },
      AvailabilityZone: 'ap-northeast-2a',
      CidrBlock: '10.0.0.0/24',
      MapPublicIpOnLaunch: true,
    });
    expect(byId('nat-1').properties).toEqual({ SubnetId: { $ref: 'subnet-pa' }, AllocationId: 'eipalloc-1', ConnectivityType: 'public' });
    expect(byId('igw-1|vpc-1')).toMatchObject({
      type: 'AWS::EC2::VPCGatewayAttachment',
      properties: { InternetGatewayId: { $ref: 'igw-1' }, VpcId: { $ref: 'vpc-1' } },
    });
  });

  it('emits one Route per declared route, never the local or gateway-endpoint routes, and subnet associations', async () => {
    const { resources, byId } = await runFetcher(ec2Fetcher, answers, entries);
    expect(resources.filter((resource) => resource.type === 'AWS::EC2::Route').map((resource) => resource.properties)).toEqual([
      { RouteTableId: { $ref: 'rtb-pub' }, DestinationCidrBlock: '0.0.0.0/0', GatewayId: { $ref: 'igw-1' } },
    ]);
    expect(byId('rtbassoc-1')).toMatchObject({
      type: 'AWS::EC2::SubnetRouteTableAssociation',
      properties: { RouteTableId: { $ref: 'rtb-pub' }, SubnetId: { $ref: 'subnet-pa' } },
    });
    expect(resources.some((resource) => resource.id === 'rtbassoc-main')).toBe(false);
    expect(byId('rtb-pub').live).toMatchObject({ logicalId: 'PublicRt', main: true });
  });

  it('flattens security group permissions into one inline rule per source, with groups as references', async () => {
    const { byId } = await runFetcher(ec2Fetcher, answers, entries);
    expect(byId('sg-alb').properties).toMatchObject({
      GroupDescription: 'ALB',
      VpcId: { $ref: 'vpc-1' },
      SecurityGroupIngress: [
        { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '0.0.0.0/0', Description: 'web' },
        { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIpv6: '::/0' },
      ],
      SecurityGroupEgress: [{ IpProtocol: '-1', CidrIp: '0.0.0.0/0' }],
    });
    expect(byId('sg-web').properties.SecurityGroupIngress).toEqual([
      { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, SourceSecurityGroupId: { $ref: 'sg-alb' } },
      { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, SourceSecurityGroupId: { $ref: 'sg-other' } },
      { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, SourcePrefixListId: 'pl-1' },
    ]);
  });

  it('maps network ACL entries (without the implicit deny) and their subnet associations', async () => {
    const { resources, byId } = await runFetcher(ec2Fetcher, answers, entries);
    expect(resources.filter((resource) => resource.type === 'AWS::EC2::NetworkAclEntry').map((resource) => resource.properties)).toEqual([
      {
        NetworkAclId: { $ref: 'acl-1' },
        RuleNumber: 100,
        Protocol: 6,
        RuleAction: 'allow',
        Egress: false,
        CidrBlock: '10.0.2.0/24',
        PortRange: { From: 3306, To: 3306 },
      },
    ]);
    expect(byId('aclassoc-1').properties).toEqual({ NetworkAclId: { $ref: 'acl-1' }, SubnetId: { $ref: 'subnet-xa' } });
  });

  it('maps endpoints, flow logs, instances and launch templates', async () => {
    const { byId } = await runFetcher(ec2Fetcher, answers, entries);
    expect(byId('vpce-1').properties).toEqual({
      ServiceName: 'com.amazonaws.ap-northeast-2.s3',
      VpcEndpointType: 'Gateway',
      VpcId: { $ref: 'vpc-1' },
      RouteTableIds: [{ $ref: 'rtb-pub' }],
      PolicyDocument: { Version: '2008-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] },
    });
    expect(byId('fl-1').properties).toEqual({
      ResourceId: { $ref: 'vpc-1' },
      ResourceType: 'VPC',
      TrafficType: 'REJECT',
      LogDestinationType: 'cloud-watch-logs',
      LogGroupName: 'flow',
    });
    expect(byId('i-1')).toMatchObject({
      properties: {
        ImageId: 'ami-1',
        InstanceType: 't3.micro',
        SubnetId: { $ref: 'subnet-pa' },
        SecurityGroupIds: [{ $ref: 'sg-alb' }, { $ref: 'sg-web' }],
        IamInstanceProfile: 'BastionProfile',
        LaunchTemplate: { LaunchTemplateId: { $ref: 'lt-1' }, Version: '3' },
        BlockDeviceMappings: [
          { DeviceName: '/dev/xvda', Ebs: { Encrypted: true, VolumeSize: 8, VolumeType: 'gp3', Iops: 3000, DeleteOnTermination: true } },
        ],
      },
      live: { logicalId: 'Bastion', state: 'running', metadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled' } },
    });
    expect(byId('lt-1').properties).toEqual({
      LaunchTemplateName: 'web',
      LaunchTemplateData: {
        ImageId: 'ami-1',
        InstanceType: 't3.micro',
        SecurityGroupIds: [{ $ref: 'sg-web' }],
        MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 2 },
      },
    });
  });

  it('asks only for the stack’s ids, once per describe call', async () => {
    const { requests } = await runFetcher(ec2Fetcher, answers, entries);
    const describeSubnets = requests.filter((request) => request.command === 'DescribeSubnets');
    expect(describeSubnets).toEqual([{ service: 'ec2', command: 'DescribeSubnets', input: { SubnetIds: ['subnet-pa', 'subnet-xa'] } }]);
    const keys = requests.map((request) => `${request.command} ${JSON.stringify(request.input)}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(requests.find((request) => request.command === 'DescribeNatGateways')?.input).toEqual({ NatGatewayIds: ['nat-1'] });
  });

  it('leaves out objects the stack lists but EC2 no longer has, and says so', async () => {
    const gone = { ...answers, 'ec2:DescribeSubnets': Object.assign(new Error('gone'), { name: 'InvalidSubnetID.NotFound' }) };
    const { resources, progress } = await runFetcher(ec2Fetcher, gone, entries);
    expect(resources.some((resource) => resource.type === 'AWS::EC2::Subnet')).toBe(false);
    expect(progress).toContain('AWS::EC2::Subnet subnet-pa, subnet-xa listed by the stack but not found');
  });

  it('finds resources by the stack-name tag, with the right filter field per call', async () => {
    const transport = fakeTransport(answers);
    const resources = await ec2Fetcher.fetchByTag?.({
      caller: new Caller(transport, {}),
      stackName: 'ShopVpcMigration',
      progress: () => undefined,
    });
    expect(resources?.find((resource) => resource.id === 'i-1')?.live).toMatchObject({ logicalId: 'Bastion' });
    // Objects without the tag are dropped even when a target ignores the filter (the subnets here).
    expect(resources?.filter((resource) => resource.type === 'AWS::EC2::Subnet')).toEqual([]);
    const { requests } = transport;
    const filter = [{ Name: 'tag:aws:cloudformation:stack-name', Values: ['ShopVpcMigration'] }];
    expect(requests.find((request) => request.command === 'DescribeVpcs')?.input).toEqual({ Filters: filter });
    expect(requests.find((request) => request.command === 'DescribeNatGateways')?.input).toEqual({ Filter: filter });
    expect(requests.find((request) => request.command === 'DescribeFlowLogs')?.input).toEqual({ Filter: filter });
  });
});
