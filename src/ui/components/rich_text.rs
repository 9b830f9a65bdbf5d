//! Section text: paragraphs, lists and marked drug and glossary names.
//! Text is always inserted as text, never as HTML.

use yew::prelude::*;

use crate::content::{Block, Inline};

use super::super::app::ContentRef;

/// Props of [`RichText`].
#[derive(Clone, PartialEq, Properties)]
pub struct RichTextProps {
    /// The content holding the section.
    pub content: ContentRef,
    /// Which section's text to show.
    pub section: usize,
}

/// The body of one section.
#[function_component]
pub fn RichText(props: &RichTextProps) -> Html {
    let content = &props.content;
    let inline = |run: &Inline| -> Html {
        match run {
            Inline::Text(text) => html! { { text } },
            Inline::Drug { text, drug } => html! {
                <span class="tg-drug" data-tg-drug={content.drugs[*drug].anchor()}>{ text }</span>
            },
            Inline::Term { text, .. } => html! { <span class="tg-term">{ text }</span> },
        }
    };
    html! {
        { for content.sections[props.section].blocks.iter().map(|block| match block {
            Block::Paragraph(runs) => html! { <p>{ for runs.iter().map(inline) }</p> },
            Block::List(items) => html! {
                <ul>{ for items.iter().map(|runs| html! { <li>{ for runs.iter().map(inline) }</li> }) }</ul>
            },
        }) }
    }
}
