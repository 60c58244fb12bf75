import { CheckerError, ExitCode } from '../../errors';
import { jsonErrorOffset, parseTemplateText } from './parse';
import { graphFromTemplate } from './resolve';

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
