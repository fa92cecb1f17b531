// Preloaded with `node --import ./bench/loaded-modules.mjs`: records every module the process
// loads (file URLs) into the file named by ZD_LOADED_MODULES, so a benchmark can prove what a
// command path does NOT load.
import { register } from 'node:module';
import { appendFileSync } from 'node:fs';

const out = process.env.ZD_LOADED_MODULES;
if (out) {
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (url) => appendFileSync(out, `${url}\n`));
  port1.unref();
  register(
    'data:text/javascript,' +
      encodeURIComponent(`let port; export function initialize(d) { port = d.port; }
export async function load(url, context, next) { port.postMessage(url); return next(url, context); }`),
    import.meta.url,
    { data: { port: port2 }, transferList: [port2] },
  );
}
