import type { DescribeInstancesResult, DescribeVolumesResult } from '@aws-sdk/client-ec2';
import { compact, ref, refs, userTags, type FetchContext, type Tag } from '../types';
import { ec2Type } from './describe';

type Instance = NonNullable<NonNullable<DescribeInstancesResult['Reservations']>[number]['Instances']>[number];
type InstanceDisk = NonNullable<Instance['BlockDeviceMappings']>[number];

/** An instance's attached EBS volumes in the Instance.BlockDeviceMappings shape (encryption and size come from DescribeVolumes). */
async function instanceDisks(
  context: FetchContext,
  disks: readonly InstanceDisk[] | undefined,
): Promise<Record<string, unknown>[] | undefined> {
  const volumeIds = (disks ?? []).map((disk) => disk.Ebs?.VolumeId).filter((id): id is string => Boolean(id));
  if (!volumeIds.length) return undefined;
  const pages = await context.caller.paginate<DescribeVolumesResult>(
    'ec2',
    'DescribeVolumes',
    { VolumeIds: volumeIds },
    'NextToken',
    (page) => page.NextToken,
    {
      absent: (code) => code.includes('NotFound'),
    },
  );
  const volumes = new Map(pages.flatMap((page) => page.Volumes ?? []).map((volume) => [volume.VolumeId, volume]));
  return (disks ?? []).map((disk) => {
    const volume = volumes.get(disk.Ebs?.VolumeId);
    return compact({
      DeviceName: disk.DeviceName,
      Ebs: compact({
        Encrypted: volume?.Encrypted,
        VolumeSize: volume?.Size,
        VolumeType: volume?.VolumeType,
        Iops: volume?.Iops,
        KmsKeyId: volume?.KmsKeyId,
        DeleteOnTermination: disk.Ebs?.DeleteOnTermination,
      }),
    });
  });
}

/** An instance's launch template from the aws:ec2launchtemplate:* tags EC2 adds, in the Instance.LaunchTemplate shape. */
function launchTemplateOf(tags: readonly Tag[] | undefined): Record<string, unknown> | undefined {
  const id = tags?.find((tag) => tag.Key === 'aws:ec2launchtemplate:id')?.Value;
  const version = tags?.find((tag) => tag.Key === 'aws:ec2launchtemplate:version')?.Value;
  return id ? compact({ LaunchTemplateId: ref(id), Version: version }) : undefined;
}

/** AWS::EC2::Instance, with its volumes, launch template and metadata options; a terminated one is left out. */
export const instances = ec2Type<DescribeInstancesResult, Instance>({
  type: 'AWS::EC2::Instance',
  command: 'DescribeInstances',
  idField: 'InstanceIds',
  items: (page) => page.Reservations?.flatMap((reservation) => reservation.Instances ?? []),
  id: (item) => item.InstanceId,
  async map(instance, emit, context) {
    if (instance.State?.Name === 'terminated' || instance.State?.Name === 'shutting-down') return;
    const blockDeviceMappings = await instanceDisks(context, instance.BlockDeviceMappings);
    emit.resource(
      instance.InstanceId as string,
      {
        ImageId: instance.ImageId,
        InstanceType: instance.InstanceType,
        SubnetId: ref(instance.SubnetId),
        // The instance's groups and its network interfaces' (moto lists the latter only).
        SecurityGroupIds: refs([
          ...new Set([
            ...(instance.SecurityGroups ?? []).map((group) => group.GroupId),
            ...(instance.NetworkInterfaces ?? []).flatMap((nic) => (nic.Groups ?? []).map((group) => group.GroupId)),
          ]),
        ]),
        AvailabilityZone: instance.Placement?.AvailabilityZone,
        // EC2 tags an instance launched from a launch template with the template's id and version.
        LaunchTemplate: launchTemplateOf(instance.Tags),
        BlockDeviceMappings: blockDeviceMappings,
        IamInstanceProfile: instance.IamInstanceProfile?.Arn?.split('/').pop(),
        KeyName: instance.KeyName,
        Monitoring: instance.Monitoring?.State === 'enabled' || undefined,
        Tags: userTags(instance.Tags),
      },
      instance.Tags,
      compact({
        state: instance.State?.Name,
        privateIp: instance.PrivateIpAddress,
        publicIp: instance.PublicIpAddress,
        instanceProfileArn: instance.IamInstanceProfile?.Arn,
        metadataOptions: instance.MetadataOptions
          ? compact({ HttpTokens: instance.MetadataOptions.HttpTokens, HttpEndpoint: instance.MetadataOptions.HttpEndpoint })
          : undefined,
      }),
    );
  },
});
