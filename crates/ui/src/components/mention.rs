//! Inline help on a drug name or glossary term: a toggletip, as in Heydon
//! Pickering's "Tooltips & Toggletips" (Inclusive Components).
//!
//! - The first mention of a term in a section is a [`Mention`]: a
//!   `<button type="button" aria-expanded>` and, right after it, a polite
//!   live region (`aria-live`; Pickering uses `role="status"`, which here is
//!   kept for the lookup's one status message). The region is always there and empty while
//!   closed; opening puts the bubble into it, so a screen reader announces it,
//!   and the next Tab reaches what the bubble holds (the link to a drug card).
//! - Later mentions, and other names in brackets right after a name, are a
//!   [`MentionEcho`]: marked text, not focusable and with no role, so a
//!   keyboard or screen-reader reader meets each term once. A click or tap
//!   on it opens the same bubble, placed under the words that were tapped.
//!
//! It opens on click, tap, Enter or Space (not on hover or focus, which would
//! announce a bubble at every Tab), and closes on a second press, on Escape,
//! on a click elsewhere, or when focus leaves the word and its bubble.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

/// Attribute naming the bubble (its id) on every word that opens it.
pub const TIP_ATTR: &str = "data-tg-tip";

/// Props of [`Mention`].
#[derive(Clone, PartialEq, Properties)]
pub struct MentionProps {
    /// The words shown in the text.
    pub text: AttrValue,
    /// Unique id of the live region holding the bubble.
    pub id: AttrValue,
    /// `drug` or `term`, for styling and tests.
    pub kind: AttrValue,
    /// Highlight this mention (the reader came from a drug card).
    #[prop_or_default]
    pub highlighted: bool,
    /// Whether the bubble shows.
    #[prop_or_default]
    pub open: bool,
    /// Where a later mention opened the bubble, in pixels from the top of the
    /// section panel; `None`: under this word.
    #[prop_or_default]
    pub anchor: Option<i32>,
    /// The button was pressed.
    pub ontoggle: Callback<()>,
    /// Escape, a click elsewhere, or focus leaving the word and its bubble.
    pub onclose: Callback<()>,
    /// What the bubble says.
    pub children: Html,
}

/// The first mention of a term: a toggletip button and its live region.
#[function_component]
pub fn Mention(props: &MentionProps) -> Html {
    let wrapper = use_node_ref();
    let button = use_node_ref();
    let bubble = use_node_ref();

    // While open: the bubble's place, and the listeners that close it. Only in
    // an effect, so that the render itself reads nothing from the browser.
    {
        let bubble = bubble.clone();
        let (id, onclose) = (props.id.clone(), props.onclose.clone());
        use_effect_with((props.open, props.anchor), move |&(open, anchor)| {
            if let Some(bubble) = bubble.cast::<HtmlElement>() {
                // Through the CSSOM, which a strict style-src allows (a style attribute it would not).
                let style = bubble.style();
                let _ = match anchor {
                    Some(top) => style.set_property("top", &format!("{top}px")),
                    None => style.remove_property("top").map(drop),
                };
            }
            let listeners = open.then(|| {
                let document = gloo::utils::document();
                let outside = {
                    let (id, onclose) = (id.clone(), onclose.clone());
                    EventListener::new(&document, "click", move |event| {
                        if !path_has_tip(event, &id) {
                            onclose.emit(());
                        }
                    })
                };
                // Opened by a click on a later mention, focus is elsewhere: Escape
                // anywhere closes it. (With focus on the word or in the bubble,
                // the wrapper's own handler does, and stops the event.)
                let escape = EventListener::new(&document, "keydown", move |event| {
                    if event
                        .dyn_ref::<KeyboardEvent>()
                        .is_some_and(|event| event.key() == "Escape")
                    {
                        onclose.emit(());
                    }
                });
                (outside, escape)
            });
            move || drop(listeners)
        });
    }

    // Focus leaving the word and its bubble closes it; moving into the bubble does not.
    let onfocusout = {
        let (onclose, wrapper) = (props.onclose.clone(), wrapper.clone());
        Callback::from(move |event: FocusEvent| {
            let inside = event
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .zip(wrapper.get())
                .is_some_and(|(target, wrapper)| wrapper.contains(Some(&target)));
            if !inside {
                onclose.emit(());
            }
        })
    };
    // Escape with focus on the word or in its bubble: close, and focus stays on (or goes back to) the word.
    let onkeydown = {
        let (onclose, button, open) = (props.onclose.clone(), button.clone(), props.open);
        Callback::from(move |event: KeyboardEvent| {
            if open && event.key() == "Escape" {
                event.prevent_default();
                event.stop_propagation();
                if let Some(button) = button.cast::<HtmlElement>() {
                    let _ = button.focus();
                }
                onclose.emit(());
            }
        })
    };
    let onclick = props.ontoggle.reform(|_: MouseEvent| ());

    let kind = &props.kind;
    html! {
        <span class="tg-tip" ref={wrapper} data-tg-mention={kind.clone()} {onkeydown} {onfocusout}>
            <button type="button" ref={button}
                class={classes!("tg-mention-word", format!("tg-{kind}"), props.highlighted.then_some("tg-highlight"))}
                aria-expanded={props.open.to_string()} aria-controls={props.id.clone()}
                data-tg-tip={props.id.clone()} {onclick}>
                { &props.text }
            </button>
            // aria-live, not role="status": the widget's one status element stays the lookup's.
            <span class="tg-tip-live" aria-live="polite" aria-atomic="true" id={props.id.clone()}>
                if props.open {
                    <span ref={bubble}
                        class={classes!("tg-bubble", props.anchor.is_some().then_some("tg-bubble-at"))}>
                        { props.children.clone() }
                    </span>
                }
            </span>
        </span>
    }
}

