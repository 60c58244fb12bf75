import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StackResourceSummary } from '@aws-sdk/client-cloudformation';
import { contentType, dropOutputsOfUncreated, listFiles, recoveryFor, retainedResources } from './stack';

describe('stack helpers', () => {
  test('an interrupted or failed first deploy is deleted before deploying again; an operation in progress is awaited', () => {
    expect(recoveryFor(undefined)).toBe('none');
    expect(recoveryFor('CREATE_COMPLETE')).toBe('none');
    expect(recoveryFor('UPDATE_ROLLBACK_COMPLETE')).toBe('none');
    expect(recoveryFor('REVIEW_IN_PROGRESS')).toBe('delete');
    expect(recoveryFor('ROLLBACK_COMPLETE')).toBe('delete');
    expect(recoveryFor('CREATE_IN_PROGRESS')).toBe('wait');
    expect(recoveryFor('UPDATE_ROLLBACK_FAILED')).toBe('stuck');
  });

  test('finds resources a DeletionPolicy keeps', () => {
    const template = JSON.stringify({
      Resources: {
        Db: { Type: 'AWS::RDS::DBInstance', DeletionPolicy: 'Snapshot' },
        Logs: { Type: 'AWS::S3::Bucket', DeletionPolicy: 'Retain' },
        Site: { Type: 'AWS::S3::Bucket', DeletionPolicy: 'Delete' },
        Never: { Type: 'AWS::S3::Bucket', DeletionPolicy: 'Retain' },
      },
    });
    const live: StackResourceSummary[] = [
      {
        LogicalResourceId: 'Db',
        PhysicalResourceId: 'shop-db',
        ResourceType: 'AWS::RDS::DBInstance',
        ResourceStatus: 'CREATE_COMPLETE' as const,
        LastUpdatedTimestamp: new Date(),
      },
      {
        LogicalResourceId: 'Logs',
        PhysicalResourceId: 'shop-logs',
        ResourceType: 'AWS::S3::Bucket',
        ResourceStatus: 'CREATE_COMPLETE' as const,
        LastUpdatedTimestamp: new Date(),
      },
      {
        LogicalResourceId: 'Site',
        PhysicalResourceId: 'shop-site',
        ResourceType: 'AWS::S3::Bucket',
        ResourceStatus: 'CREATE_COMPLETE' as const,
        LastUpdatedTimestamp: new Date(),
      },
    ];
    expect(retainedResources(template, live)).toEqual([
      { logicalId: 'Db', type: 'AWS::RDS::DBInstance', physicalId: 'shop-db', why: 'snapshot' },
      { logicalId: 'Logs', type: 'AWS::S3::Bucket', physicalId: 'shop-logs', why: 'retained' },
    ]);
  });

  test('lists site files recursively with their content types', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workshop-site-'));
    try {
      fs.mkdirSync(path.join(dir, 'css'));
      fs.writeFileSync(path.join(dir, 'index.html'), '<h1>shop</h1>');
      fs.writeFileSync(path.join(dir, 'css', 'shop.css'), 'h1 {}');
      expect(listFiles(dir)).toEqual(['css/shop.css', 'index.html']);
      expect(contentType('index.html')).toBe('text/html; charset=utf-8');
      expect(contentType('css/shop.css')).toBe('text/css; charset=utf-8');
      expect(contentType('logo.webp')).toBe('application/octet-stream');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dropOutputsOfUncreated', () => {
  it('drops the outputs that read a resource the emulator does not create, through GetAtt, Ref or Sub, and keeps the rest', () => {
    const template = {
      Resources: {
        Cdn: { Type: 'AWS::CloudFront::Distribution' },
        Secret: { Type: 'AWS::SecretsManager::Secret' },
        Alb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer' },
      },
      Outputs: {
        ShopUrl: { Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': ['Cdn', 'DomainName'] }]] } },
        SecretName: { Value: { 'Fn::Select': [0, { 'Fn::Split': ['-', { Ref: 'Secret' }] }] } },
        CdnId: { Value: { 'Fn::Sub': 'id ${Cdn}' } },
        AlbUrl: { Value: { 'Fn::Join': ['', ['http://', { 'Fn::GetAtt': ['Alb', 'DNSName'] }]] } },
      },
    };
    expect(dropOutputsOfUncreated(template, ['AWS::CloudFront::Distribution', 'AWS::SecretsManager::Secret'])).toEqual([
      'ShopUrl',
      'SecretName',
      'CdnId',
    ]);
    expect(Object.keys(template.Outputs)).toEqual(['AlbUrl']);
  });

  it('leaves a template whose outputs read only created resources as it is', () => {
    const template = {
      Resources: { Alb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer' } },
      Outputs: { Alb: { Value: { Ref: 'Alb' } } },
    };
    expect(dropOutputsOfUncreated(template, ['AWS::CloudFront::Distribution'])).toEqual([]);
    expect(template.Outputs).toEqual({ Alb: { Value: { Ref: 'Alb' } } });
  });
});
