/*
 * treatment-guide embed loader. Add to any page:
 *    <script src=".../treatment-guide.js" defer></script>   (async and type="module" work too)
 *    <treatment-guide></treatment-guide>
 * Defines the <treatment-guide> element. Each element renders into its own
 * open shadow root; the WebAssembly is fetched and compiled once per page.
 * Every file is loaded relative to this script's own URL.
 * Adds no global variables besides the custom element name.
 *
 * The build bundles these modules into one classic script
 * (tools/post-build.mjs, esbuild), with the build's facts (facts.js).
 */
import { TAG } from './facts.js';
import { elementClass } from './element.js';

if (window.customElements && !customElements.get(TAG)) customElements.define(TAG, elementClass());
