//! The element's public face beyond its attributes ([`crate::attributes`]):
//! the one table of its methods, fields, events, CSS parts and CSS custom
//! properties. The build writes `custom-elements.json` (the Custom Elements
//! Manifest), `treatment-guide.d.ts` and the loader's manifest from these
//! tables and the content folders, so none of them can drift from another.

/// A method of the element. Every method returns a Promise and may be called
/// before the code has loaded: the call waits for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Method {
    /// Its name in JavaScript.
    pub name: &'static str,
    /// Its parameters: name and TypeScript type.
    pub parameters: &'static [(&'static str, &'static str)],
    /// The TypeScript type it resolves to.
    pub resolves: &'static str,
    /// What it does.
    pub description: &'static str,
    /// What it asks of the widget: the loader runs every method by this table.
    pub action: Action,
}

/// What an element's method asks of the widget ([`Method::action`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Opens (`true`) or closes the section its argument names.
    Section(bool),
    /// Opens (`true`) or closes every section.
    All(bool),
    /// Shows the card of the drug its argument names.
    ShowDrug,
    /// Gives the widget new content: done by the loader, which mounts the
    /// widget again with it.
    Content,
}

/// The element's methods: the loader gives the element each of them, by this
/// table ([`Action`]), and the widget runs them by it too (`Widget::call`).
pub const METHODS: &[Method] = &[
    Method {
        name: "openSection",
        parameters: &[("id", "string")],
        resolves: "boolean",
        description: "Opens the section with this id. Resolves to `false` when the guide has no such section.",
        action: Action::Section(true),
    },
    Method {
        name: "closeSection",
        parameters: &[("id", "string")],
        resolves: "boolean",
        description: "Closes the section with this id. Resolves to `false` when the guide has no such section.",
        action: Action::Section(false),
    },
    Method {
        name: "openAll",
        parameters: &[],
        resolves: "void",
        description: "Opens every section.",
        action: Action::All(true),
    },
    Method {
        name: "closeAll",
        parameters: &[],
        resolves: "void",
        description: "Closes every section.",
        action: Action::All(false),
    },
    Method {
        name: "showDrug",
        parameters: &[("name", "string")],
        resolves: "string | null",
        description: "Opens the card of the drug that the lookup ranks first for this name (generic, brand, code or short form, in either language). Resolves to its generic name as shown, or `null` when nothing matches.",
        action: Action::ShowDrug,
    },
    Method {
        name: "setContent",
        parameters: &[("text", "string | null")],
        resolves: "void",
        description: "Shows this content (a JSON string in the content file format) exactly as a `content-src` file, with the same checks and notices; nothing is fetched but the guide's own content reader (as for `content-src`, once a page). `null` goes back to `content-src` or the built-in guide. Resolves when it is shown.",
        action: Action::Content,
    },
];

/// A field of the element that is not an attribute's reflection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// Its name in JavaScript.
    pub name: &'static str,
    /// Its TypeScript type.
    pub type_text: &'static str,
    /// A field of the class (`customElements.get('treatment-guide').version`), not of each element.
    pub is_static: bool,
    /// What it holds.
    pub description: &'static str,
}

/// The element's read-only fields.
pub const FIELDS: &[Field] = &[
    Field {
        name: "ready",
        type_text: "Promise<void>",
        is_static: false,
        description: "Resolves when the widget is shown: interactive, or the plain guide when its code cannot run here (a `tg-error` event then says why).",
    },
    Field {
        name: "version",
        type_text: "string",
        is_static: true,
        description: "The widget's version, on the class: `customElements.get('treatment-guide').version`.",
    },
];

/// `tg-section-toggle`: a section opened or closed.
pub const SECTION_TOGGLE: &str = "tg-section-toggle";
/// `tg-drug-show`: a drug's card is shown.
pub const DRUG_SHOW: &str = "tg-drug-show";
/// `tg-ready`: the widget is shown.
pub const READY: &str = "tg-ready";
/// `tg-error`: something the web staff should know about.
pub const ERROR: &str = "tg-error";

/// An event the element dispatches. Every one bubbles and is composed, and
/// none carries what the reader typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Event {
    /// Its type.
    pub name: &'static str,
    /// The TypeScript type of its `detail`.
    pub detail: &'static str,
    /// When it is dispatched.
    pub description: &'static str,
}

