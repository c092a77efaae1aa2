interface ImportMetaEnv {
  /** True under `astro dev` only: drafts and scheduled articles are shown for preview. */
  readonly PREVIEW_UNPUBLISHED: boolean;
}
