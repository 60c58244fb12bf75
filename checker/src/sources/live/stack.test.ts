import { Caller } from './caller';
import { listStack } from './stack';
import { awsError, fakeTransport } from './test-transport';

describe('listStack', () => {
  it('lists live resources across pages, leaving out deleted and failed ones and saying which have no physical id', async () => {
    const transport = fakeTransport({
      'cloudformation:ListStackResources': (input: Record<string, unknown>) =>
        input.NextToken
          ? {
              StackResourceSummaries: [
                {
                  LogicalResourceId: 'Db',
                  PhysicalResourceId: 'shopdb',
                  ResourceType: 'AWS::RDS::DBInstance',
                  ResourceStatus: 'UPDATE_COMPLETE',
                },
              ],
            }
          : {
              StackResourceSummaries: [
                { LogicalResourceId: 'Vpc', PhysicalResourceId: 'vpc-1', ResourceType: 'AWS::EC2::VPC', ResourceStatus: 'CREATE_COMPLETE' },
                {
                  LogicalResourceId: 'Old',
                  PhysicalResourceId: 'subnet-old',
                  ResourceType: 'AWS::EC2::Subnet',
                  ResourceStatus: 'DELETE_COMPLETE',
                },
                { LogicalResourceId: 'Broken', PhysicalResourceId: 'x', ResourceType: 'AWS::EC2::Subnet', ResourceStatus: 'CREATE_FAILED' },
                { LogicalResourceId: 'Group', ResourceType: 'AWS::RDS::DBSubnetGroup', ResourceStatus: 'CREATE_COMPLETE' },
                { LogicalResourceId: 'WebFromAlb', ResourceType: 'AWS::EC2::SecurityGroupIngress', ResourceStatus: 'CREATE_COMPLETE' },
              ],
              NextToken: 'n',
            },
    });
    const progress: string[] = [];
    const entries = await listStack(new Caller(transport, {}), 'ShopMultiAzRds', (message) => progress.push(message));
    expect(entries).toEqual([
      { logicalId: 'Vpc', physicalId: 'vpc-1', type: 'AWS::EC2::VPC' },
      { logicalId: 'Db', physicalId: 'shopdb', type: 'AWS::RDS::DBInstance' },
    ]);
    expect(progress).toEqual(['the stack lists Group (AWS::RDS::DBSubnetGroup) without a physical id; not read']);
  });

  it('is undefined when CloudFormation has no such stack', async () => {
    const transport = fakeTransport({ 'cloudformation:ListStackResources': awsError('ValidationError', 'Stack with id X does not exist') });
    await expect(listStack(new Caller(transport, {}), 'X')).resolves.toBeUndefined();
  });
});
