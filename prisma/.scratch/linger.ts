import { migrateDeploy } from "../src/migrateDeploy.js";
import { migrateDev } from "../src/migrateDev.js";
const t0 = Date.now();
console.log(await migrateDeploy("postgresql://postgres@127.0.0.1:5432/ree_migrate_scratch", { logger: console.log }));
console.log(await migrateDev("postgresql://postgres@127.0.0.1:5432/ree_migrate_scratch", "x", { logger: console.log }));
console.log("work done ms", Date.now() - t0);
process.on("exit", () => console.log("exit after ms", Date.now() - t0));
console.log(process.getActiveResourcesInfo());
setTimeout(() => console.log(process.getActiveResourcesInfo()), 300).unref();
