//! Section text: paragraphs, lists, and drug names and glossary terms with
//! inline help. Text is always inserted as text, never as HTML.

use yew::prelude::*;

use tg_content::{Block, Content, Inline};

use super::super::app::ContentRef;
use super::super::text::{capitalise, fill, lower_case};
use super::Mention;
use crate::mode::RenderMode;

/// Props of [`RichText`].
#[derive(Clone, PartialEq, Properties)]
pub struct RichTextProps {
    /// The content holding the section.
    pub content: ContentRef,
    /// Which section's text to show.
    pub section: usize,
    /// Prefix of element ids.
    pub id_prefix: AttrValue,
    /// The drug whose mentions are highlighted.
    #[prop_or_default]
    pub highlight: Option<usize>,
    /// The reader asked for a drug's card.
    pub ondrug: Callback<usize>,
}

/// The body of one section.
#[function_component]
pub fn RichText(props: &RichTextProps) -> Html {
    let content = &props.content;
    let section = &content.sections[props.section];
    let mode = use_context::<RenderMode>().unwrap_or_default();
    let mut counter = 0usize;
    let mut inline = |run: &Inline| -> Html {
        let (text, kind, help) = match run {
            Inline::Text(text) => return html! { { text } },
            Inline::Link { text, href } => {
                return html! { <a class="tg-link" href={href.clone()}>{ text }</a> }
            }
            Inline::Drug { text, drug } => (text, "drug", drug_help(content, *drug, &props.ondrug)),
            Inline::Term { text, term } => (
                text,
                "term",
                html! { { &content.glossary[*term].definition } },
            ),
        };
        counter += 1;
        if !mode.is_interactive() {
            // A static document: the name as marked text, its help left out.
            return html! { <span class={format!("tg-mention-word tg-{kind}")}>{ text }</span> };
        }
        let highlighted =
            matches!(run, Inline::Drug { drug, .. } if Some(*drug) == props.highlight);
        html! {
            <Mention text={AttrValue::from(text.clone())} kind={kind}
                id={AttrValue::from(format!("{}-{}-help-{counter}", props.id_prefix, section.id))}
                {highlighted}>
                { help }
            </Mention>
        }
    };
    let blocks: Vec<Html> = section
        .blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(runs) => html! { <p>{ for runs.iter().map(&mut inline) }</p> },
            Block::List(items) => {
                let items: Vec<Html> = items
                    .iter()
                    .map(|runs| html! { <li>{ for runs.iter().map(&mut inline) }</li> })
                    .collect();
                html! { <ul>{ for items }</ul> }
            }
        })
        .collect();
    html! { <>{ for blocks }</> }
}

/// What the help bubble of a drug says: its other names, class, and a link to its card.
fn drug_help(content: &Content, drug: usize, ondrug: &Callback<usize>) -> Html {
    let d = &content.drugs[drug];
    let names: Vec<&str> = d.synonyms.iter().map(|s| s.name.as_str()).collect();
    let onclick = ondrug.reform(move |_: MouseEvent| drug);
    html! {
        <>
            <strong>{ &d.name }</strong>
            if !names.is_empty() {
                { format!(" ({}: {})", lower_case(&content.strings.other_names), names.join(", ")) }
            }
            if !d.class.is_empty() {
                { format!(". {}.", capitalise(&d.class)) }
            }
            { " " }
            <button type="button" class="tg-link" data-tg-card-link={d.anchor()} {onclick}>
                { fill(&content.strings.show_card, &[("drug", &d.name)]) }
            </button>
        </>
    }
}
