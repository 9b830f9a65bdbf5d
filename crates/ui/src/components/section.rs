//! One collapsible section: a heading holding a toggle button, and its panel.

use yew::prelude::*;
use yew::virtual_dom::{VNode, VTag};

use super::{listen_control, RichText};
use crate::mode::RenderMode;
use crate::shared::ContentRef;

/// The attribute of a section's element that holds the section's id.
pub const SECTION_ATTR: &str = "data-tg-section";

/// The class of a section's heading element (`h1`–`h6`, by the heading level).
pub const HEADING_CLASS: &str = "tg-heading";

/// Props of [`Section`].
#[derive(Clone, PartialEq, Properties)]
pub struct SectionProps {
    /// The content holding the section.
    pub content: ContentRef,
    /// Which section of the content.
    pub index: usize,
    /// Whether the panel shows.
    pub open: bool,
    /// Heading level (1–6).
    pub heading_level: u8,
    /// Prefix of element ids.
    pub id_prefix: AttrValue,
    /// The header was activated.
    pub ontoggle: Callback<usize>,
    /// Reference to the header button, for keyboard movement and scrolling.
    #[prop_or_default]
    pub button_ref: NodeRef,
    /// The drug whose mentions are highlighted.
    #[prop_or_default]
    pub highlight: Option<usize>,
    /// The reader asked for a drug's card from the text.
    pub ondrug: Callback<usize>,
    /// Render the text even while closed (for printing and find-in-page).
    #[prop_or(true)]
    pub render_closed: bool,
}

/// A section header button (`aria-expanded`, `aria-controls`) inside a heading, and its panel.
#[function_component]
pub fn Section(props: &SectionProps) -> Html {
    let section = &props.content.sections[props.index];
    let base = format!("{}-{}", props.id_prefix, section.id);
    let (button_id, panel_id) = (format!("{base}-button"), format!("{base}-panel"));
    let tag = format!("h{}", props.heading_level.clamp(1, 6));
    let onclick = props.ontoggle.reform({
        let index = props.index;
        move |_: MouseEvent| index
    });
    let mode = use_context::<RenderMode>().unwrap_or_default();
    // A closed panel is `hidden="until-found"`: the browser's find-in-page
    // searches it and fires `beforematch` on a hit, which opens the section.
    let panel_ref = use_node_ref();
    {
        let (panel_ref, ontoggle, index) = (panel_ref.clone(), props.ontoggle.clone(), props.index);
        use_effect_with(props.open, move |&open| {
            let listener = panel_ref
                .cast::<web_sys::Element>()
                .filter(|_| !open)
                .map(|panel| {
                    gloo::events::EventListener::new(&panel, "beforematch", move |_| {
                        ontoggle.emit(index)
                    })
                });
            move || drop(listener)
        });
    }
    let heading = if mode.is_interactive() {
        html! {
            <button
                type="button"
                class="tg-toggle"
                part="section-toggle"
                id={button_id.clone()}
                aria-expanded={props.open.to_string()}
                aria-controls={panel_id.clone()}
                // HEADER_INDEX_ATTR, read by the keyboard handler in `section_list`.
                data-tg-index={props.index.to_string()}
                ref={props.button_ref.clone()}
                {onclick}
            >
                <span class="tg-toggle-title">{ unbroken_hyphens(&section.title) }</span>
                <span class="tg-chevron" aria-hidden="true"></span>
            </button>
        }
    } else {
        html! { <span class="tg-toggle-title">{ unbroken_hyphens(&section.title) }</span> }
    };
    let open = props.open || !mode.is_interactive();
    // Built by hand because `html!` takes `hidden` as a boolean only, and the
    // closed panel must carry `hidden="until-found"` in the markup itself: the
    // prerendered HTML shows it closed before the code runs, with no flash.
    let mut panel = VTag::new("div");
    panel.add_attribute("class", "tg-panel");
    panel.add_attribute("part", "section-panel");
    panel.add_attribute("id", panel_id);
    if !open {
        panel.add_attribute("hidden", "until-found");
    }
    panel.node_ref = panel_ref;
    // The Listen control of an open section (the read-aloud module shows it).
    // Closed, an empty node holds its place, so the text after it keeps its
    // place in the tree when the panel opens.
    if mode.is_interactive() {
        panel.add_child(if props.open {
            listen_control(&section.id, &section.title, &props.content.strings)
        } else {
            Html::default()
        });
    }
    if open || props.render_closed {
        panel.add_child(html! {
            <RichText content={props.content.clone()} section={props.index}
                id_prefix={props.id_prefix.clone()} highlight={props.highlight}
                ondrug={props.ondrug.clone()} />
        });
        if let Some(link) = props.content.section_link(section) {
            panel.add_child(html! {
                <p class="tg-section-link">
                    <a class="tg-link" href={link.href.clone()}>{ &link.text }</a>
                </p>
            });
        }
    }
    html! {
        // `data-tg-section` is SECTION_ATTR (`html!` takes no attribute name from a constant).
        <section class="tg-section" id={base} data-tg-section={section.id.clone()} part="section">
            <@{tag} class={HEADING_CLASS}>{ heading }</@>
            if !section.summary.is_empty() {
                <p class="tg-summary">{ unbroken_hyphens(&section.summary) }</p>
            }
            // No role="region": with nine panels (and possibly several widgets) that many
            // landmarks would crowd a screen reader's landmark list.
            { VNode::from(panel) }
        </section>
    }
}

/// The text with each hyphenated word kept on one line ("CAR T-cell therapy"
/// never breaks after "T-"). The text itself is unchanged, so find-in-page
/// and screen readers get the same hyphen.
fn unbroken_hyphens(text: &str) -> Html {
    if !text.contains('-') {
        return html! { { text } };
    }
    let mut parts: Vec<Html> = Vec::new();
    let mut plain = String::new();
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            plain.push(' ');
        }
        if word.trim_matches('-').contains('-') {
            if !plain.is_empty() {
                parts.push(html! { { std::mem::take(&mut plain) } });
            }
            parts.push(html! { <span class="tg-nowrap">{ word }</span> });
        } else {
            plain.push_str(word);
        }
    }
    if !plain.is_empty() {
        parts.push(html! { { plain } });
    }
    html! { <>{ for parts }</> }
}
