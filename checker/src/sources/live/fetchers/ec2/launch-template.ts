import type { DescribeLaunchTemplatesResult, DescribeLaunchTemplateVersionsResult } from '@aws-sdk/client-ec2';
import { compact, ref, refs } from '../types';
import { ec2Type } from './describe';

/** AWS::EC2::LaunchTemplate, with the data of its latest version. */
export const launchTemplates = ec2Type<
  DescribeLaunchTemplatesResult,
  NonNullable<DescribeLaunchTemplatesResult['LaunchTemplates']>[number]
>({
  type: 'AWS::EC2::LaunchTemplate',
  command: 'DescribeLaunchTemplates',
  idField: 'LaunchTemplateIds',
  items: (page) => page.LaunchTemplates,
  id: (item) => item.LaunchTemplateId,
  async map(template, emit, context) {
    const templateId = template.LaunchTemplateId as string;
    const pages = await context.caller.paginate<DescribeLaunchTemplateVersionsResult>(
      'ec2',
      'DescribeLaunchTemplateVersions',
      { LaunchTemplateId: templateId, Versions: ['$Latest'] },
      'NextToken',
      (page) => page.NextToken,
    );
    const data = pages.flatMap((page) => page.LaunchTemplateVersions ?? [])[0]?.LaunchTemplateData ?? {};
    const launchTemplateData = compact({
      ...(data as Record<string, unknown>),
      SecurityGroupIds: data.SecurityGroupIds?.length ? refs(data.SecurityGroupIds) : undefined,
      NetworkInterfaces: data.NetworkInterfaces?.map((nic) => compact({ ...nic, Groups: refs(nic.Groups), SubnetId: ref(nic.SubnetId) })),
    });
    emit.resource(templateId, { LaunchTemplateName: template.LaunchTemplateName, LaunchTemplateData: launchTemplateData }, template.Tags, {
      latestVersion: template.LatestVersionNumber,
      defaultVersion: template.DefaultVersionNumber,
    });
  },
});
