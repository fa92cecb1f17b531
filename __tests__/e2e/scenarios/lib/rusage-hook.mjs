// Preloaded into the gate's process by the scenario harness (NODE_OPTIONS=--import <this file>):
// at exit, writes the process's own resource usage (peak RSS, CPU time) to ZD_SCEN_RUSAGE_FILE.
// process.resourceUsage() is getrusage(RUSAGE_SELF): exact figures for that one process, which a
// parent cannot read once the child has exited. Nothing else in the gate is touched.
import { writeFileSync } from 'node:fs';

const file = process.env.ZD_SCEN_RUSAGE_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    try {
      writeFileSync(
        file,
        JSON.stringify({ maxRssKb: u.maxRSS, userCpuUs: u.userCPUTime, systemCpuUs: u.systemCPUTime }),
      );
    } catch {
      // The harness reports a missing file; never change the gate's exit code.
    }
  });
}
