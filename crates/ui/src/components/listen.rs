//! The Listen control of an open section or the drug card: reads it aloud
//! with one of the device's own voices, sentence by sentence with a
//! highlight. It shows only when the device has a local voice in the
//! guide's language ([`Listening::available`]), speaks only when pressed,
//! and is one Tab stop: while it reads, Pause/Resume, Stop and Slower form
//! a WAI-ARIA toolbar whose buttons the arrow keys move between.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::listen::{ListenAction, ListenButton, ListenState, Playback};
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
    /// The controls' words.
    pub words: ListenWords,
}

/// The control's words, in the reader's language.
#[derive(Clone, PartialEq, Default)]
pub struct ListenWords {
    /// Visible words of the main button while idle.
    pub listen: AttrValue,
    /// Its name; `{title}`.
    pub listen_to: AttrValue,
    /// The main button while it reads.
    pub pause: AttrValue,
    /// The main button while paused.
    pub resume: AttrValue,
    /// Stop.
    pub stop: AttrValue,
    /// The slower speed.
    pub slower: AttrValue,
    /// The toolbar's label.
    pub controls: AttrValue,
}

impl ListenWords {
    /// The words from the content's interface strings.
    pub fn from(strings: &tg_content::UiStrings) -> Self {
        ListenWords {
            listen: strings.listen.clone().into(),
            listen_to: strings.listen_to.clone().into(),
            pause: strings.listen_pause.clone().into(),
            resume: strings.listen_resume.clone().into(),
            stop: strings.listen_stop.clone().into(),
            slower: strings.listen_slower.clone().into(),
            controls: strings.listen_controls.clone().into(),
        }
    }
}

/// The element a Listen control reads: the section or card around it.
const READ_ROOT: &str = "section";

