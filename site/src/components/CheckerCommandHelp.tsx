import React from 'react';
import CodeBlock from '@theme/CodeBlock';
import { cliHelp } from '../data/workshop';
import { useLang } from '../lib/i18n';

/** Props of CheckerCommandHelp: a subcommand name, or nothing for the top-level help. */
export interface CheckerCommandHelpProps {
  command?: string;
}

/** The checker's own `--help` text for a command, captured at build time; says so plainly when the command does not exist yet. */
export default function CheckerCommandHelp({ command }: CheckerCommandHelpProps): React.JSX.Element {
  const lang = useLang();
  const ko = lang === 'ko';
  const text = command ? cliHelp?.commands.find((entry) => entry.name === command)?.help : cliHelp?.main;
  const shown = `npx checker${command ? ` ${command}` : ''} --help`;
  if (!text) {
    return (
      <p className="ws-note ws-empty">
        {ko ? (
          <>
            체커에 아직 <code>{shown.replace(' --help', '')}</code> 명령이 없습니다. 명령이 생기면 빌드 때 이곳에 도움말이 나타납니다.
          </>
        ) : (
          <>
            The checker has no <code>{shown.replace(' --help', '')}</code> command yet. Its help appears here at build time once it exists.
          </>
        )}
      </p>
    );
  }
  return (
    <CodeBlock language="text" title={shown}>
      {text}
    </CodeBlock>
  );
}
