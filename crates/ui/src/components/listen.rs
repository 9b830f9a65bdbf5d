//! The Listen control of an open section or the drug card: reads it aloud
//! with one of the device's own voices, sentence by sentence with a
//! highlight. It shows only when the device has a local voice in the
//! guide's language ([`Listening::available`]), speaks only when pressed,
//! and is one Tab stop: while it reads, Pause/Resume, Stop and Slower form
//! a WAI-ARIA toolbar whose buttons the arrow keys move between.
//!
//! Written for size (the widget carries it whether or not a reader presses
//! it): a hook, not a component type; one click handler for its buttons
//! (by `data-tg-action`) and one key handler; buttons found in the DOM.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

use tg_content::UiStrings;

use crate::listen::{ListenAction, ListenState, Playback};
use crate::speech::{voice_for, Speaker, STATE_EVENT};
use crate::text::fill;

/// What the guide tells its Listen controls (through the props of the sections and the card).
#[derive(Clone, PartialEq, Default)]
pub struct Listening {
    /// The page's speaker; `None` where nothing can speak (prerendering, tests).
    pub speaker: Option<Speaker>,
    /// Whether the device has a local voice in the guide's language.
    pub available: bool,
    /// The guide's language (`en`, `fr`).
    pub language: AttrValue,
}

/// The element a Listen control reads: the section or card around it.
const READ_ROOT: &str = "section";
/// The attribute naming what a button of the control does.
const ACTION: &str = "data-tg-action";

