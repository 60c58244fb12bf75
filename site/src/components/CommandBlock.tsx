import React from 'react';
import CodeBlock from '@theme/CodeBlock';

/** Props of CommandBlock: one or more shell commands (newline-separated) and an optional caption. */
export interface CommandBlockProps {
  command: string;
  title?: string;
}

/** Shell commands to run, with the theme's copy button; run them from the repository root unless the title says otherwise. */
export default function CommandBlock({ command, title }: CommandBlockProps): React.JSX.Element {
  return (
    <CodeBlock language="bash" title={title} className="ws-command">
      {command.trim()}
    </CodeBlock>
  );
}
