import { Command, Option } from 'commander';
import { catalog, priceTable, secondaryRegion } from '@workshop/catalog';
import { ExitCode, type ExitCodeValue } from '../errors';
import { estimate } from '../pricing/estimate';
import { estimateLines, regionalLines } from '../pricing/format';
import { estimateRegions, totalOf } from '../pricing/regions';
import { loadArchitectures, withInputOptions, type ArchitectureInputOptions } from './architecture-input';
import { resolveLang, type GlobalOptions, type Io } from './shared';

/** Options of `checker price`. */
export interface PriceOptions extends ArchitectureInputOptions {
  readonly pricesIn?: string;
  readonly json?: boolean;
}

/** The `price` subcommand's definition. */
export function priceCommand(): Command {
  return withInputOptions(
    new Command('price')
      .summary('estimate what your architecture costs per hour and per month')
      .description(
        "Estimates what your template (or live stack) costs on real AWS per hour and per month from the workshop's dated price table (labs/prices.json): the three biggest items, each line, and the difference from the lab's solution. A lab with stacks in two Regions gets each Region's estimate and their total. An estimate: the free tier, most storage and data transfer to the internet are left out.",
      ),
  )
    .addOption(
      new Option('--prices-in <region>', `Region whose prices to use (default: ${catalog.pricing.region})`).choices(
        Object.keys(priceTable.regions),
      ),
    )
    .option('--json', 'print the estimate as JSON');
}

/** Runs `checker price`: prints the estimate of the learner's architecture and its difference from the solution. */
export async function runPrice(labArg: string | undefined, options: PriceOptions, global: GlobalOptions, io: Io): Promise<ExitCodeValue> {
  const lang = resolveLang(global.lang, io.env);
  const region = options.pricesIn ?? catalog.pricing.region;
  const loaded = await loadArchitectures(labArg, options, io, lang);
  if (loaded.mine.stacks.some((stack) => stack.region === 'secondary')) {
    // A lab with stacks in two Regions: each Region's resources at that Region's prices, and the total.
    const second = secondaryRegion(loaded.lab);
    const mine = estimateRegions(loaded.mine, region, second);
    const solution = loaded.target ? estimateRegions(loaded.target, region, second) : undefined;
    if (options.json)
      io.stdout.write(`${JSON.stringify({ lab: loaded.lab.id, regions: mine, total: totalOf(mine), solution }, null, 2)}\n`);
    else io.stdout.write(`${regionalLines(mine, lang, solution).join('\n')}\n`);
    return ExitCode.Pass;
  }
  const mine = estimate(loaded.mine, region);
  const solution = loaded.target ? estimate(loaded.target, region) : undefined;
  if (options.json) io.stdout.write(`${JSON.stringify({ lab: loaded.lab.id, estimate: mine, solution }, null, 2)}\n`);
  else io.stdout.write(`${estimateLines(mine, lang, solution).join('\n')}\n`);
  return ExitCode.Pass;
}
