/**
 * The Waline widget, loaded by commentsLoader.ts only when the 发表评论 section comes into view:
 * this module, Waline and their CSS form one lazily loaded chunk.
 */
import { init } from "@waline/client";
import "@waline/client/style";
import "../styles/comments.css";

export interface WidgetOptions {
  el: HTMLElement;
  serverURL: string;
  path: string;
  lang: string;
  editorLabel: string;
}

export function mountComments({ el, serverURL, path, lang, editorLabel }: WidgetOptions): void {
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
