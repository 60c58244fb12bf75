// Files the workshop-data plugin writes under .docusaurus/ before bundling (see src/plugins/workshop-data.ts).
declare module '@generated/workshop-data/default/rules.json' {
  const value: unknown;
  export default value;
}
declare module '@generated/workshop-data/default/cli.json' {
  const value: unknown;
  export default value;
}
