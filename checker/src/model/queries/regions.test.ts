import { ResourceGraph } from '../graph';
import type { Resource } from '../types';
import { sameRegionAs } from './regions';

const resource = (id: string, region?: 'primary' | 'secondary'): Resource => ({
  id,
  type: 'AWS::AutoScaling::AutoScalingGroup',
  properties: {},
  ...(region && { region, stack: region === 'primary' ? 'Shop' : 'ShopReadRegion' }),
});

describe('sameRegionAs', () => {
  const seoulApp = resource('SeoulApp', 'primary');
  const tokyoApp = resource('TokyoApp', 'secondary');
  const cache = resource('Cache', 'primary');
  const graph = new ResourceGraph('template', [seoulApp, tokyoApp, cache], undefined, [
    { name: 'Shop', region: 'primary' },
    { name: 'ShopReadRegion', region: 'secondary', regionName: 'ap-northeast-1' },
  ]);

  it("keeps only the resources in an anchor's Region", () => {
    expect(sameRegionAs(graph, [seoulApp, tokyoApp], [cache])).toEqual([seoulApp]);
  });

  it('keeps every Region an anchor is in', () => {
    expect(sameRegionAs(graph, [seoulApp, tokyoApp], [cache, resource('TokyoCache', 'secondary')])).toEqual([seoulApp, tokyoApp]);
  });

  it('keeps everything when there is no anchor, and treats an unplaced resource as primary', () => {
    expect(sameRegionAs(graph, [seoulApp, tokyoApp], [])).toEqual([seoulApp, tokyoApp]);
    expect(sameRegionAs(graph, [resource('OneStackApp'), tokyoApp], [cache])).toEqual([expect.objectContaining({ id: 'OneStackApp' })]);
  });
});
