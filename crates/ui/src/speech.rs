//! Reading aloud, the browser side: the device's voices (`speechSynthesis`)
//! and the page's [`Speaker`]. The rule that picks a voice is
//! [`crate::listen`]'s; the speaking itself (the queue of sentences, the
//! highlight) is a module of its own that the loader imports on the first
//! press of a Listen button, so that readers who never press one do not
//! download it.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, SpeechSynthesisVoice};
use yew::prelude::*;

use crate::listen::{allowed, choose_voice, VoiceInfo};

/// The event the speaking module dispatches on a Listen control when what it
/// does for that control changes; its `detail` is `{ state, slower }`.
pub const STATE_EVENT: &str = "tg-listen";

/// The page's one speaker: the loader's `listen(command, …arguments)`, which
/// imports the speaking module when the page is idle after a Listen control
/// first shows (`load`), or on the first `start`, and hands it each call.
/// Commands: `load()`, `start(root, control, voiceURI, lang)`, `pause(control)`,
/// `resume(control)`, `stop(control)` (stops only that control's reading;
/// `null`: whatever is read on the page) and `slower(on)`.
#[derive(Clone, PartialEq)]
pub struct Speaker(pub js_sys::Function);

impl Speaker {
    fn call(&self, arguments: &[&JsValue]) {
        let list: js_sys::Array = arguments.iter().copied().collect();
        let _ = self.0.apply(&JsValue::NULL, &list);
    }

    /// Reads `root` aloud (stopping any other reading on the page), with the
    /// voice named `voice`; `control` hears of the state.
    pub fn start(&self, root: &Element, control: &Element, voice: &str, lang: &str) {
        self.call(&[&"start".into(), root, control, &voice.into(), &lang.into()]);
    }

    /// Loads the speaking module when the page is next idle (a Listen control shows).
    pub fn load(&self) {
        self.call(&[&"load".into()]);
    }

    /// Pauses the reading of `control`.
    pub fn pause(&self, control: &Element) {
        self.call(&[&"pause".into(), control]);
    }

    /// Resumes the reading of `control`.
    pub fn resume(&self, control: &Element) {
        self.call(&[&"resume".into(), control]);
    }

    /// Stops the reading of `control`; `None`: whatever is read on the page.
    pub fn stop(&self, control: Option<&Element>) {
        let control = control.map_or(JsValue::NULL, |c| c.into());
        self.call(&[&"stop".into(), &control]);
    }

    /// The slower speed (`true`) or the normal one, for the page's lifetime.
    pub fn slower(&self, on: bool) {
        self.call(&[&"slower".into(), &on.into()]);
    }
}

/// The page's speech engine, when the browser has one.
fn synthesis() -> Option<web_sys::SpeechSynthesis> {
    let window = gloo::utils::window();
    js_sys::Reflect::has(&window, &"speechSynthesis".into())
        .unwrap_or(false)
        .then(|| window.speech_synthesis().ok())
        .flatten()
}

/// The device's voices, as the browser lists them now (none without an engine).
fn voices() -> Vec<SpeechSynthesisVoice> {
    synthesis().map_or_else(Vec::new, |synthesis| {
        synthesis
            .get_voices()
            .iter()
            .map(|voice| voice.unchecked_into())
            .collect()
    })
}

/// Each voice's `voiceURI`, language and flags, for the rule.
fn described(voices: &[SpeechSynthesisVoice]) -> Vec<(String, String, bool, bool)> {
    voices
        .iter()
        .map(|v| (v.voice_uri(), v.lang(), v.local_service(), v.default()))
        .collect()
}

fn infos(described: &[(String, String, bool, bool)]) -> Vec<VoiceInfo<'_>> {
    described
        .iter()
        .map(|(uri, lang, local, default)| VoiceInfo {
            uri,
            lang,
            local: *local,
            default: *default,
        })
        .collect()
}

/// Whether the device has a voice that may read `language` ([`allowed`]).
/// A device may list thousands of voices (espeak-ng's variants): this stops at the first.
pub fn has_local_voice(language: &str) -> bool {
    voices().iter().any(|v| {
        v.local_service()
            && allowed(
                &VoiceInfo {
                    uri: "",
                    lang: &v.lang(),
                    local: true,
                    default: false,
                },
                language,
            )
    })
}

/// The voice to read `language` with, for the page of `near` (its host
/// element's nearest `lang`, such as `fr-CA`, then the browser's language
/// give the region): its `voiceURI`, or `None` ([`choose_voice`]).
pub fn voice_for(language: &str, near: &Element) -> Option<String> {
    let local: Vec<SpeechSynthesisVoice> =
        voices().into_iter().filter(|v| v.local_service()).collect();
    let described = described(&local);
    let page = page_language(near);
    let browser = gloo::utils::window().navigator().language();
    let preferred: Vec<&str> = page
        .iter()
        .chain(browser.iter())
        .map(String::as_str)
        .collect();
    choose_voice(&infos(&described), language, &preferred).map(|i| described[i].0.clone())
}

/// The language tag the host page gives the widget of `near`: the `lang` of
/// its element, or of the nearest element around it that has one.
fn page_language(near: &Element) -> Option<String> {
    let host = near
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()?
        .host();
    host.closest("[lang]").ok().flatten()?.get_attribute("lang")
}

/// Whether the device has a local voice for `language`, followed as the
/// voices arrive or change (Chromium lists them only after `voiceschanged`).
/// Always `false` when not `enabled`, and in the first render, so the
/// guide renders as it was prerendered.
#[hook]
pub fn use_local_voice(language: AttrValue, enabled: bool) -> bool {
    let available = use_state_eq(|| false);
    {
        let available = available.clone();
        use_effect_with((language, enabled), move |(language, enabled)| {
            let listener = synthesis().filter(|_| *enabled).map(|synthesis| {
                available.set(has_local_voice(language));
                let language = language.clone();
                gloo::events::EventListener::new(&synthesis, "voiceschanged", move |_| {
                    available.set(has_local_voice(&language))
                })
            });
            move || drop(listener)
        });
    }
    *available
}
