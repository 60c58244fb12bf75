import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { addSecurity, addStorage, grownShopGraph, HARDENED_LAUNCH_TEMPLATE, stackGraph, unrelatedGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { graphFromTemplate } from '../../sources/template/resolve';
import { encryptionAtRest } from './encryption-at-rest';

describe('encryption-at-rest', () => {
  it('passes when the database, buckets and every disk are encrypted', () => {
    const graph = grownShopGraph(
      (shop) => {
        addStorage(shop);
        addSecurity(shop);
      },
      { launchTemplate: HARDENED_LAUNCH_TEMPLATE },
    );
    const outcome = judge(encryptionAtRest, graph);
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('1 database(s)');
  });

  it('fails for launch templates that keep the AMI root volume, and for an unencrypted volume', () => {
    const outcome = judge(encryptionAtRest, grownShopGraph());
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain("keeps the AMI's root volume");
    const volume = stackGraph(
      (stack) => new ec2.CfnVolume(stack, 'Disk', { availabilityZone: 'ap-northeast-2a', size: 8, encrypted: false }),
    );
    expect(judge(encryptionAtRest, volume).message.en).toContain('Volume Disk is not encrypted');
  });

  it('judges an instance by its own disks when its metadata-only launch template is not linked (as moto lists it live)', () => {
    const template = (linked: boolean) => ({
      Resources: {
        Metadata: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { MetadataOptions: { HttpTokens: 'required' } } } },
        Bastion: {
          Type: 'AWS::EC2::Instance',
          Properties: {
            ImageId: 'ami-12345678',
            BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: true, VolumeSize: 8 } }],
            ...(linked && { LaunchTemplate: { LaunchTemplateId: { Ref: 'Metadata' }, Version: '1' } }),
          },
        },
      },
    });
    expect(judge(encryptionAtRest, graphFromTemplate(template(true))).status).toBe('PASS');
    expect(judge(encryptionAtRest, graphFromTemplate(template(false))).status).toBe('PASS');
  });

  it('fails for an unencrypted database', () => {
    const graph = grownShopGraph(
      (shop) => {
        (shop.database.node.defaultChild as unknown as { addPropertyOverride(path: string, value: unknown): void }).addPropertyOverride(
          'StorageEncrypted',
          false,
        );
      },
      { launchTemplate: HARDENED_LAUNCH_TEMPLATE },
    );
    expect(judge(encryptionAtRest, graph).message.en).toContain('is not encrypted');
  });

  it('is not applicable when nothing stores data', () => {
    expect(judge(encryptionAtRest, unrelatedGraph()).status).toBe('SKIP');
  });
});
