/**
 * The Waline widget, loaded by commentsLoader.ts only when the 发表评论 section comes into view:
 * this module and Waline form one lazily loaded chunk, and its stylesheets are fetched with it.
 */
import { init } from "@waline/client";
// By URL, not `import "….css"`: Astro would inline imported CSS into every article page, even
// with comments off. Order matters: the site's overrides come after Waline's styles.
import walineStyle from "@waline/client/style?url";
import siteStyle from "../styles/comments.css?url";

function addStylesheet(href: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href });
    link.addEventListener("load", () => resolve());
    link.addEventListener("error", () => reject(new Error(`stylesheet failed to load: ${href}`)));
    document.head.append(link);
  });
}

export interface WidgetOptions {
  el: HTMLElement;
  serverURL: string;
  path: string;
  lang: string;
  editorLabel: string;
}

export async function mountComments({
  el,
  serverURL,
  path,
  lang,
  editorLabel,
}: WidgetOptions): Promise<void> {
  await Promise.all([addStylesheet(walineStyle), addStylesheet(siteStyle)]);
  el.textContent = "";
  init({
    el,
    serverURL,
    path,
    lang,
    // Each of these would fetch from another origin (emoji CDN, Giphy search, reaction images,
    // OAuth login) or inline a <style> the Content-Security-Policy blocks (dark: the site's CSS
    // handles dark mode, see comments.css).
    emoji: false,
    search: false,
    reaction: false,
    login: "disable",
    imageUploader: false,
    texRenderer: false,
    dark: false,
    pageview: false,
    comment: false,
    meta: ["nick", "mail", "link"],
    requiredMeta: ["nick"],
  });
  // Waline gives the textarea only a placeholder; a label survives Vue's re-renders because
  // Vue does not own the attribute.
  el.querySelector("textarea")?.setAttribute("aria-label", editorLabel);
}