/// The element's events.
pub const EVENTS: &[Event] = &[
    Event {
        name: SECTION_TOGGLE,
        detail: "{ id: string; open: boolean }",
        description: "A section opened or closed: by the reader, a link or a method.",
    },
    Event {
        name: DRUG_SHOW,
        detail: "{ drug: string }",
        description: "A drug's card is shown; `drug` is its generic name (never the text the reader typed).",
    },
    Event {
        name: READY,
        detail: "null",
        description: "The widget is shown, once (the `ready` promise resolves at the same time).",
    },
    Event {
        name: ERROR,
        detail: "{ kind: TreatmentGuideErrorKind; message: string }",
        description: "Something went wrong; `kind` says what, `message` gives the details in English for the web staff.",
    },
];

/// What a `tg-error` event is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// A content file (`content-src` or `setContent`) could not be used.
    ContentFile,
    /// This browser or page cannot run WebAssembly; the plain guide is shown.
    NoWasm,
    /// The widget's code could not be downloaded; the plain guide is shown.
    LoadFailed,
    /// The widget failed while running: a short notice, then the plain guide.
    Crash,
}

impl ErrorKind {
    /// Every kind.
    pub const ALL: [ErrorKind; 4] = [
        ErrorKind::ContentFile,
        ErrorKind::NoWasm,
        ErrorKind::LoadFailed,
        ErrorKind::Crash,
    ];

    /// The `kind` in the event's detail.
    pub const fn name(self) -> &'static str {
        match self {
            ErrorKind::ContentFile => "content-file",
            ErrorKind::NoWasm => "no-wasm",
            ErrorKind::LoadFailed => "load-failed",
            ErrorKind::Crash => "crash",
        }
    }

    /// The key of the reader text (content's `[strings]`, one of
    /// [`LOADER_STRINGS`]) that the plain guide shows for this kind, when
    /// the loader shows it; none for a content file (the widget says so).
    pub const fn loader_text(self) -> Option<&'static str> {
        match self {
            ErrorKind::ContentFile => None,
            ErrorKind::NoWasm => Some("no_search"),
            ErrorKind::LoadFailed => Some("load_failed"),
            ErrorKind::Crash => Some("crash"),
        }
    }

    /// What it means, for the README.
    pub const fn description(self) -> &'static str {
        match self {
            ErrorKind::ContentFile => {
                "A content file (`content-src` or `setContent`) could not be used."
            }
            ErrorKind::NoWasm => {
                "This browser or page cannot run WebAssembly; the plain guide is shown."
            }
            ErrorKind::LoadFailed => {
                "The widget's code could not be downloaded; the plain guide is shown."
            }
            ErrorKind::Crash => {
                "The widget failed while running: a short notice, then the plain guide."
            }
        }
    }
}

/// The parts a host page can style with `::part()`: name and what it is.
pub const PARTS: &[(&str, &str)] = &[
    ("root", "The widget's box."),
    ("header", "The title and introduction."),
    (
        "notice",
        "A notice about a content file that could not be used.",
    ),
    ("lookup", "The drug lookup."),
    ("lookup-input", "The lookup's text field."),
    ("drug-card", "A drug's card."),
    ("toolbar", "The bar with \"Open all sections\"."),
    ("section", "One section."),
    ("section-toggle", "A section's heading button."),
    ("section-panel", "A section's text."),
    (
        "listen",
        "The read-aloud controls of a section or the drug card (`display: none` hides them).",
    ),
    ("footer", "The version line."),
];

