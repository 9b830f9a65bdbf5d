/**
 * What the loader knows of one element, in one object: `element._state`
 * (made by the element's constructor, see element.js).
 */
export function newState() {
  var resolveReady = null;
  var ready = new Promise(function (resolve) { resolveReady = resolve; });
  return {
    /** The `ready` promise, and what resolves it (null once it has). */
    ready: ready,
    resolveReady: resolveReady,
    /** The widget the methods drive once the content is shown (null: the plain guide); undefined until then. */
    shown: undefined,
    /** Method calls waiting for the content to be shown. */
    waiting: [],
    /** Content given to setContent (a JSON string), or null. */
    content: null,
    /** The reader's events on the guide before the code ran (see prerender.js); null when none are recorded. */
    early: null,
    /** The space held until the content fills it (see reserve.js): its sheet and height. */
    reserve: null,
    reserveHeight: 0,
    /** Whether the element waits for the next frame (whenPainted), or for the reader to near it (whenNear). */
    painting: false,
    far: false,
    /** The current attempt to render (an object of its own); null when none is under way. */
    attempt: null,
    /** The instance of the code the element uses (its glue), and the widget mounted with it. */
    glue: null,
    widget: null,
    /** Whether the code trapped: the plain guide and its notice are shown. */
    crashed: false,
    /** The language the widget is rendered in, and that language's file (null for the default). */
    lang: null,
    bundle: null,
  };
}

/** The state of `element`. */
export function state(element) {
  return element._state;
}
