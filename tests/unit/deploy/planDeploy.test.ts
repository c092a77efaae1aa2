import { describe, expect, it } from "vitest";
import { planDeploy, type DeployManifest, type LocalFile } from "../../../src/features/deploy/planDeploy.ts";
import { buildRecord, incompleteBecause, type SiteFile } from "../../../src/features/deploy/buildRecord.ts";

const file = (path: string, hash = `h-${path}`): LocalFile => ({ path, hash, size: hash.length });
const site: LocalFile[] = [
  file("sitemap-index.xml"),
  file("index.html"),
  file("rss.xml"),
  file("pagefind/pagefind-entry.json"),
  file("_astro/app.A1.js"),
  file("pagefind/fragment/zh-cn_1.pf_fragment"),
  file("og/a.png"),
  file("_build.json"),
];
const day = 86_400_000;
const t0 = new Date("2026-01-01T00:00:00Z");

function deploySequence(sites: LocalFile[][], times: Date[]): ReturnType<typeof planDeploy>[] {
  let manifest: DeployManifest | undefined;
  return sites.map((files, index) => {
    const plan = planDeploy(manifest, files, times[index] ?? t0, { deploys: 3, days: 7 });
    manifest = plan.done;
    return plan;
  });
}

describe("planDeploy", () => {
  it("uploads everything the first time, assets before search entry before pages, sitemap last", () => {
    const [plan] = deploySequence([site], [t0]);
    expect(plan?.counts).toEqual({ new: 8, changed: 0, kept: 0, expiring: 0, deleted: 0 });
    expect(plan?.uploads.flatMap((group) => group.files.map((f) => f.path))).toEqual([
      "_astro/app.A1.js",
      "pagefind/fragment/zh-cn_1.pf_fragment",
      "og/a.png",
      "pagefind/pagefind-entry.json",
      "index.html",
      "rss.xml",
      "sitemap-index.xml",
      "_build.json",
    ]);
  });

  it("uploads only files whose content changed, by hash", () => {
    const next = site.map((f) => (f.path === "index.html" ? file("index.html", "edited") : f));
    const [, plan] = deploySequence([site, next], [t0, t0]);
    expect(plan?.counts).toMatchObject({ new: 0, changed: 1, kept: 7 });
    expect(plan?.uploads.flatMap((group) => group.files.map((f) => f.path))).toEqual(["index.html"]);
  });

  it("keeps a dropped file for 3 more deploys and 7 days, then deletes it", () => {
    const without = site.filter((f) => f.path !== "_astro/app.A1.js");
    const times = [0, 1, 2, 3, 4, 5].map((d) => new Date(t0.getTime() + d * day));
    // deploy 2 drops it; deploys 3, 4 keep it (3 deploys not passed); 5 keeps it (days < 7)
    const plans = deploySequence([site, without, without, without, without], times);
    expect(plans.slice(1).map((p) => p.counts.expiring)).toEqual([1, 1, 1, 1]);
    expect(plans.slice(1).map((p) => p.counts.deleted)).toEqual([0, 0, 0, 0]);
    const late = planDeploy(plans[4]?.done, without, new Date(t0.getTime() + 9 * day), {
      deploys: 3,
      days: 7,
    });
    expect(late.counts).toMatchObject({ expiring: 0, deleted: 1 });
    expect(late.deletions).toEqual(["_astro/app.A1.js"]);
    // Days alone are not enough either: one deploy later, long after, it is still kept.
    const [, soon] = deploySequence([site, without], [t0, t0]);
    const laterOnce = planDeploy(soon?.done, without, new Date(t0.getTime() + 30 * day), {
      deploys: 3,
      days: 7,
    });
    expect(laterOnce.counts).toMatchObject({ expiring: 1, deleted: 0 });
  });

  it("records new paths with no hash before uploading, so an interrupted deploy re-uploads them", () => {
    const [first] = deploySequence([site], [t0]);
    const extra = [...site, file("articles/new/index.html")];
    const plan = planDeploy(first?.done, extra, t0);
    expect(plan.pending.files["articles/new/index.html"]).toMatchObject({ hash: "", removedIn: 2 });
    expect(plan.pending.files["index.html"]?.hash).toBe("h-index.html");
    // the next deploy, reading only the pending manifest, uploads the file again
    const retry = planDeploy(plan.pending, extra, t0);
    expect(retry.uploads.flatMap((group) => group.files.map((f) => f.path))).toEqual([
      "articles/new/index.html",
    ]);
  });
});

describe("the build record", () => {
  const files: SiteFile[] = [
    { path: "index.html", size: 10 },
    { path: "articles/城市/index.html", size: 20 },
    { path: "articles/b/index.html", size: 5 },
  ];
  const record = buildRecord(files, t0);

  it("counts the published articles", () => {
    expect(record.published.count).toBe(2);
    expect(record.files).toBe(3);
  });

  it("accepts the build it describes, in any order, and says what is wrong with any other", () => {
    expect(incompleteBecause(record, [...files].reverse())).toBeUndefined();
    expect(incompleteBecause(record, files.slice(1))).toMatch(/1 of its 3 files are missing/);
    expect(incompleteBecause(record, [...files.slice(1), { path: "index.html", size: 3 }])).toMatch(
      /truncated/,
    );
    expect(incompleteBecause(record, [...files, { path: "x", size: 1 }])).toMatch(
      /1 files its build did not write/,
    );
    expect(incompleteBecause({ nope: 1 }, files)).toMatch(/not a build record/);
  });
});