/// Props of [`MentionEcho`].
#[derive(Clone, PartialEq, Properties)]
pub struct MentionEchoProps {
    /// The words shown in the text.
    pub text: AttrValue,
    /// Id of the live region of the term's first mention, whose bubble this opens.
    pub tip: AttrValue,
    /// `drug` or `term`, for styling and tests.
    pub kind: AttrValue,
    /// Highlight this mention (the reader came from a drug card).
    #[prop_or_default]
    pub highlighted: bool,
    /// Whether the bubble shows under these words.
    #[prop_or_default]
    pub open: bool,
    /// A click or tap: the top of the bubble under these words, in pixels from
    /// the top of the section panel.
    pub onopen: Callback<i32>,
}

/// A later mention of a term: marked text that opens the term's bubble on a click or tap.
/// It is not a control, so a screen reader reads it as part of the sentence.
#[function_component]
pub fn MentionEcho(props: &MentionEchoProps) -> Html {
    let onclick = props.onopen.reform(|event: MouseEvent| {
        // Yew delegates events, so the clicked words are found from the target.
        event
            .target_dyn_into::<Element>()
            .and_then(|t| t.closest(&format!("[{TIP_ATTR}]")).ok().flatten())
            .map_or(0, |words| below_in_panel(&words))
    });
    let kind = &props.kind;
    html! {
        <span class={classes!("tg-mention-word", "tg-echo", format!("tg-{kind}"),
                props.highlighted.then_some("tg-highlight"), props.open.then_some("tg-echo-open"))}
            data-tg-mention={kind.clone()} data-tg-tip={props.tip.clone()} {onclick}>
            { &props.text }
        </span>
    }
}

/// How far below the top of its section panel the bottom of `words` is, in whole pixels.
fn below_in_panel(words: &Element) -> i32 {
    let Some(panel) = words.closest(".tg-panel").ok().flatten() else {
        return 0;
    };
    // The bounding box of words that wrap ends with their last line.
    let bottom = words.get_bounding_client_rect().bottom();
    (bottom - panel.get_bounding_client_rect().top()).round() as i32
}

/// Whether an event happened on the bubble with this id or on a word that opens it.
fn path_has_tip(event: &web_sys::Event, id: &str) -> bool {
    event.composed_path().iter().any(|target| {
        target.dyn_ref::<Element>().is_some_and(|element| {
            element.id() == id || element.get_attribute(TIP_ATTR).as_deref() == Some(id)
        })
    })
}
