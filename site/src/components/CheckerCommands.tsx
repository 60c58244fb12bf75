import React from 'react';
import { cliHelp } from '../data/workshop';
import CheckerCommandHelp from './CheckerCommandHelp';

/** The help of the checker and of each of its subcommands, in the order the CLI lists them. */
export default function CheckerCommands(): React.JSX.Element {
  return (
    <>
      <CheckerCommandHelp />
      {cliHelp?.commands.map((entry) => (
        <CheckerCommandHelp key={entry.name} command={entry.name} />
      ))}
    </>
  );
}
