/**
 * Loads the comment widget when its section scrolls near the viewport, so a reader who never
 * reaches the comments downloads no comment code and the comment server sees no request.
 */
// By its own attribute: view counts (阅读 N) carry data-comments-server too, earlier on the page.
const section = document.querySelector<HTMLElement>("[data-comments-section]");
const widget = section?.querySelector<HTMLElement>("[data-comments-widget]");

if (section && widget) {
  const { commentsServer, commentsPath, commentsLang, editorLabel, loading, error } = section.dataset;
  const load = async () => {
    widget.textContent = loading ?? "";
    try {
      const { mountComments } = await import("./commentsWidget.ts");
      await mountComments({
        el: widget,
        serverURL: commentsServer ?? "",
        path: commentsPath ?? location.pathname,
        lang: commentsLang ?? "zh-CN",
        editorLabel: editorLabel ?? "",
      });
    } catch (cause) {
      widget.textContent = error ?? "";
      console.error(cause);
    }
  };
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        void load();
      }
    },
    // Start a little before the section is visible, so the form is usually ready on arrival.
    { rootMargin: "200px 0px" },
  );
  observer.observe(section);
}
