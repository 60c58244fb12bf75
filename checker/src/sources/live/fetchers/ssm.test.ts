import { runFetcher } from '../test-transport';
import { ssmFetcher } from './ssm';

describe('ssm fetcher', () => {
  it('maps parameters with the values of String and StringList ones, and never asks for a SecureString value', async () => {
    const { byId, requests } = await runFetcher(
      ssmFetcher,
      {
        'ssm:DescribeParameters': {
          Parameters: [
            {
              Name: '/shop/ShopEventReady/DB_READER_HOST',
              ARN: 'arn:aws:ssm:ap-northeast-2:123456789012:parameter/shop/ShopEventReady/DB_READER_HOST',
              Type: 'String',
              DataType: 'text',
            },
            { Name: '/shop/ShopEventReady/HOSTS', Type: 'StringList' },
            { Name: '/shop/ShopEventReady/TOKEN', Type: 'SecureString' },
          ],
        },
        'ssm:GetParameters': (input: Record<string, unknown>) => ({
          Parameters: (input.Names as string[]).map((name) => ({
            Name: name,
            Value: name.endsWith('HOSTS') ? 'a,b' : 'replica.x.rds.amazonaws.com',
          })),
        }),
      },
      [
        { logicalId: 'ReaderHost', physicalId: '/shop/ShopEventReady/DB_READER_HOST', type: 'AWS::SSM::Parameter' },
        { physicalId: '/shop/ShopEventReady/HOSTS', type: 'AWS::SSM::Parameter' },
        { physicalId: '/shop/ShopEventReady/TOKEN', type: 'AWS::SSM::Parameter' },
      ],
    );
    expect(byId('/shop/ShopEventReady/DB_READER_HOST')).toMatchObject({
      type: 'AWS::SSM::Parameter',
      properties: { Name: '/shop/ShopEventReady/DB_READER_HOST', Type: 'String', Value: 'replica.x.rds.amazonaws.com' },
      live: { logicalId: 'ReaderHost', arn: 'arn:aws:ssm:ap-northeast-2:123456789012:parameter/shop/ShopEventReady/DB_READER_HOST' },
    });
    expect(byId('/shop/ShopEventReady/HOSTS').properties.Value).toBe('a,b');
    expect(byId('/shop/ShopEventReady/TOKEN').properties.Value).toBeUndefined();
    const gets = requests.filter((request) => request.command === 'GetParameters');
    expect(gets.map((request) => request.input)).toEqual([
      { Names: ['/shop/ShopEventReady/DB_READER_HOST', '/shop/ShopEventReady/HOSTS'] },
    ]);
    expect(JSON.stringify(requests)).not.toContain('WithDecryption');
  });

  it('asks for parameters by name, 50 to a request, and reports those that are gone', async () => {
    const names = Array.from({ length: 51 }, (_, i) => `/shop/p${i}`);
    const { requests, progress } = await runFetcher(
      ssmFetcher,
      {
        'ssm:DescribeParameters': (input: Record<string, unknown>) => {
          const values = (input.ParameterFilters as Array<{ Values: string[] }>)[0].Values;
          return { Parameters: values.filter((name) => name !== '/shop/p50').map((name) => ({ Name: name, Type: 'SecureString' })) };
        },
      },
      names.map((physicalId) => ({ physicalId, type: 'AWS::SSM::Parameter' })),
    );
    const described = requests.filter((request) => request.command === 'DescribeParameters');
    expect(described.map((request) => (request.input.ParameterFilters as Array<{ Values: string[] }>)[0].Values.length)).toEqual([50, 1]);
    expect(requests.some((request) => request.command === 'GetParameters')).toBe(false);
    expect(progress).toContain('AWS::SSM::Parameter /shop/p50 listed by the stack but not found');
  });
});
