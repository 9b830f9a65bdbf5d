//! A problem notice (`role="alert"`): why the widget shows what it shows.

use yew::prelude::*;

use crate::shared::Shared;
use crate::text::fill;

/// At most this many details are listed; the rest are counted.
pub const MAX_DETAILS: usize = 20;

/// What went wrong, in plain words and in the reader's language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notice {
    /// One sentence for everyone.
    pub summary: String,
    /// Details for the web staff (one problem each); empty unless they asked for them.
    pub details: Vec<String>,
    /// The line that ends a list cut short; `{count}` is how many more.
    pub more: String,
}

/// Props of [`NoticeBox`].
#[derive(Clone, PartialEq, Properties)]
pub struct NoticeBoxProps {
    /// What to say.
    pub notice: Shared<Notice>,
}

/// The notice, above the guide (or in its place).
#[function_component]
pub fn NoticeBox(props: &NoticeBoxProps) -> Html {
    let notice = &props.notice;
    let more = notice.details.len().saturating_sub(MAX_DETAILS);
    html! {
        <div class="tg-notice" role="alert" part="notice">
            <p>{ &notice.summary }</p>
            if !notice.details.is_empty() {
                <ul>
                    { for notice.details.iter().take(MAX_DETAILS).map(|d| html! { <li>{ d }</li> }) }
                    if more > 0 {
                        <li>{ fill(&notice.more, &[("count", &more.to_string())]) }</li>
                    }
                </ul>
            }
        </div>
    }
}
