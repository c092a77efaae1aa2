/**
 * The traditional→simplified converter (~50 KB gzipped) in a worker of its own: the search
 * starts it for the first query that may hold traditional characters (mayBeTraditional.ts) and
 * sends it queries; most readers, typing simplified characters, never download it. A worker
 * rather than a chunk of the dropdown's bundle because Astro copies a prerendered page's
 * worker-style bundle into the site but not the chunks it splits off, which then 404; and the
 * two talk by messages, not through globals.
 */
import { toSimplified } from "../query/toSimplified.ts";

export interface FoldRequest {
  id: number;
  text: string;
}

export interface FoldReply {
  id: number;
  text: string;
}

self.addEventListener("message", (event: MessageEvent<FoldRequest>) => {
  const reply: FoldReply = { id: event.data.id, text: toSimplified(event.data.text) };
  self.postMessage(reply);
});
