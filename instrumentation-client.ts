// Runs in the browser before the app's code. zod compiles object parsers with `new Function`
// unless told not to, and probes for it on first use; under the CSP (no 'unsafe-eval') even the
// caught probe is reported as a violation. Its global config is read from here.
const zodConfig = ((globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig ??= {});
zodConfig.jitless = true;
