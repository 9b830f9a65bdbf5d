//! Inline help on a drug name or glossary term in section text: a small
//! disclosure that opens on hover, keyboard focus or tap, and closes on
//! Escape, on leaving, or on a second tap.

use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

/// Props of [`Mention`].
#[derive(Clone, PartialEq, Properties)]
pub struct MentionProps {
    /// The words shown in the text.
    pub text: AttrValue,
    /// Unique id of the help bubble.
    pub id: AttrValue,
    /// `drug` or `term`, for styling and tests.
    pub kind: AttrValue,
    /// Highlight this mention (the reader came from a drug card).
    #[prop_or_default]
    pub highlighted: bool,
    /// What the bubble says.
    pub children: Html,
}

/// A marked word with its help bubble.
#[function_component]
pub fn Mention(props: &MentionProps) -> Html {
    // Pinned by a click or tap; shown by hover or focus while not pinned.
    let pinned = use_state_eq(|| false);
    let hovered = use_state_eq(|| false);
    let open = *pinned || *hovered;

    let wrapper = use_node_ref();

    let onclick = {
        let (pinned, hovered) = (pinned.clone(), hovered.clone());
        Callback::from(move |_: MouseEvent| {
            if *pinned {
                pinned.set(false);
                hovered.set(false);
            } else {
                pinned.set(true);
            }
        })
    };
    let show = {
        let hovered = hovered.clone();
        Callback::from(move |()| hovered.set(true))
    };
    let close = {
        let (pinned, hovered) = (pinned.clone(), hovered.clone());
        move || {
            pinned.set(false);
            hovered.set(false);
        }
    };
    let onmouseleave = {
        let hovered = hovered.clone();
        Callback::from(move |_: MouseEvent| hovered.set(false))
    };
    // Focus leaving the word and its bubble closes it; moving into the bubble does not.
    let onfocusout = {
        let (close, wrapper) = (close.clone(), wrapper.clone());
        Callback::from(move |event: FocusEvent| {
            let inside = event
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .zip(wrapper.get())
                .is_some_and(|(target, wrapper)| wrapper.contains(Some(&target)));
            if !inside {
                close();
            }
        })
    };
    let onkeydown = Callback::from(move |event: KeyboardEvent| {
        if event.key() == "Escape" && open {
            event.prevent_default();
            event.stop_propagation();
            close();
        }
    });

    let class = classes!("tg-mention", props.highlighted.then_some("tg-highlight"));
    html! {
        <span {class} ref={wrapper} data-tg-mention={props.kind.clone()}
            onmouseenter={show.reform(|_: MouseEvent| ())} {onmouseleave} {onkeydown} {onfocusout}>
            <button type="button" class={classes!("tg-mention-word", format!("tg-{}", props.kind))}
                aria-expanded={open.to_string()} aria-controls={props.id.clone()}
                {onclick} onfocus={show.reform(|_: FocusEvent| ())}>
                { &props.text }
            </button>
            <span class="tg-bubble" id={props.id.clone()} role="note" hidden={!open}>
                { props.children.clone() }
            </span>
        </span>
    }
}
