const orig = globalThis.setTimeout;
(globalThis as any).setTimeout = (fn: any, ms: any, ...a: any[]) => {
  if (ms >= 1000) console.log("setTimeout", ms, new Error().stack?.split("\n").slice(2, 7).join("\n"));
  return orig(fn, ms, ...a);
};
await import("./linger.js");
