import * as iam from 'aws-cdk-lib/aws-iam';
import { addStorage, grownShopGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { appRoleMediaAccess } from './app-role-media-access';

describe('app-role-media-access', () => {
  it('passes for grantReadWrite on the APP role', () => {
    const outcome = judge(
      appRoleMediaAccess,
      grownShopGraph((shop) => addStorage(shop)),
    );
    expect(outcome.status).toBe('PASS');
  });

  it('accepts a hand-written inline policy on the role', () => {
    const graph = grownShopGraph((shop) => {
      const { media } = addStorage(shop, { grant: false });
      shop.appRole.attachInlinePolicy(
        new iam.Policy(shop.stack, 'MediaAccess', {
          statements: [new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [`${media!.bucketArn}/*`] })],
        }),
      );
    });
    expect(judge(appRoleMediaAccess, graph).status).toBe('PASS');
  });

  it('fails for read-only access, for AmazonS3FullAccess, and without a grant', () => {
    const readOnly = judge(
      appRoleMediaAccess,
      grownShopGraph((shop) => addStorage(shop, { grant: 'read' })),
    );
    expect(readOnly.status).toBe('FAIL');
    expect(readOnly.message.en).toContain('s3:PutObject');
    const full = judge(
      appRoleMediaAccess,
      grownShopGraph((shop) => addStorage(shop, { grant: 'full-access' })),
    );
    expect(full.status).toBe('FAIL');
    expect(full.message.en).toContain('every bucket');
    expect(
      judge(
        appRoleMediaAccess,
        grownShopGraph((shop) => addStorage(shop, { grant: false })),
      ).status,
    ).toBe('FAIL');
  });

  it('is not applicable without a media bucket', () => {
    expect(
      judge(
        appRoleMediaAccess,
        grownShopGraph((shop) => addStorage(shop, { media: false })),
      ).status,
    ).toBe('SKIP');
  });
});
