import { cloudfrontApiBehavior } from './cdn/cloudfront-api-behavior';
import { cloudfrontCachePolicies } from './cdn/cloudfront-cache-policies';
import { cloudfrontCompression } from './cdn/cloudfront-compression';
import { cloudfrontGeoRestriction } from './cdn/cloudfront-geo-restriction';
import { cloudfrontHttpsRedirect } from './cdn/cloudfront-https-redirect';
import { cloudfrontOriginNotPublic } from './cdn/cloudfront-origin-not-public';
import { cloudfrontStaticOrigin } from './cdn/cloudfront-static-origin';
import { route53AliasToCloudfront } from './cdn/route53-alias-to-cloudfront';
import { s3EndpointServesPrivateRouteTables } from './network/s3-endpoint-serves-private-route-tables';
import { s3GatewayEndpoint } from './network/s3-gateway-endpoint';
import { appRoleMediaAccess } from './storage/app-role-media-access';
import { mediaBucketPrivate } from './storage/media-bucket-private';
import { mediaBucketRequiresEndpoint } from './storage/media-bucket-requires-endpoint';
import { s3WebsiteContent } from './storage/s3-website-content';
import { s3WebsiteHosting } from './storage/s3-website-hosting';
import type { Rule } from './types';

/** Every rule the checker knows, in report order. Each lives in rules/<area>/<id>.ts. */
export const rules: readonly Rule[] = [
  s3WebsiteHosting,
  s3WebsiteContent,
  mediaBucketPrivate,
  s3GatewayEndpoint,
  s3EndpointServesPrivateRouteTables,
  mediaBucketRequiresEndpoint,
  appRoleMediaAccess,
  cloudfrontStaticOrigin,
  cloudfrontApiBehavior,
  cloudfrontHttpsRedirect,
  cloudfrontCachePolicies,
  cloudfrontCompression,
  cloudfrontOriginNotPublic,
  cloudfrontGeoRestriction,
  route53AliasToCloudfront,
];
