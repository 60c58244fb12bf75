import path from 'node:path';
import { Aws, BundlingOutput, DockerImage } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import { Construct } from 'constructs';

/** Props of {@link ShopApiService}. */
export interface ShopApiServiceProps {
  /** The service's folder: src/main.ts starts the HTTP server. */
  readonly serviceDir: string;
  /** The port the service listens on: the APP tier's port behind the internal ALB. */
  readonly port: number;
  /** The Parameter Store path (such as /shop/ShopEventReady) whose parameters become the service's environment. */
  readonly configurationPath: string;
}

/** One line of esbuild's error output, for an error message that fits a terminal line. */
function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}

/**
 * The shop API on the APP servers: the service bundled into one file by esbuild, uploaded as an S3
 * asset at deploy time, and a first-boot script that downloads it through the S3 gateway endpoint,
 * installs Node.js 22, writes its configuration from Parameter Store and runs it under systemd.
 */
export class ShopApiService extends Construct {
  /** The bundled service (a zip holding server.js) in the CDK assets bucket. */
  public readonly bundle: s3assets.Asset;
  /** The APP servers' first-boot script. */
  public readonly userData: ec2.UserData;

  constructor(scope: Construct, id: string, props: ShopApiServiceProps) {
    if (!Number.isInteger(props.port) || props.port < 1 || props.port > 65535) {
      throw new Error(`ShopApiService: port ${props.port} is not a TCP port: use a whole number from 1 to 65535.`);
    }
    if (!/^(\/[A-Za-z0-9_.-]+)+$/.test(props.configurationPath)) {
      throw new Error(
        `ShopApiService: configurationPath "${props.configurationPath}" is not a parameter path: use one like /shop/ShopEventReady.`,
      );
    }
    super(scope, id);
    const serviceDir = path.resolve(props.serviceDir);

    // Bundled on this machine by esbuild (a dev dependency): one CommonJS file with every dependency,
    // for Node.js 22. `cdk synth` with the aws:cdk:bundling-stacks context empty (as the checker
    // runs it) skips bundling; the asset's hash comes from the source, so the template is the same.
    this.bundle = new s3assets.Asset(this, 'Bundle', {
      path: serviceDir,
      exclude: ['node_modules', 'test', '**/*.test.ts'],
      bundling: {
        // Required by the API, never used: tryBundle below bundles or fails with the reason.
        image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22-bookworm-slim'),
        // Zipped, like a skipped bundle, so the object key is the same whether bundling ran or not.
        outputType: BundlingOutput.NOT_ARCHIVED,
        local: {
          tryBundle(outputDir: string): boolean {
            let esbuild: typeof import('esbuild');
            try {
              // Loaded only when bundling runs, so template-only synths never pay for it.
              // eslint-disable-next-line @typescript-eslint/no-require-imports
              esbuild = require('esbuild') as typeof import('esbuild');
            } catch {
              throw new Error('ShopApiService: esbuild is not installed: run npm install in the app folder, then synthesize again.');
            }
            try {
              esbuild.buildSync({
                entryPoints: [path.join(serviceDir, 'src', 'main.ts')],
                outfile: path.join(outputDir, 'server.js'),
                bundle: true,
                platform: 'node',
                target: 'node22',
                format: 'cjs',
                logLevel: 'silent',
              });
            } catch (error) {
              throw new Error(`ShopApiService: esbuild could not bundle ${serviceDir}/src/main.ts: ${firstLine(error)}`);
            }
            return true;
          },
        },
      },
    });

    const env = '/etc/shop-api.env';
    this.userData = ec2.UserData.forLinux();
    // Node.js 22 from Amazon Linux 2023's own repository (namespaced: the binary is node-22).
    this.userData.addCommands('dnf install -y nodejs22');
    // The download goes through the S3 gateway endpoint: S3's prefix list is routed there from the
    // APP subnets, so the bundle never crosses the NAT gateway.
    this.userData.addS3DownloadCommand({
      bucket: this.bundle.bucket,
      bucketKey: this.bundle.s3ObjectKey,
      localFile: '/opt/shop-api/bundle.zip',
      region: Aws.REGION,
    });
    this.userData.addCommands(
      // Python's zipfile module: Amazon Linux 2023 ships python3, not necessarily unzip.
      'python3 -m zipfile -e /opt/shop-api/bundle.zip /opt/shop-api/ && rm /opt/shop-api/bundle.zip',
      // One line per parameter under the path: /shop/<stack>/DB_READER_HOST becomes DB_READER_HOST=...
      // Retried while the role's new permissions reach every IAM endpoint. No secret is written:
      // the service reads the database password from Secrets Manager itself.
      'for attempt in 1 2 3 4 5 6 7 8 9 10; do',
      `  aws ssm get-parameters-by-path --region ${Aws.REGION} --path ${props.configurationPath}/ --query 'Parameters[].[Name,Value]' --output text > ${env}.tsv && break`,
      '  sleep 15',
      'done',
      `awk -F'\\t' '{ n = split($1, part, "/"); print part[n] "=" $2 }' ${env}.tsv > ${env}`,
      `echo 'PORT=${props.port}' >> ${env}`,
      `echo 'AWS_REGION=${Aws.REGION}' >> ${env}`,
      `rm -f ${env}.tsv && chmod 644 ${env}`,
      "cat > /etc/systemd/system/shop-api.service <<'EOF'",
      '[Unit]',
      'Description=Shop API (cache-aside product reads)',
      'Wants=network-online.target',
      'After=network-online.target',
      '[Service]',
      // A throwaway user with no rights on the machine; the instance role still applies.
      'DynamicUser=yes',
      `EnvironmentFile=${env}`,
      'ExecStart=/usr/bin/node-22 /opt/shop-api/server.js',
      'Restart=always',
      'RestartSec=5',
      '[Install]',
      'WantedBy=multi-user.target',
      'EOF',
      'systemctl daemon-reload',
      'systemctl enable --now shop-api',
    );
  }

  /** Lets the servers download the bundle: s3:GetObject on this one object, not on the bucket or its other assets. */
  public grantDownload(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [this.bundle.bucket.arnForObjects(this.bundle.s3ObjectKey)] }),
    );
  }
}
