import type { Host } from '../host.js';
import type { ValidateSettings } from '../settings.js';
import type { ModeResult } from './result.js';

export interface ValidateIo {
  stdout: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

// Placeholder until the validate mode lands (issue 2): it must not pretend to pass.
export async function runValidate(_settings: ValidateSettings, _host: Host, _io?: ValidateIo): Promise<ModeResult> {
  return { exitCode: 2, message: 'validate mode is not implemented yet' };
}
