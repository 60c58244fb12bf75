import { runFetcher } from '../test-transport';
import { cloudFrontFetcher, distributionConfigToCfn } from './cloudfront';

const apiConfig = {
  CallerReference: 'ref',
  Comment: 'shop',
  Enabled: true,
  DefaultRootObject: 'index.html',
  HttpVersion: 'http2',
  PriceClass: 'PriceClass_200',
  WebACLId: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/shop/1',
  Aliases: { Quantity: 0 },
  Origins: {
    Quantity: 2,
    Items: [
      {
        Id: 'site',
        DomainName: 'shop-site.s3.ap-northeast-2.amazonaws.com',
        OriginPath: '',
        OriginAccessControlId: 'oac-1',
        S3OriginConfig: { OriginAccessIdentity: '' },
        CustomHeaders: { Quantity: 0 },
      },
      {
        Id: 'api',
        DomainName: 'shop-1.ap-northeast-2.elb.amazonaws.com',
        CustomOriginConfig: {
          HTTPPort: 80,
          HTTPSPort: 443,
          OriginProtocolPolicy: 'http-only',
          OriginSslProtocols: { Quantity: 1, Items: ['TLSv1.2'] },
        },
      },
    ],
  },
  DefaultCacheBehavior: {
    TargetOriginId: 'site',
    ViewerProtocolPolicy: 'redirect-to-https',
    Compress: true,
    CachePolicyId: 'policy-1',
    AllowedMethods: { Quantity: 2, Items: ['GET', 'HEAD'], CachedMethods: { Quantity: 2, Items: ['GET', 'HEAD'] } },
  },
  CacheBehaviors: { Quantity: 1, Items: [{ PathPattern: '/api/*', TargetOriginId: 'api', ViewerProtocolPolicy: 'https-only' }] },
  Restrictions: { GeoRestriction: { RestrictionType: 'whitelist', Quantity: 1, Items: ['KR'] } },
  ViewerCertificate: { CloudFrontDefaultCertificate: true, ACMCertificateArn: undefined, SSLSupportMethod: 'vip' },
  Logging: { Enabled: false, IncludeCookies: false, Bucket: '', Prefix: '' },
  OriginGroups: { Quantity: 0 },
};

describe('cloudfront fetcher', () => {
  it('converts the API DistributionConfig to CloudFormation’s shape', () => {
    const { CallerReference: _ignored, ...config } = apiConfig;
    expect(distributionConfigToCfn(config)).toEqual({
      Comment: 'shop',
      Enabled: true,
      DefaultRootObject: 'index.html',
      HttpVersion: 'http2',
      PriceClass: 'PriceClass_200',
      WebACLId: { $ref: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/shop/1' },
      Aliases: [],
      Origins: [
        {
          Id: 'site',
          DomainName: 'shop-site.s3.ap-northeast-2.amazonaws.com',
          OriginPath: '',
          OriginAccessControlId: 'oac-1',
          S3OriginConfig: { OriginAccessIdentity: '' },
          OriginCustomHeaders: [],
        },
        {
          Id: 'api',
          DomainName: 'shop-1.ap-northeast-2.elb.amazonaws.com',
          CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'http-only', OriginSSLProtocols: ['TLSv1.2'] },
        },
      ],
      DefaultCacheBehavior: {
        TargetOriginId: 'site',
        ViewerProtocolPolicy: 'redirect-to-https',
        Compress: true,
        CachePolicyId: 'policy-1',
        AllowedMethods: ['GET', 'HEAD'],
        CachedMethods: ['GET', 'HEAD'],
      },
      CacheBehaviors: [{ PathPattern: '/api/*', TargetOriginId: 'api', ViewerProtocolPolicy: 'https-only' }],
      Restrictions: { GeoRestriction: { RestrictionType: 'whitelist', Locations: ['KR'] } },
      ViewerCertificate: { CloudFrontDefaultCertificate: true, SslSupportMethod: 'vip' },
      OriginGroups: { Quantity: 0 },
    });
  });

  it('loads each distribution of the stack with its domain name', async () => {
    const { byId, requests } = await runFetcher(
      cloudFrontFetcher,
      {
        'cloudfront:GetDistribution': {
          Distribution: {
            Id: 'E1',
            ARN: 'arn:aws:cloudfront::123456789012:distribution/E1',
            DomainName: 'd1.cloudfront.net',
            Status: 'Deployed',
            DistributionConfig: apiConfig,
          },
        },
      },
      [{ logicalId: 'Cdn', physicalId: 'E1', type: 'AWS::CloudFront::Distribution' }],
    );
    expect(byId('E1').live).toMatchObject({ logicalId: 'Cdn', domainName: 'd1.cloudfront.net' });
    expect(byId('E1').properties.DistributionConfig).not.toHaveProperty('CallerReference');
    expect(requests).toEqual([{ service: 'cloudfront', command: 'GetDistribution', input: { Id: 'E1' } }]);
  });
});
