//! Reading aloud, the pure part: which of the device's voices may speak
//! ([`choose_voice`]), and a Listen control's state ([`ListenState`],
//! changed by [`ListenAction`]s). The browser side is in
//! [`crate::speech`]; the control is [`crate::components::Listen`].
//!
//! Private by rule: only a voice that the browser marks `localService`
//! (it runs on the device) in the guide's language is ever chosen. A
//! network voice never is, even when it is the device's default.

use std::rc::Rc;

use yew::Reducible;

/// A voice as the browser describes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VoiceInfo<'a> {
    /// Its `voiceURI`, which names it to the speaking module.
    pub uri: &'a str,
    /// Its language tag, such as `fr-CA` (some engines write `fr_CA`).
    pub lang: &'a str,
    /// Whether it runs on the device (`localService`).
    pub local: bool,
    /// Whether it is the device's default voice.
    pub default: bool,
}

/// The primary language and region of a tag, in lower case: `fr-CA` → (`fr`, `ca`).
fn parts(tag: &str) -> (String, String) {
    let mut parts = tag.trim().split(['-', '_']);
    let primary = parts.next().unwrap_or_default().to_ascii_lowercase();
    // The region is the first two-letter or three-digit subtag after the primary one.
    let region = parts
        .find(|p| {
            (p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
                || p.len() == 3 && p.chars().all(|c| c.is_ascii_digit())
        })
        .unwrap_or_default()
        .to_ascii_lowercase();
    (primary, region)
}

/// Whether a voice may read text in `language` (`en`, `fr`): it is local,
/// and its primary language is `language`.
pub fn allowed(voice: &VoiceInfo, language: &str) -> bool {
    voice.local && parts(voice.lang).0 == language.to_ascii_lowercase()
}

/// The voice to read text in `language` with, by index, or `None` when the
/// device has no local voice in it. Among the allowed voices ([`allowed`]),
/// one in the region of the first of `preferred` (language tags, such as
/// the page's `fr-CA`, then the browser's) that names a region in this
/// language wins; then the device's default; then the first listed.
///
/// ```
/// use tg_ui::listen::{choose_voice, VoiceInfo};
/// let voice = |uri, lang, local, default| VoiceInfo { uri, lang, local, default };
/// let voices = [
///     voice("net-fr", "fr-FR", false, true),
///     voice("fr-fr", "fr-FR", true, false),
///     voice("fr-ca", "fr-CA", true, false),
/// ];
/// assert_eq!(choose_voice(&voices, "fr", &["fr-CA"]), Some(2));
/// assert_eq!(choose_voice(&voices, "fr", &[]), Some(1));
/// assert_eq!(choose_voice(&voices, "en", &[]), None);
/// ```
pub fn choose_voice(voices: &[VoiceInfo], language: &str, preferred: &[&str]) -> Option<usize> {
    let language = language.to_ascii_lowercase();
    let region = preferred
        .iter()
        .map(|tag| parts(tag))
        .find(|(primary, region)| *primary == language && !region.is_empty())
        .map(|(_, region)| region);
    let rank = |voice: &VoiceInfo| {
        let in_region = region.as_ref().is_some_and(|r| parts(voice.lang).1 == *r);
        (!in_region, !voice.default)
    };
    voices
        .iter()
        .enumerate()
        .filter(|(_, voice)| allowed(voice, &language))
        .min_by_key(|(_, voice)| rank(voice))
        .map(|(index, _)| index)
}

/// What a Listen control is doing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Playback {
    /// Not reading: only the Listen button shows.
    #[default]
    Idle,
    /// Reading aloud.
    Speaking,
    /// Reading, paused.
    Paused,
}

impl Playback {
    /// The state the speaking module names (`speaking`, `paused`; anything else is idle).
    pub fn from_name(name: &str) -> Self {
        match name {
            "speaking" => Playback::Speaking,
            "paused" => Playback::Paused,
            _ => Playback::Idle,
        }
    }
}

/// A Listen control's state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListenState {
    /// What it is doing.
    pub playback: Playback,
    /// Whether the page reads at the slower speed (the speaking module's, for the page's lifetime).
    pub slower: bool,
}

/// Everything that can change a Listen control.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListenAction {
    /// The main button was pressed: start, pause or resume.
    Pressed,
    /// Stop was pressed.
    Stopped,
    /// The speaking module says what it is doing (it ended, another control took over…).
    Heard {
        /// What it is doing for this control.
        playback: Playback,
        /// Whether the page reads at the slower speed.
        slower: bool,
    },
    /// The reader chose the slower speed (`true`) or the normal one.
    Slower(bool),
}

