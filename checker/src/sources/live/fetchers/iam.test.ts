import { runFetcher } from '../test-transport';
import { iamFetcher } from './iam';

const trust = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const media = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::shop-media/*' }] };
const extra = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: '*' }] };

describe('iam fetcher', () => {
  it('maps roles with their trust policy, inline and attached policies, and the stack’s AWS::IAM::Policy resources', async () => {
    const { byId, requests } = await runFetcher(
      iamFetcher,
      {
        'iam:GetRole': {
          Role: {
            RoleName: 'AppRole',
            Arn: 'arn:aws:iam::123456789012:role/AppRole',
            Path: '/',
            AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(trust)),
          },
        },
        'iam:ListRolePolicies': (input: Record<string, unknown>) =>
          input.Marker
            ? { PolicyNames: ['Extra'], IsTruncated: false }
            : { PolicyNames: ['AppRoleDefaultPolicy1234'], IsTruncated: true, Marker: 'm' },
        'iam:GetRolePolicy': (input: Record<string, unknown>) => ({
          RoleName: 'AppRole',
          PolicyName: input.PolicyName,
          PolicyDocument: encodeURIComponent(JSON.stringify(input.PolicyName === 'Extra' ? extra : media)),
        }),
        'iam:ListAttachedRolePolicies': {
          AttachedPolicies: [{ PolicyArn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore' }],
          IsTruncated: false,
        },
        'iam:GetInstanceProfile': {
          InstanceProfile: {
            InstanceProfileName: 'AppProfile',
            Path: '/',
            Arn: 'arn:aws:iam::123456789012:instance-profile/AppProfile',
            Roles: [{ RoleName: 'AppRole' }],
          },
        },
      },
      [
        { logicalId: 'AppRole', physicalId: 'AppRole', type: 'AWS::IAM::Role' },
        { logicalId: 'AppRoleDefaultPolicy1234', physicalId: 'ShopV-AppRo-XYZ', type: 'AWS::IAM::Policy' },
        { logicalId: 'AppProfile', physicalId: 'AppProfile', type: 'AWS::IAM::InstanceProfile' },
      ],
    );
    expect(byId('AppRole').properties).toEqual({
      RoleName: 'AppRole',
      Path: '/',
      AssumeRolePolicyDocument: trust,
      Policies: [{ PolicyName: 'Extra', PolicyDocument: extra }],
      ManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore'],
    });
    expect(byId('ShopV-AppRo-XYZ')).toMatchObject({
      type: 'AWS::IAM::Policy',
      properties: { PolicyName: 'AppRoleDefaultPolicy1234', PolicyDocument: media, Roles: [{ $ref: 'AppRole' }] },
      live: { logicalId: 'AppRoleDefaultPolicy1234' },
    });
    expect(byId('AppProfile')).toMatchObject({
      properties: { Roles: [{ $ref: 'AppRole' }] },
      live: { arn: 'arn:aws:iam::123456789012:instance-profile/AppProfile' },
    });
    expect(requests.filter((request) => request.command === 'GetRolePolicy')).toHaveLength(2);
  });
});
