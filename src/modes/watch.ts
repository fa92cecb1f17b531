import type { Host } from '../host.js';
import type { WatchSettings } from '../settings.js';
import type { ModeResult } from './result.js';

// Placeholder until the watch mode lands (issue 3): it must not pretend to pass.
export async function runWatch(_settings: WatchSettings, _host: Host): Promise<ModeResult> {
  return { exitCode: 2, message: 'watch mode is not implemented yet' };
}
