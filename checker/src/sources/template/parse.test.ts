import { CheckerError, ExitCode } from '../../errors';
import { jsonErrorOffset, parseTemplateText } from './parse';
import { graphFromTemplate } from './resolve';
import { MAX_ALIAS_VALUES, MAX_NESTING_DEPTH } from './limits';

const HAND_WRITTEN = `
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Cidr: { Type: String, Default: 10.0.0.0/16 }
Conditions:
  IsDefault: !Equals [!Ref Cidr, 10.0.0.0/16]
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: !Ref Cidr
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      AvailabilityZone: !Select [0, !GetAZs '']
      CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 2, 8]]
      Tags:
        - Key: Name
          Value: !Sub '\${AWS::StackName}-a'
        - Key: Tier
          Value: !If [IsDefault, public, !Ref 'AWS::NoValue']
        - Key: Joined
          Value: !Join ['-', [a, !Select [1, !Split [',', 'x,y']]]]
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: !Sub
        - 'web in \${V}'
        - V: !Ref Vpc
      VpcId: !GetAtt [Vpc, VpcId]
      UserData: !Base64 { 'Fn::Sub': 'echo \${Vpc}' }
`;

describe('parseTemplateText', () => {
  it('turns YAML short forms into long-form intrinsics', () => {
    const template = parseTemplateText(HAND_WRITTEN, 't.yaml') as { Resources: Record<string, { Properties: Record<string, unknown> }> };
    const subnet = template.Resources.SubnetA.Properties;
    expect(subnet.VpcId).toEqual({ Ref: 'Vpc' });
    expect(subnet.AvailabilityZone).toEqual({ 'Fn::Select': [0, { 'Fn::GetAZs': '' }] });
    expect(subnet.CidrBlock).toEqual({ 'Fn::Select': [0, { 'Fn::Cidr': [{ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, 2, 8] }] });
    expect(template.Resources.Sg.Properties.GroupDescription).toEqual({ 'Fn::Sub': ['web in ${V}', { V: { Ref: 'Vpc' } }] });
    expect(template.Resources.Sg.Properties.VpcId).toEqual({ 'Fn::GetAtt': ['Vpc', 'VpcId'] });
    expect(template.Resources.Sg.Properties.UserData).toEqual({ 'Fn::Base64': { 'Fn::Sub': 'echo ${Vpc}' } });
  });

  it('gives a graph the rules can read from a hand-written YAML template', () => {
    const graph = graphFromTemplate(parseTemplateText(HAND_WRITTEN, 't.yaml'), { stackName: 'Shop' });
    const subnet = graph.get('SubnetA')!;
    expect(graph.prop(subnet, 'AvailabilityZone')).toBe('AZ#1');
    expect(graph.deref(subnet.properties.VpcId, 'VpcId')?.type).toBe('AWS::EC2::VPC');
    expect(graph.prop(subnet, 'Tags')).toEqual([
      { Key: 'Name', Value: 'Shop-a' },
      { Key: 'Tier', Value: 'public' },
      { Key: 'Joined', Value: 'a-y' },
    ]);
    expect(graph.refsIn(graph.get('Sg')!.properties.GroupDescription).map((r) => r.id)).toEqual(['Vpc']);
  });

  it('parses JSON templates as they are', () => {
    expect(parseTemplateText('{"Resources": {"A": {"Type": "AWS::S3::Bucket"}}}', 't.json')).toEqual({
      Resources: { A: { Type: 'AWS::S3::Bucket' } },
    });
  });

  it('names file, line and column of a JSON syntax error, as an input error', () => {
    const attempt = () => parseTemplateText('{\n  "Resources": {\n    "A": }\n}', 'bad.json');
    expect(attempt).toThrow(CheckerError);
    expect(attempt).toThrow(/^bad\.json:3:10: the template is not valid JSON/);
    try {
      attempt();
    } catch (error) {
      expect((error as CheckerError).exitCode).toBe(ExitCode.Usage);
      expect((error as CheckerError).text.ko).toContain('bad.json:3:10');
    }
  });

  it('names file, line and column of a YAML syntax error and of an unknown tag', () => {
    expect(() => parseTemplateText('Resources:\n  A: [unclosed\n', 'bad.yaml')).toThrow(
      /^bad\.yaml:\d+:\d+: the template is not valid YAML/,
    );
    expect(() => parseTemplateText('Resources:\n  A: !Reff X\n', 'tag.yaml')).toThrow('tag.yaml:2:6: unknown tag !Reff');
  });
});

describe('jsonErrorOffset', () => {
  it('finds the first syntax error of a JSON text', () => {
    expect(jsonErrorOffset('{"a": [1, 2,]}')).toBe(12);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset('{"a": "x\\q"}')).toBe(6);
    expect(jsonErrorOffset('{"a": {"b": null}} x')).toBe(19);
  });
});

