/**
 * JSON for a `<script type="application/ld+json">`. JSON.stringify alone is not enough: a title
 * containing `</script>` would end the element early and let the rest run as HTML. Escaping
 * `<`, `>` and `&` as \u003c… keeps the JSON identical for a parser and inert for the browser;
 * U+2028/2029 are escaped for old JavaScript parsers that treat them as line ends.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
