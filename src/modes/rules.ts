import type { ModeResult } from './result.js';

// Placeholder until the rule registry lands (issue 2).
export async function runRules(_format: string, _out: NodeJS.WritableStream): Promise<ModeResult> {
  return { exitCode: 2, message: 'rules listing is not implemented yet' };
}