/// The control's buttons, in order (see [`ListenButton`]).
fn buttons(toolbar: &Element) -> Vec<HtmlElement> {
    let children = toolbar.children();
    (0..children.length())
        .filter_map(|i| children.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// The Listen control of what `title` names (a section's title, a drug's
/// name), or nothing where no local voice can read or while not `active`
/// (a closed section). A new `title` (another drug) stops the reading.
#[hook]
pub fn use_listen(
    title: AttrValue,
    active: bool,
    listening: &Listening,
    strings: &UiStrings,
) -> Html {
    let state = use_reducer_eq(ListenState::default);
    let toolbar = use_node_ref();
    let speaker = listening
        .speaker
        .clone()
        .filter(|_| listening.available && active);

    // The speaking module says what it does for this control; the control
    // stops its reading when it goes (its section closed, another drug shown).
    {
        let (toolbar, dispatcher, speaker) = (toolbar.clone(), state.dispatcher(), speaker.clone());
        use_effect_with((speaker.is_some(), title.clone()), move |_| {
            let element = toolbar.cast::<Element>();
            if let (Some(speaker), Some(_)) = (&speaker, &element) {
                speaker.load();
            }
            let listener = element.clone().map(|element| {
                let dispatcher = dispatcher.clone();
                gloo::events::EventListener::new(&element.clone(), STATE_EVENT, move |event| {
                    let detail = event
                        .dyn_ref::<web_sys::CustomEvent>()
                        .map(|e| e.detail())
                        .unwrap_or_default();
                    let field = |name: &str| {
                        js_sys::Reflect::get(&detail, &name.into()).unwrap_or_default()
                    };
                    let playback =
                        Playback::from_name(&field("state").as_string().unwrap_or_default());
                    // A button about to go keeps no focus: it moves to the main button first.
                    if playback == Playback::Idle {
                        keep_focus(&element);
                    }
                    dispatcher.dispatch(ListenAction::Heard {
                        playback,
                        slower: field("slower").is_truthy(),
                    });
                })
            });
            move || {
                drop(listener);
                if let (Some(speaker), Some(element)) = (speaker, element) {
                    speaker.stop(Some(&element));
                    dispatcher.dispatch(ListenAction::Stopped);
                }
            }
        });
    }
    let Some(speaker) = speaker else {
        return html! {};
    };

    // Every button: what it does, by its `data-tg-action`.
    let onclick = {
        let (speaker, toolbar, dispatcher, state) =
            (speaker.clone(), toolbar.clone(), state.dispatcher(), *state);
        let language = listening.language.clone();
        Callback::from(move |event: MouseEvent| {
            let Some(control) = toolbar.cast::<Element>() else {
                return;
            };
            let action = event
                .target_dyn_into::<Element>()
                .and_then(|t| t.closest(&format!("[{ACTION}]")).ok().flatten())
                .and_then(|b| b.get_attribute(ACTION))
                .unwrap_or_default();
            let action = match (action.as_str(), state.playback) {
                ("listen-stop", _) => {
                    keep_focus(&control);
                    speaker.stop(Some(&control));
                    ListenAction::Stopped
                }
                ("listen-slower", _) => {
                    speaker.slower(!state.slower);
                    ListenAction::Slower(!state.slower)
                }
                (_, Playback::Idle) => {
                    let root = control.closest(READ_ROOT).ok().flatten();
                    let (Some(root), Some(voice)) = (root, voice_for(&language, &control)) else {
                        return;
                    };
                    speaker.start(&root, &control, &voice, &language);
                    ListenAction::Pressed
                }
                (_, Playback::Speaking) => {
                    speaker.pause(&control);
                    ListenAction::Pressed
                }
                (_, Playback::Paused) => {
                    speaker.resume(&control);
                    ListenAction::Pressed
                }
            };
            dispatcher.dispatch(action);
        })
    };
    // WAI-ARIA toolbar: arrows, Home and End move between the buttons; Escape stops.
    // The main button is its Tab stop.
    let onkeydown = {
        let (speaker, toolbar, dispatcher) = (speaker.clone(), toolbar.clone(), state.dispatcher());
        Callback::from(move |event: KeyboardEvent| {
            let Some(control) = toolbar.cast::<Element>() else {
                return;
            };
            let all = buttons(&control);
            let count = all.len();
            let current = all
                .iter()
                .position(|b| {
                    event
                        .target_dyn_into::<HtmlElement>()
                        .is_some_and(|t| t == *b)
                })
                .unwrap_or(0);
            let next = match event.key().as_str() {
                "ArrowRight" | "ArrowDown" => (current + 1) % count,
                "ArrowLeft" | "ArrowUp" => (current + count - 1) % count,
                "Home" => 0,
                "End" => count - 1,
                "Escape" if count > 1 => {
                    keep_focus(&control);
                    speaker.stop(Some(&control));
                    dispatcher.dispatch(ListenAction::Stopped);
                    count
                }
                _ => return,
            };
            event.prevent_default();
            event.stop_propagation();
            if let Some(button) = all.get(next) {
                let _ = button.focus();
            }
        })
    };

    let (main_text, main_name, icon) = match state.playback {
        Playback::Idle => (
            &strings.listen,
            Some(fill(&strings.listen_to, &[("title", &title)])),
            "tg-listen-icon tg-icon-play",
        ),
        Playback::Speaking => (&strings.listen_pause, None, "tg-listen-icon tg-icon-pause"),
        Playback::Paused => (&strings.listen_resume, None, "tg-listen-icon tg-icon-play"),
    };
    let reading = state.playback != Playback::Idle;
    html! {
        <div class="tg-listen" part="listen" role="toolbar" aria-label={strings.listen_controls.clone()} ref={toolbar}
            {onclick} {onkeydown}
            data-tg-listen={match state.playback { Playback::Idle => "idle", Playback::Speaking => "speaking", Playback::Paused => "paused" }}>
            <button type="button" class="tg-button tg-listen-main" aria-label={main_name}>
                <span class={icon} aria-hidden="true"></span>{ main_text }
            </button>
            if reading {
                <button type="button" class="tg-button" data-tg-action="listen-stop" tabindex="-1">
                    <span class="tg-listen-icon tg-icon-stop" aria-hidden="true"></span>{ &strings.listen_stop }
                </button>
                <button type="button" class="tg-button" data-tg-action="listen-slower" tabindex="-1"
                    aria-pressed={state.slower.to_string()}>
                    { &strings.listen_slower }
                </button>
            }
        </div>
    }
}

/// Moves focus to the main button when it is on one of the others (which are about to go).
fn keep_focus(toolbar: &Element) {
    let all = buttons(toolbar);
    let Some(main) = all.first() else {
        return;
    };
    let root = main.get_root_node();
    let active = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => gloo::utils::document().active_element(),
    };
    if active.is_some_and(|active| all[1..].iter().any(|b| **b == active)) {
        let _ = main.focus();
    }
}
