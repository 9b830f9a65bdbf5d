//! The card of one drug: its generic name, every other name grouped by kind,
//! its type of treatment, and links to the sections that mention it.

use yew::prelude::*;

use tg_content::SynonymKind;

use super::listen_control;
use crate::shared::ContentRef;
use crate::text::{capitalise, fill};

/// Props of [`DrugCard`].
#[derive(Clone, PartialEq, Properties)]
pub struct DrugCardProps {
    /// The content holding the drug.
    pub content: ContentRef,
    /// Which drug.
    pub drug: usize,
    /// Heading level of the card title (1–6).
    pub heading_level: u8,
    /// Prefix of element ids.
    pub id_prefix: AttrValue,
    /// A "mentioned in" link was activated: the section index.
    pub onmention: Callback<usize>,
    /// The close button was pressed.
    pub onclose: Callback<()>,
    /// Reference to the card, for scrolling it into view.
    #[prop_or_default]
    pub card_ref: NodeRef,
}

/// A drug card.
#[function_component]
pub fn DrugCard(props: &DrugCardProps) -> Html {
    let content = &props.content;
    let strings = &content.strings;
    let drug = &content.drugs[props.drug];
    let id = format!("{}-{}", props.id_prefix, drug.anchor());
    let title_id = format!("{id}-title");
    let tag = format!("h{}", props.heading_level.clamp(1, 6));
    let section_title = |section_id: &str| {
        content
            .sections
            .iter()
            .find(|s| s.id == section_id)
            .map(|s| s.title.clone())
            .unwrap_or_default()
    };

    let groups = SynonymKind::ALL.into_iter().filter_map(|kind| {
        let names: Vec<&str> = drug
            .synonyms
            .iter()
            .filter(|s| s.kind == kind && s.lang.is_none())
            .map(|s| s.name.as_str())
            .collect();
        (!names.is_empty()).then(|| {
            html! {
                <>
                    <dt>{ strings.kind_group(kind) }</dt>
                    <dd data-tg-kind={kind.as_str()}>{ names.join(", ") }</dd>
                </>
            }
        })
    });
    // Names in another language, under a label naming it ("French name"),
    // so that "doxorubicine" never passes for a misspelling.
    let mut languages: Vec<String> = drug
        .synonyms
        .iter()
        .filter_map(|s| s.lang.clone())
        .collect();
    languages.sort_unstable();
    languages.dedup();
    let other_languages = languages.into_iter().filter_map(|lang| {
        let language = strings.language_name(&lang);
        let names: Vec<&str> = drug
            .synonyms
            .iter()
            .filter(|s| s.lang.as_ref() == Some(&lang))
            .map(|s| s.name.as_str())
            .collect();
        let label = match names.len() {
            0 => return None,
            1 => &strings.other_language_name,
            _ => &strings.other_language_names,
        };
        let heading = capitalise(&fill(label, &[("language", language)]));
        Some(html! {
            <>
                <dt>{ heading }</dt>
                <dd lang={lang.clone()} data-tg-lang={lang}>{ names.join(", ") }</dd>
            </>
        })
    });
    let mentions = drug.mentioned_in.iter().filter_map(|section_id| {
        let index = content.sections.iter().position(|s| &s.id == section_id)?;
        let onclick = props.onmention.reform(move |event: MouseEvent| {
            event.prevent_default();
            index
        });
        Some(html! {
            <li><a href={format!("#{}-{section_id}", props.id_prefix)} data-tg-goto={section_id.clone()} {onclick}>
                { section_title(section_id) }
            </a></li>
        })
    });

    html! {
        <section class="tg-card" part="drug-card" id={id} aria-labelledby={title_id.clone()}
            data-tg-drug-card={drug.anchor()} ref={props.card_ref.clone()}>
            <div class="tg-card-head">
                <@{tag} class="tg-card-title" id={title_id.clone()}>{ &drug.name }</@>
                <button type="button" class="tg-button tg-close" data-tg-action="close-card"
                    aria-describedby={title_id.clone()}
                    onclick={props.onclose.reform(|_| ())}>
                    { &strings.close }
                </button>
            </div>
            if !drug.class.is_empty() {
                <p class="tg-card-class">{ &drug.class }</p>
            }
            { listen_control(&drug.anchor(), &drug.name, strings) }
            <dl class="tg-card-facts">
                { for groups }
                { for other_languages }
                <dt>{ &strings.treatment_type }</dt>
                <dd data-tg-treatment={drug.treatment.clone()}>{ section_title(&drug.treatment) }</dd>
                if !drug.mentioned_in.is_empty() {
                    <dt>{ &strings.mentioned_in }</dt>
                    <dd><ul class="tg-card-links">{ for mentions }</ul></dd>
                }
            </dl>
        </section>
    }
}
