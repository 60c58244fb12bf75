import React from 'react';
import { labById } from '../data/workshop';
import { LAB_COMMAND_KINDS, labCommands, type LabCommandKind } from '../lib/lab-commands';
import { useLang } from '../lib/i18n';
import CommandBlock from './CommandBlock';

/** Props of LabCommands: the lab and which of the guide's command blocks to show. */
export interface LabCommandsProps {
  lab: string;
  kind: LabCommandKind;
}

/** One of the command blocks every guide shows (synth and check, deploy, live check, destroy), generated from the lab's id. */
export default function LabCommands({ lab, kind }: LabCommandsProps): React.JSX.Element {
  const lang = useLang();
  const { id } = labById(lab);
  if (!LAB_COMMAND_KINDS.includes(kind)) throw new Error(`<LabCommands kind="${kind}">: use one of ${LAB_COMMAND_KINDS.join(', ')}.`);
  const block = labCommands(id, kind);
  return <CommandBlock command={block.lines.join('\n')} title={block.title[lang]} />;
}