/** `depth` nested lists around one value, in JSON (valid YAML flow style too). */
function nestedLists(depth: number): string {
  return `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

function inputErrorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CheckerError);
    expect((error as CheckerError).exitCode).toBe(ExitCode.Usage);
    return (error as CheckerError).text.en;
  }
  throw new Error('expected an input error');
}

describe('limits of parseTemplateText', () => {
  it(`accepts ${MAX_NESTING_DEPTH} levels of nesting and refuses one more, in JSON and YAML`, () => {
    // The template object is one level and Resources a second: the lists make up the rest.
    const json = (depth: number): string => `{"Resources": {"Vpc": ${nestedLists(depth - 2)}}}`;
    expect(parseTemplateText(json(MAX_NESTING_DEPTH), 't.json')).toBeDefined();
    expect(inputErrorOf(() => parseTemplateText(json(MAX_NESTING_DEPTH + 1), 't.json'))).toBe(
      `t.json: the template nests objects or lists more than ${MAX_NESTING_DEPTH} levels deep: no CloudFormation template needs that; fix the file or synthesize it again.`,
    );
    const yaml = (depth: number): string => `Resources:\n  Vpc: ${nestedLists(depth - 2)}\n`;
    expect(parseTemplateText(yaml(MAX_NESTING_DEPTH), 't.yaml')).toBeDefined();
    expect(inputErrorOf(() => parseTemplateText(yaml(MAX_NESTING_DEPTH + 1), 't.yaml'))).toMatch(
      /^t\.yaml:2:\d+: the template nests objects or lists more than 100 levels deep/,
    );
  });

  it('turns the yaml package’s own stack overflow on very deep input into the same one-line error', () => {
    expect(inputErrorOf(() => parseTemplateText(`Resources: ${nestedLists(20_000)}\n`, 't.yaml'))).toMatch(
      /^t\.yaml:\d+:\d+: the template nests objects or lists more than 100 levels deep/,
    );
  });

  it('expands ordinary aliases, each to the last anchor of its name before it', () => {
    const text = [
      'Tags: &tags [{Key: app, Value: shop}]',
      'Resources:',
      '  A: {Type: AWS::S3::Bucket, Properties: {Tags: *tags}}',
      'Again: &tags [{Key: app, Value: other}]',
      'Later: *tags',
    ].join('\n');
    const template = parseTemplateText(text, 't.yaml') as Record<string, unknown> & { Resources: { A: { Properties: unknown } } };
    expect(template.Resources.A.Properties).toEqual({ Tags: [{ Key: 'app', Value: 'shop' }] });
    expect(template.Later).toEqual([{ Key: 'app', Value: 'other' }]);
  });

  it(`stops aliases that expand to more than ${MAX_ALIAS_VALUES} values (a billion laughs) quickly`, () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) {
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    }
    const started = Date.now();
    expect(inputErrorOf(() => parseTemplateText(`${lines.join('\n')}\nResources: {}\n`, 'bomb.yaml'))).toMatch(
      /^bomb\.yaml:\d+:\d+: YAML aliases \(\*name\) expand to more than 100,000 values: write the values out or use fewer aliases of aliases\.$/,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('resolves many aliases in one pass over the document', () => {
    const aliases = Array.from({ length: 20_000 }, (_, i) => `  k${i}: *v`).join('\n');
    const started = Date.now();
    const template = parseTemplateText(`v: &v 1\nm:\n${aliases}\nResources: {}\n`, 'many.yaml') as { m: Record<string, number> };
    expect(Object.keys(template.m)).toHaveLength(20_000);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a repeated map key, naming where, without comparing every key with every other', () => {
    expect(inputErrorOf(() => parseTemplateText('Resources:\n  Vpc: {Type: a}\n  Vpc: {Type: b}\n', 't.yaml'))).toBe(
      't.yaml:3:3: the template is not valid YAML (Map keys must be unique; "Vpc" is repeated): fix the file.',
    );
    const keys = Array.from({ length: 20_000 }, (_, i) => `  k${i}: 1`).join('\n');
    const started = Date.now();
    expect(inputErrorOf(() => parseTemplateText(`Resources:\n${keys}\n  k0: 2\n`, 'big.yaml'))).toMatch(/^big\.yaml:20002:3: /);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('says -1 when invalid JSON nests too deep to scan', () => {
    expect(jsonErrorOffset(`{"a": ${'['.repeat(MAX_NESTING_DEPTH + 5)}`)).toBe(-1);
    expect(jsonErrorOffset(`{"a": ${'['.repeat(MAX_NESTING_DEPTH - 5)}`)).toBeGreaterThan(0);
  });
});
