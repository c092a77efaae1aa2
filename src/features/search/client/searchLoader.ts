/**
 * Side-effect entry of the search dropdown, built as a standalone module (see SearchBox.astro):
 * pages reference it by URL only, and the inline loader there imports it when the reader
 * focuses a box.
 */
import { enhanceSearchBoxes } from "./searchBox.ts";

enhanceSearchBoxes("form[data-search-dropdown] input[type=search]");