/// The CSS custom properties a host page can set on the element: name, CSS syntax, what it sets.
pub const CSS_PROPERTIES: &[(&str, &str, &str)] = &[
    (
        "--tg-accent",
        "<color>",
        "Links, buttons, focus of the lookup.",
    ),
    (
        "--tg-accent-contrast",
        "<color>",
        "Text on the accent colour.",
    ),
    ("--tg-text", "<color>", "Text."),
    ("--tg-muted", "<color>", "Secondary text."),
    ("--tg-background", "<color>", "Background."),
    ("--tg-surface", "<color>", "Lookup panel, hover."),
    ("--tg-border", "<color>", "Borders."),
    ("--tg-focus", "<color>", "Keyboard focus ring."),
    (
        "--tg-dark-accent",
        "<color>",
        "Dark mode: links, buttons (default: a lighter tone of --tg-accent).",
    ),
    (
        "--tg-dark-accent-contrast",
        "<color>",
        "Dark mode: text on the accent colour.",
    ),
    ("--tg-dark-text", "<color>", "Dark mode: text."),
    ("--tg-dark-muted", "<color>", "Dark mode: secondary text."),
    ("--tg-dark-background", "<color>", "Dark mode: background."),
    (
        "--tg-dark-surface",
        "<color>",
        "Dark mode: lookup panel, hover.",
    ),
    ("--tg-dark-border", "<color>", "Dark mode: borders."),
    (
        "--tg-dark-focus",
        "<color>",
        "Dark mode: keyboard focus ring.",
    ),
    (
        "--tg-color-scheme",
        "*",
        "`light dark` (default: follow the reader), or `light` or `dark` to pin one scheme.",
    ),
    (
        "--tg-font-family",
        "*",
        "Font stack (default: the system font).",
    ),
    (
        "--tg-font-size",
        "<length>",
        "Base font size (the guide does not follow the page's root size).",
    ),
    ("--tg-radius", "<length>", "Corner radius."),
    ("--tg-spacing", "<length>", "Base spacing."),
];

/// How long a file the loader fetches for a widget (a language file, a
/// `content-src` file) may take to arrive, in milliseconds. Its size limit is
/// [`tg_content::MAX_CONTENT_BYTES`]; the loader's one fetcher
/// (`src/loader/fetch.js`) reads both from the manifest.
pub const FETCH_TIMEOUT_MS: u32 = 10_000;

/// The reader text the loader needs before, or without, the code: keys of the content's `[strings]`.
pub const LOADER_STRINGS: &[&str] = &["loading", "no_search", "load_failed", "crash"];

#[cfg(not(target_arch = "wasm32"))]
pub use generate::{custom_elements, loader_manifest, typescript, CLASS, LOADER_FILE};

#[cfg(not(target_arch = "wasm32"))]
mod generate {
    use serde_json::{json, Map, Value};
    use tg_content::Content;

    use super::{
        Action, ErrorKind, Method, CSS_PROPERTIES, EVENTS, FIELDS, LOADER_STRINGS, METHODS, PARTS,
    };
    use crate::attributes::{Attribute, Reflection, DEFAULT_LANGUAGE, ELEMENT, MOUNT_CLASS};
    use tg_ui::components::{HEADING_CLASS, SECTION_ATTR, TOOLBAR_CLASS};
    use tg_ui::options::{DEFAULT_HEADING_LEVEL, ID_PREFIX, OPEN_ALL};

    /// The element's class name.
    pub const CLASS: &str = "TreatmentGuideElement";
    /// The file that defines the element.
    pub const LOADER_FILE: &str = "treatment-guide.js";

    fn type_text(text: &str) -> Value {
        json!({ "text": text })
    }

    /// A method the widget runs, as the loader gives it to the element: its
    /// name, and what it resolves to while only the plain guide is shown
    /// (`false` for a boolean, `null` for a value that may be none, left
    /// out for `void`).
    fn loader_method(method: &Method) -> Value {
        match method.resolves {
            "void" => json!([method.name]),
            "boolean" => json!([method.name, false]),
            _ => json!([method.name, null]),
        }
    }

