import { CDK_QUIET_ENV } from '../env';
import { LocalError, messageLang } from '../messages';

/** Runs a command's main function: a LocalError prints its one line (no stack trace) and sets its exit code. */
export function runMain(main: () => Promise<void>): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = CDK_QUIET_ENV.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof LocalError) {
        console.error(messageLang() === 'ko' ? error.text.ko : error.text.en);
        process.exit(error.exitCode);
      }
      console.error(
        process.env.WORKSHOP_DEBUG ? error : `Unexpected error: ${(error as Error)?.message ?? error} (set WORKSHOP_DEBUG=1 for details)`,
      );
      process.exit(1);
    },
  );
}
