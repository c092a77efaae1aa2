import { describe, expect, it } from "vitest";
import { escapeXml } from "../../src/lib/escapeXml.ts";

describe("escapeXml", () => {
  it("escapes markup characters and leaves Chinese alone", () => {
    expect(escapeXml(`林间 <a> & "x" 'y'`)).toBe("林间 &lt;a&gt; &amp; &quot;x&quot; &apos;y&apos;");
  });
});
