/**
 * `npm run deploy:nginx`: writes deploy/nginx.conf from the cache-and-security policy
 * (src/features/deploy/serverPolicy.ts). A unit test fails when the committed file is stale.
 */
import { writeFileSync } from "node:fs";
import { nginxConf } from "../src/features/deploy/nginxConf.ts";

writeFileSync("deploy/nginx.conf", nginxConf());
console.log("wrote deploy/nginx.conf");
