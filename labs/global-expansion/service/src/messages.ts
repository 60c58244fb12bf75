/** A message for the people who run the service, in English and Korean. */
export interface Text {
  readonly en: string;
  readonly ko: string;
}

/** An error the operator can fix: one line in both languages, printed without a stack trace. */
export class ServiceError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
    this.name = 'ServiceError';
  }
}

/** The language of printed messages: Korean when WORKSHOP_LANG or LANG starts with "ko", else English. */
export function messageLang(env: NodeJS.ProcessEnv = process.env): 'en' | 'ko' {
  return (env.WORKSHOP_LANG ?? env.LANG ?? '').toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