impl Reducible for ListenState {
    type Action = ListenAction;

    fn reduce(self: Rc<Self>, action: ListenAction) -> Rc<Self> {
        let mut state = *self;
        match action {
            ListenAction::Pressed => {
                state.playback = match state.playback {
                    Playback::Speaking => Playback::Paused,
                    Playback::Idle | Playback::Paused => Playback::Speaking,
                }
            }
            ListenAction::Stopped => state.playback = Playback::Idle,
            ListenAction::Heard { playback, slower } => {
                state.playback = playback;
                state.slower = slower;
            }
            ListenAction::Slower(slower) => state.slower = slower,
        }
        if state == *self {
            self
        } else {
            Rc::new(state)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn voice<'a>(uri: &'a str, lang: &'a str, local: bool, default: bool) -> VoiceInfo<'a> {
        VoiceInfo {
            uri,
            lang,
            local,
            default,
        }
    }

    #[test]
    fn a_network_voice_is_never_chosen_even_as_the_default_or_in_the_region() {
        let voices = [
            voice("Google US English", "en-US", false, true),
            voice("Google français", "fr-CA", false, false),
        ];
        assert_eq!(choose_voice(&voices, "en", &["en-US"]), None);
        assert_eq!(choose_voice(&voices, "fr", &["fr-CA"]), None);
        let with_local = [voices[0], voice("espeak en", "en-GB", true, false)];
        assert_eq!(choose_voice(&with_local, "en", &["en-US"]), Some(1));
    }

    #[test]
    fn only_the_guides_language_whatever_the_tag_is_written_like() {
        let voices = [
            voice("de", "de-DE", true, true),
            voice("fr", "FR_ca", true, false),
        ];
        assert_eq!(choose_voice(&voices, "fr", &[]), Some(1));
        assert_eq!(choose_voice(&voices, "en", &[]), None);
        assert!(!allowed(&voice("x", "", true, false), "en"));
        assert!(!allowed(&voice("x", "english", true, false), "en"));
    }

    #[test]
    fn the_pages_region_wins_then_the_default_then_the_first() {
        let voices = [
            voice("fr-fr", "fr-FR", true, false),
            voice("fr-be", "fr-BE", true, true),
            voice("fr-ca", "fr-CA", true, false),
        ];
        assert_eq!(choose_voice(&voices, "fr", &["fr-CA", "fr-FR"]), Some(2));
        // A preference in another language says nothing of the region.
        assert_eq!(choose_voice(&voices, "fr", &["en-CA", "fr-FR"]), Some(0));
        assert_eq!(choose_voice(&voices, "fr", &["fr"]), Some(1), "the default");
        assert_eq!(
            choose_voice(&voices[..1], "fr", &["fr-CA"]),
            Some(0),
            "another region rather than none"
        );
        assert_eq!(choose_voice(&[], "fr", &["fr-CA"]), None);
        assert_eq!(parts("zh-Hant-TW"), ("zh".into(), "tw".into()));
        assert_eq!(parts("es-419"), ("es".into(), "419".into()));
    }

    fn after(actions: &[ListenAction]) -> ListenState {
        *actions
            .iter()
            .fold(Rc::new(ListenState::default()), |state, &action| {
                state.reduce(action)
            })
    }

    #[test]
    fn the_main_button_starts_pauses_and_resumes_and_stop_ends() {
        use ListenAction::*;
        assert_eq!(after(&[Pressed]).playback, Playback::Speaking);
        assert_eq!(after(&[Pressed, Pressed]).playback, Playback::Paused);
        assert_eq!(
            after(&[Pressed, Pressed, Pressed]).playback,
            Playback::Speaking
        );
        assert_eq!(after(&[Pressed, Stopped]).playback, Playback::Idle);
        assert!(after(&[Pressed, Slower(true)]).slower);
    }

    #[test]
    fn the_module_has_the_last_word() {
        use ListenAction::*;
        let heard = |playback| Heard {
            playback,
            slower: true,
        };
        let state = after(&[Pressed, heard(Playback::Paused)]);
        assert_eq!((state.playback, state.slower), (Playback::Paused, true));
        let ended = after(&[Pressed, Pressed, heard(Playback::Idle)]);
        assert_eq!(ended.playback, Playback::Idle);
        assert!(ended.slower, "the speed is kept");
        assert_eq!(Playback::from_name("paused"), Playback::Paused);
        assert_eq!(Playback::from_name("ended"), Playback::Idle);
    }
}