/// The Listen control of what `title` names (a section's title, a drug's
/// name), or nothing where no local voice can read or while not `active`
/// (a closed section). A hook, not a component: the section and the card
/// call it, so the widget carries no component type more (each costs its
/// code several KiB). A new `title` (another drug) stops the reading.
#[hook]
pub fn use_listen(title: AttrValue, active: bool, listening: &Listening) -> Html {
    let state = use_reducer_eq(ListenState::default);
    let toolbar = use_node_ref();
    let buttons = use_memo((), |()| ListenButton::ALL.map(|_| NodeRef::default()));
    let speaker = listening
        .speaker
        .clone()
        .filter(|_| listening.available && active);

    // The speaking module says what it does for this control; the control
    // stops its reading when it goes (its section closed, another drug shown).
    {
        let (toolbar, dispatcher, speaker, buttons) = (
            toolbar.clone(),
            state.dispatcher(),
            speaker.clone(),
            buttons.clone(),
        );
        let state_dispatcher = state.dispatcher();
        use_effect_with((speaker.is_some(), title.clone()), move |_| {
            let element = toolbar.cast::<Element>();
            let listener = element.clone().map(|element| {
                gloo::events::EventListener::new(&element, STATE_EVENT, move |event| {
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
                        keep_focus(&buttons);
                    }
                    dispatcher.dispatch(ListenAction::Heard {
                        playback,
                        slower: field("slower").is_truthy(),
                    });
                })
            });
            let stopped = state_dispatcher;
            move || {
                drop(listener);
                if let (Some(speaker), Some(element)) = (speaker, element) {
                    speaker.stop(Some(&element));
                    stopped.dispatch(ListenAction::Stopped);
                }
            }
        });
    }
    let Some(speaker) = speaker else {
        return html! {};
    };

    let words = &listening.words;
    let onmain = {
        let (speaker, toolbar, dispatcher, playback) = (
            speaker.clone(),
            toolbar.clone(),
            state.dispatcher(),
            state.playback,
        );
        let language = listening.language.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(control) = toolbar.cast::<Element>() else {
                return;
            };
            match playback {
                Playback::Idle => {
                    let root = control.closest(READ_ROOT).ok().flatten();
                    let (Some(root), Some(voice)) = (root, voice_for(&language, &control)) else {
                        return;
                    };
                    speaker.start(&root, &control, &voice, &language);
                }
                Playback::Speaking => speaker.pause(&control),
                Playback::Paused => speaker.resume(&control),
            }
            dispatcher.dispatch(ListenAction::Pressed);
        })
    };
    let stop: Rc<dyn Fn()> = {
        let (speaker, toolbar, dispatcher, buttons) = (
            speaker.clone(),
            toolbar.clone(),
            state.dispatcher(),
            buttons.clone(),
        );
        Rc::new(move || {
            keep_focus(&buttons);
            speaker.stop(toolbar.cast::<Element>().as_ref());
            dispatcher.dispatch(ListenAction::Stopped);
        })
    };
    let onstop = {
        let stop = stop.clone();
        Callback::from(move |_: MouseEvent| stop())
    };
    let onslower = {
        let (speaker, dispatcher, slower) = (speaker.clone(), state.dispatcher(), state.slower);
        Callback::from(move |_: MouseEvent| {
            speaker.slower(!slower);
            dispatcher.dispatch(ListenAction::Slower(!slower));
        })
    };
    // WAI-ARIA toolbar: arrows, Home and End move between the buttons; Escape stops.
    let onkeydown = {
        let (dispatcher, buttons, count, current) = (
            state.dispatcher(),
            buttons.clone(),
            state.buttons().len(),
            state.current,
        );
        Callback::from(move |event: KeyboardEvent| {
            let next = match event.key().as_str() {
                "ArrowRight" | "ArrowDown" => (current + 1) % count,
                "ArrowLeft" | "ArrowUp" => (current + count - 1) % count,
                "Home" => 0,
                "End" => count - 1,
                "Escape" if count > 1 => {
                    event.prevent_default();
                    stop();
                    return;
                }
                _ => return,
            };
            event.prevent_default();
            event.stop_propagation();
            if let Some(button) = buttons[next].cast::<HtmlElement>() {
                let _ = button.focus();
            }
            dispatcher.dispatch(ListenAction::Focus(next));
        })
    };

    let onpointerdown = {
        let (speaker, idle) = (speaker.clone(), state.playback == Playback::Idle);
        Callback::from(move |_: PointerEvent| {
            if idle {
                speaker.load();
            }
        })
    };
    let tab = |index: usize| if index == state.current { "0" } else { "-1" };
    let onfocus = |index: usize| {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: FocusEvent| dispatcher.dispatch(ListenAction::Focus(index)))
    };
    let shown = state.buttons();
    let (main_text, main_name) = match state.playback {
        Playback::Idle => (
            words.listen.clone(),
            Some(AttrValue::from(fill(
                &words.listen_to,
                &[("title", &title)],
            ))),
        ),
        Playback::Speaking => (words.pause.clone(), None),
        Playback::Paused => (words.resume.clone(), None),
    };
    let icon = match state.playback {
        Playback::Speaking => "tg-listen-icon tg-icon-pause",
        _ => "tg-listen-icon tg-icon-play",
    };
    html! {
        <div class="tg-listen" role="toolbar" aria-label={words.controls.clone()} ref={toolbar} {onkeydown}
            data-tg-listen={match state.playback { Playback::Idle => "idle", Playback::Speaking => "speaking", Playback::Paused => "paused" }}>
            <button type="button" class="tg-button tg-listen-main" tabindex={tab(0)} aria-label={main_name}
                ref={buttons[0].clone()} onclick={onmain} onfocus={onfocus(0)} {onpointerdown}>
                <span class={icon} aria-hidden="true"></span>{ main_text }
            </button>
            if shown.len() > 1 {
                <button type="button" class="tg-button" data-tg-action="listen-stop" tabindex={tab(1)}
                    ref={buttons[1].clone()} onclick={onstop} onfocus={onfocus(1)}>
                    <span class="tg-listen-icon tg-icon-stop" aria-hidden="true"></span>{ &words.stop }
                </button>
                <button type="button" class="tg-button" data-tg-action="listen-slower" tabindex={tab(2)}
                    aria-pressed={state.slower.to_string()}
                    ref={buttons[2].clone()} onclick={onslower} onfocus={onfocus(2)}>
                    { &words.slower }
                </button>
            }
        </div>
    }
}

/// Moves focus to the main button when it is on one of the others (which are about to go).
fn keep_focus(buttons: &[NodeRef; 3]) {
    let Some(main) = buttons[0].cast::<HtmlElement>() else {
        return;
    };
    let root = main.get_root_node();
    let active = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => gloo::utils::document().active_element(),
    };
    let focused = active.is_some_and(|active| {
        buttons[1..]
            .iter()
            .any(|button| button.cast::<Element>().is_some_and(|b| b == active))
    });
    if focused {
        let _ = main.focus();
    }
}
