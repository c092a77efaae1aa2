interface ImportMetaEnv {
  /** True under `astro dev` only: drafts and scheduled articles are shown for preview. */
  readonly PREVIEW_UNPUBLISHED: boolean;
  /** `astro build` only: absolute path of the social-image worker (src/integrations/socialImages.ts). */
  readonly SOCIAL_IMAGE_WORKER: string;
}