    fn property_type(attribute: Attribute) -> &'static str {
        attribute.property_type()
    }

    /// `custom-elements.json`: the Custom Elements Manifest (schema 1.0.0) of the element.
    pub fn custom_elements() -> Value {
        let attributes: Vec<Value> = Attribute::ALL
            .iter()
            .map(|&a| {
                json!({
                    "name": a.name(),
                    "description": a.description(),
                    "type": type_text(property_type(a)),
                    "fieldName": a.property(),
                })
            })
            .collect();
        let mut members: Vec<Value> = Attribute::ALL
            .iter()
            .map(|&a| {
                json!({
                    "kind": "field",
                    "name": a.property(),
                    "description": a.description(),
                    "type": type_text(property_type(a)),
                    "attribute": a.name(),
                    "reflects": true,
                })
            })
            .collect();
        members.extend(FIELDS.iter().map(|f| {
            let mut field = json!({
                "kind": "field",
                "name": f.name,
                "description": f.description,
                "type": type_text(f.type_text),
                "readonly": true,
            });
            if f.is_static {
                field["static"] = json!(true);
            }
            field
        }));
        members.extend(METHODS.iter().map(|m| {
            json!({
                "kind": "method",
                "name": m.name,
                "description": m.description,
                "parameters": m.parameters.iter().map(|(name, ty)| json!({ "name": name, "type": type_text(ty) })).collect::<Vec<_>>(),
                "return": { "type": type_text(&format!("Promise<{}>", m.resolves)) },
            })
        }));
        let events: Vec<Value> = EVENTS
            .iter()
            .map(|e| {
                json!({
                    "name": e.name,
                    "description": e.description,
                    "type": type_text(&format!("CustomEvent<{}>", e.detail)),
                })
            })
            .collect();
        let parts: Vec<Value> = PARTS
            .iter()
            .map(|(name, description)| json!({ "name": name, "description": description }))
            .collect();
        let properties: Vec<Value> = CSS_PROPERTIES
            .iter()
            .map(|(name, syntax, description)| {
                json!({ "name": name, "syntax": syntax, "description": description })
            })
            .collect();
        json!({
            "schemaVersion": "1.0.0",
            "readme": "README.md",
            "modules": [{
                "kind": "javascript-module",
                "path": LOADER_FILE,
                "declarations": [{
                    "kind": "class",
                    "name": CLASS,
                    "tagName": ELEMENT,
                    "customElement": true,
                    "description": "Patient information on treatments, with a drug lookup by any name. Renders into its own open shadow root.",
                    "superclass": { "name": "HTMLElement" },
                    "attributes": attributes,
                    "members": members,
                    "events": events,
                    "cssParts": parts,
                    "cssProperties": properties,
                }],
                "exports": [{
                    "kind": "custom-element-definition",
                    "name": ELEMENT,
                    "declaration": { "name": CLASS, "module": LOADER_FILE },
                }],
            }],
        })
    }

    /// `treatment-guide.d.ts`: the element's class, its events and `HTMLElementTagNameMap`.
    pub fn typescript() -> String {
        let mut out = String::from(
            "// The <treatment-guide> element's types, generated by the build from the widget's\n\
             // own tables (src/attributes.rs, src/api.rs). Do not edit.\n\n",
        );
        let kinds: Vec<String> = ErrorKind::ALL
            .iter()
            .map(|k| format!("'{}'", k.name()))
            .collect();
        out += &format!(
            "/** What a `tg-error` event is about. */\nexport type TreatmentGuideErrorKind = {};\n\n",
            kinds.join(" | ")
        );
        out += "/** The events of <treatment-guide>, by type: each bubbles and is composed. */\n";
        out += "export interface TreatmentGuideEventMap extends HTMLElementEventMap {\n";
        for event in EVENTS {
            out += &format!(
                "  /** {} */\n  '{}': CustomEvent<{}>;\n",
                event.description, event.name, event.detail
            );
        }
        out += "}\n\n";
        out += &format!(
            "/** {} */\nexport declare class {CLASS} extends HTMLElement {{\n",
            "The <treatment-guide> element."
        );
        for attribute in Attribute::ALL {
            // `lang` is HTMLElement's own.
            if attribute == Attribute::Lang {
                continue;
            }
            out += &format!(
                "  /** Reflects `{}`. {} */\n  {}: {};\n",
                attribute.name(),
                attribute.description(),
                attribute.property(),
                property_type(attribute)
            );
        }
        for field in FIELDS {
            let modifier = if field.is_static { "static " } else { "" };
            out += &format!(
                "  /** {} */\n  {modifier}readonly {}: {};\n",
                field.description, field.name, field.type_text
            );
        }
        for method in METHODS {
            let parameters: Vec<String> = method
                .parameters
                .iter()
                .map(|(name, ty)| format!("{name}: {ty}"))
                .collect();
            out += &format!(
                "  /** {} */\n  {}({}): Promise<{}>;\n",
                method.description,
                method.name,
                parameters.join(", "),
                method.resolves
            );
        }
        out += &format!(
            "  addEventListener<K extends keyof TreatmentGuideEventMap>(type: K, listener: (this: {CLASS}, event: TreatmentGuideEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;\n\
             \x20 addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;\n\
             \x20 removeEventListener<K extends keyof TreatmentGuideEventMap>(type: K, listener: (this: {CLASS}, event: TreatmentGuideEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;\n\
             \x20 removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;\n"
        );
        out += "}\n\n";
        out += "declare global {\n  interface HTMLElementTagNameMap {\n";
        out += &format!("    '{ELEMENT}': {CLASS};\n  }}\n");
        out += "  interface GlobalEventHandlersEventMap {\n";
        for event in EVENTS {
            out += &format!(
                "    '{}': TreatmentGuideEventMap['{}'];\n",
                event.name, event.name
            );
        }
        out += "  }\n}\n";
        out
    }

    /// The loader's manifest: the element's name, attributes, reflecting
    /// properties, mount class, the facts of the guide before the code
    /// (`guide`), event names and error kinds, and every
    /// language with the reader text the loader shows before or without the
    /// code ([`LOADER_STRINGS`]). `languages` are the built-in editions, the
    /// default language first; `tools/post-build.mjs` adds each other
    /// language's `file`.
    pub fn loader_manifest(languages: &[(&str, &Content)]) -> Value {
        let mut editions = Map::new();
        for (code, content) in languages {
            let text: Map<String, Value> = LOADER_STRINGS
                .iter()
                .map(|key| {
                    let value = content.strings.field(key).unwrap_or_default();
                    ((*key).to_owned(), json!(value))
                })
                .collect();
            editions.insert((*code).to_owned(), json!({ "file": null, "text": text }));
        }
        let properties: Vec<Value> = Attribute::ALL
            .iter()
            .map(|a| {
                json!({
                    "name": a.property(),
                    "attribute": a.name(),
                    "boolean": a.reflection() == Reflection::Boolean,
                })
            })
            .collect();
        json!({
            "element": ELEMENT,
            "attributes": Attribute::ALL.iter().map(|a| a.name()).collect::<Vec<_>>(),
            "contentSrc": Attribute::ContentSrc.name(),
            "debug": Attribute::Debug.name(),
            "properties": properties,
            "mountClass": MOUNT_CLASS,
            // The methods the widget runs ([name, otherwise]), and the one the
            // loader runs itself (new content, for which it mounts the widget again).
            "methods": METHODS
                .iter()
                .filter(|m| m.action != Action::Content)
                .map(loader_method)
                .collect::<Vec<_>>(),
            "contentMethod": METHODS
                .iter()
                .find(|m| m.action == Action::Content)
                .map(|m| m.name),
            // The fields: the static one is the widget's version, the other the `ready` promise.
            "versionField": FIELDS.iter().find(|f| f.is_static).map(|f| f.name),
            "readyField": FIELDS.iter().find(|f| !f.is_static).map(|f| f.name),
            // What the loader needs to show the prerendered guide (src/prerender.rs)
            // as an element's attributes ask, by the widget's own rules
            // (tg_ui::options): the attributes, the `open` value for every
            // section, the default heading level, the first widget's id prefix,
            // and where the guide's parts are.
            "guide": {
                "open": Attribute::Open.name(),
                "headingLevel": Attribute::HeadingLevel.name(),
                "all": OPEN_ALL,
                "defaultLevel": DEFAULT_HEADING_LEVEL,
                "idPrefix": ID_PREFIX,
                "section": SECTION_ATTR,
                "heading": HEADING_CLASS,
                "toolbar": TOOLBAR_CLASS,
            },
            "defaultLanguage": DEFAULT_LANGUAGE,
            // Where a language tag's primary subtag ends (tg_content::languages::primary).
            "subtags": tg_content::languages::SUBTAG_SEPARATORS
                .iter()
                .collect::<String>(),
            "fetch": {
                "timeoutMs": super::FETCH_TIMEOUT_MS,
                "maxBytes": tg_content::MAX_CONTENT_BYTES,
            },
            "events": {
                "sectionToggle": super::SECTION_TOGGLE,
                "drugShow": super::DRUG_SHOW,
                "ready": super::READY,
                "error": super::ERROR,
            },
            "errorKinds": {
                "noWasm": ErrorKind::NoWasm.name(),
                "loadFailed": ErrorKind::LoadFailed.name(),
                "crash": ErrorKind::Crash.name(),
            },
            // The reader text of each kind the loader reports, by kind.
            "errorText": ErrorKind::ALL
                .iter()
                .filter_map(|kind| Some((kind.name().to_owned(), json!(kind.loader_text()?))))
                .collect::<Map<String, Value>>(),
            "languages": editions,
        })
    }
}
