//! The Listen control of an open section or the drug card, as markup only:
//! the read-aloud module (`src/listen.js`, which the loader imports when the
//! page is idle after a control first appears) does the rest. It shows the
//! control when the device has a local voice in the guide's language, reads
//! the section or card around it aloud, and adds the Pause/Resume, Stop and
//! Slower buttons while it reads, with the words the guide's root gives it
//! (`data-listen-controls`, `-pause`, `-resume`, `-stop`, `-slower`: once,
//! not on each control).
//!
//! Until the module shows it, the control keeps its place but is invisible
//! (`visibility: hidden`: not seen, not focusable, not in the accessibility
//! tree), so that it appears without moving the text below it.

use yew::prelude::*;

use tg_content::UiStrings;

use crate::text::fill;

/// The attribute that marks a Listen control; its value names what it reads
/// (a section's id, a drug's anchor). The read-aloud module looks for it.
pub const LISTEN_ATTR: &str = "data-listen";

/// The Listen control of what `title` names (a section's title, a drug's
/// name); `id` is the section's id or the drug's anchor.
pub fn listen_control(id: &str, title: &str, strings: &UiStrings) -> Html {
    // `data-listen` is LISTEN_ATTR (`html!` takes no attribute name from a constant).
    html! {
        <div class="tg-listen" part="listen" data-listen={id.to_owned()}>
            <button type="button" class="tg-button tg-listen-main"
                aria-label={fill(&strings.listen_to, &[("title", title)])}>
                { &strings.listen }
            </button>
        </div>
    }
}
