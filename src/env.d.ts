interface ImportMetaEnv {
  /** True under `astro dev` only: drafts and scheduled articles are shown for preview. */
  readonly PREVIEW_UNPUBLISHED: boolean;
  /** `astro build` only: absolute path of the social-image worker (src/integrations/socialImages.ts). */
  readonly SOCIAL_IMAGE_WORKER: string;
}

interface Window {
  /** URL of the traditional→simplified converter's bundle, set by SearchBox.astro's inline loader. */
  __searchFold?: string;
  /** Set by that bundle (src/scripts/foldingLoader.ts) once loaded. */
  __toSimplified?: (text: string) => string;
}
