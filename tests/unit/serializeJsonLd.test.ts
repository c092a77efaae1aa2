import { describe, expect, it } from "vitest";
import { serializeJsonLd } from "../../src/lib/seo/serializeJsonLd.ts";

describe("serializeJsonLd", () => {
  const data = { headline: '标题 </script><script>alert("x")</script> & \u2028' };

  it("cannot close the script element it is written into", () => {
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/<\/script/i);
    expect(json).not.toContain("<");
    expect(json).not.toContain("&");
  });

  it("parses back to exactly the same data", () => {
    expect(JSON.parse(serializeJsonLd(data))).toEqual(data);
  });
});
