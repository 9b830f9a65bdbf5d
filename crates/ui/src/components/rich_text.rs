//! Section text: paragraphs, lists, and drug names and glossary terms with
//! inline help. Text is always inserted as text, never as HTML.
//!
//! Each distinct term has one control per section, at its first mention (a
//! [`Mention`]); later mentions, such as the other names in brackets after a
//! generic name, are [`MentionEcho`]es that open the same bubble. Which
//! bubble shows is this component's state ([`TipState`]); the first render
//! depends on the props alone.

use yew::prelude::*;

use tg_content::{Block, Content, Inline, Synonym};

use super::{Mention, MentionEcho};
use crate::mode::RenderMode;
use crate::shared::ContentRef;
use crate::state::{TermKey, TipAction, TipState};
use crate::text::{capitalise, fill, lower_case};

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
    let tips = use_reducer_eq(TipState::default);
    let interactive = use_context::<RenderMode>()
        .unwrap_or_default()
        .is_interactive();

    let tip_id = |n: usize| AttrValue::from(format!("{}-{}-tip-{n}", props.id_prefix, section.id));
    // Mentions numbered in page order, so a later mention knows where its bubble shows.
    let mut mentions = 0usize;
    let mut mention = |text: &str, term: TermKey, tip: usize, first: bool| -> Html {
        mentions += 1;
        let number = mentions;
        let kind = match term {
            TermKey::Drug(_) => "drug",
            TermKey::Glossary(_) => "term",
        };
        let highlighted = matches!(term, TermKey::Drug(drug) if Some(drug) == props.highlight);
        let open = tips.open == Some(term);
        let text = AttrValue::from(text.to_owned());
        if !interactive {
            // A static document: the name as marked text, its help left out.
            return html! { <span class={format!("tg-mention-word tg-{kind}")}>{ text }</span> };
        }
        if !first {
            let dispatcher = tips.dispatcher();
            let onopen = Callback::from(move |top| {
                dispatcher.dispatch(TipAction::OpenAt {
                    term,
                    mention: number,
                    top,
                })
            });
            return html! {
                <MentionEcho {text} {kind} tip={tip_id(tip)} {highlighted}
                    open={open && tips.at.is_some_and(|(m, _)| m == number)} {onopen} />
            };
        }
        let help = match term {
            TermKey::Drug(drug) => drug_help(content, drug, &props.ondrug),
            TermKey::Glossary(entry) => html! { { &content.glossary[entry].definition } },
        };
        let (toggle, close) = (tips.dispatcher(), tips.dispatcher());
        html! {
            <Mention {text} {kind} id={tip_id(tip)} {highlighted} {open}
                anchor={tips.at.filter(|_| open).map(|(_, top)| top)}
                ontoggle={Callback::from(move |()| toggle.dispatch(TipAction::Toggle(term)))}
                onclose={Callback::from(move |()| close.dispatch(TipAction::Close(term)))}>
                { help }
            </Mention>
        }
    };
    // Terms in order of first mention in the section: a term's place here numbers its bubble.
    let mut terms: Vec<TermKey> = Vec::new();
    let mut runs = |runs: &[Inline]| -> Html {
        let pieces: Vec<Html> = pieces(runs, &mut terms)
            .into_iter()
            .map(|piece| match piece {
                Piece::Text(text) => html! { { text } },
                Piece::Link { text, href } => {
                    html! { <a class="tg-link" href={href.to_owned()}>{ text }</a> }
                }
                Piece::Mention {
                    before: "",
                    text,
                    term,
                    tip,
                    first,
                    after: "",
                } => mention(text, term, tip, first),
                // Brackets and punctuation stay on the line of the name they touch.
                Piece::Mention {
                    before,
                    text,
                    term,
                    tip,
                    first,
                    after,
                } => html! {
                    <span class="tg-nowrap">{ before }{ mention(text, term, tip, first) }{ after }</span>
                },
            })
            .collect();
        html! { <>{ for pieces }</> }
    };
    let blocks: Vec<Html> = section
        .blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(inlines) => html! { <p>{ runs(inlines) }</p> },
            Block::List(items) => {
                let items: Vec<Html> = items
                    .iter()
                    .map(|inlines| html! { <li>{ runs(inlines) }</li> })
                    .collect();
                html! { <ul>{ for items }</ul> }
            }
        })
        .collect();
    html! { <>{ for blocks }</> }
}

/// A run of a block as shown.
///
/// The first mention of a term is a button, which the browser lays out as
/// one box: a line may break right before or after it, even between a
/// bracket and the name ("doxorubicin (" / "Adriamycin)"). So it takes along
/// the characters touching it with no space between (an opening bracket
/// before it; a closing bracket, comma or full stop after it). Later mentions
/// are ordinary text, which never breaks there.
#[derive(Debug, PartialEq)]
enum Piece<'a> {
    /// Plain text.
    Text(&'a str),
    /// A link.
    Link {
        /// The words shown.
        text: &'a str,
        /// Where it goes.
        href: &'a str,
    },
    /// A drug name or glossary term, and the characters glued to it.
    Mention {
        /// Glued before it, such as `(`.
        before: &'a str,
        /// The words shown.
        text: &'a str,
        /// The drug or glossary entry.
        term: TermKey,
        /// The number of its bubble in the section (its term's place in order of first mention, from 1).
        tip: usize,
        /// Whether this is the term's first mention in the section (its one control).
        first: bool,
        /// Glued after it, such as `),`.
        after: &'a str,
    },
}

/// The drug or glossary entry of a run, if it is a mention.
fn term_of(run: &Inline) -> Option<TermKey> {
    match run {
        Inline::Drug { drug, .. } => Some(TermKey::Drug(*drug)),
        Inline::Term { term, .. } => Some(TermKey::Glossary(*term)),
        Inline::Text(_) | Inline::Link { .. } => None,
    }
}

/// The runs of a block as [`Piece`]s; their text, in order, is the block's
/// text. `terms` holds the terms already mentioned in the section, in order,
/// and gets this block's new ones.
fn pieces<'a>(runs: &'a [Inline], terms: &mut Vec<TermKey>) -> Vec<Piece<'a>> {
    let marks: Vec<Option<(TermKey, usize, bool)>> = runs
        .iter()
        .map(|run| {
            term_of(run).map(|term| match terms.iter().position(|&t| t == term) {
                Some(place) => (term, place + 1, false),
                None => {
                    terms.push(term);
                    (term, terms.len(), true)
                }
            })
        })
        .collect();
    let is_button = |i: usize| matches!(marks.get(i), Some(Some((_, _, true))));
    // A text run splits into [..lead] (glued to the button before it),
    // [lead..trail] (free) and [trail..] (glued to the button after it).
    let cut = |i: usize, text: &str| -> (usize, usize) {
        let lead = if i > 0 && is_button(i - 1) {
            text.find(char::is_whitespace).unwrap_or(text.len())
        } else {
            0
        };
        let trail = if is_button(i + 1) {
            text.char_indices()
                .rfind(|(_, c)| c.is_whitespace())
                .map_or(0, |(at, c)| at + c.len_utf8())
        } else {
            text.len()
        };
        (lead, trail.max(lead))
    };
    let text_at = |i: usize| match runs.get(i) {
        Some(Inline::Text(text)) => Some((text.as_str(), cut(i, text))),
        _ => None,
    };
    runs.iter()
        .zip(&marks)
        .enumerate()
        .filter_map(|(i, (run, mark))| match (run, mark) {
            (Inline::Text(text), _) => {
                let (lead, trail) = cut(i, text);
                (trail > lead).then(|| Piece::Text(&text[lead..trail]))
            }
            (Inline::Link { text, href }, _) => Some(Piece::Link { text, href }),
            (run, &Some((term, tip, first))) => Some(Piece::Mention {
                before: i
                    .checked_sub(1)
                    .filter(|_| first)
                    .and_then(text_at)
                    .map_or("", |(text, (_, trail))| &text[trail..]),
                text: run.text(),
                term,
                tip,
                first,
                after: text_at(i + 1)
                    .filter(|_| first)
                    .map_or("", |(text, (lead, _))| &text[..lead]),
            }),
            (run, None) => Some(Piece::Text(run.text())),
        })
        .collect()
}

/// What the help bubble of a drug says: its other names, class, and a link to its card.
fn drug_help(content: &Content, drug: usize, ondrug: &Callback<usize>) -> Html {
    let d = &content.drugs[drug];
    let onclick = ondrug.reform(move |_: MouseEvent| drug);
    // Each other name on one line ("Ara-C" never breaks after "Ara-").
    // Names in another language are left to the card, which labels them.
    let own: Vec<&Synonym> = d.synonyms.iter().filter(|s| s.lang.is_none()).collect();
    let names = own.iter().enumerate().map(|(i, s)| {
        let lead = if i == 0 {
            format!(
                " ({}{} ",
                lower_case(&content.strings.other_names),
                colon(&content.meta.language)
            )
        } else {
            ", ".to_owned()
        };
        html! { <>{ lead }<span class="tg-nowrap">{ &s.name }</span></> }
    });
    // One text node from the last name up to the button: Chrome's accessibility
    // tree drops a text node of only a space next to a button, and the words would run together.
    let mut facts = if own.is_empty() {
        String::new()
    } else {
        ")".to_owned()
    };
    if !d.class.is_empty() {
        facts += &format!(". {}.", capitalise(&d.class));
    }
    facts.push(' ');
    html! {
        <>
            <strong>{ &d.name }</strong>
            { for names }
            { facts }
            <button type="button" class="tg-link" data-tg-card-link={d.anchor()} {onclick}>
                { fill(&content.strings.show_card, &[("drug", &d.name)]) }
            </button>
        </>
    }
}

/// A colon as the language writes it: French puts a no-break space before it.
fn colon(language: &str) -> &'static str {
    if language == "fr" {
        "\u{a0}:"
    } else {
        ":"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }
    fn drug(s: &str, drug: usize) -> Inline {
        Inline::Drug {
            text: s.into(),
            drug,
        }
    }

    /// The pieces as a string: buttons in `<…>`, later mentions in `{…}`, glued units in `[…]`.
    fn shown(runs: &[Inline], terms: &mut Vec<TermKey>) -> String {
        pieces(runs, terms)
            .iter()
            .map(|piece| match piece {
                Piece::Text(t) => (*t).to_owned(),
                Piece::Link { text, .. } => format!("#{text}#"),
                Piece::Mention {
                    before,
                    text,
                    first,
                    after,
                    ..
                } => {
                    let name = if *first {
                        format!("<{text}>")
                    } else {
                        format!("{{{text}}}")
                    };
                    if before.is_empty() && after.is_empty() {
                        name
                    } else {
                        format!("[{before}{name}{after}]")
                    }
                }
            })
            .collect()
    }

    #[test]
    fn one_button_per_term_and_later_names_are_text() {
        let mut terms = Vec::new();
        let runs = [
            drug("daunorubicin", 1),
            text(" ("),
            drug("Cerubidine", 1),
            text(", "),
            drug("daunomycin", 1),
            text(") or "),
            drug("doxorubicin", 2),
            text(" ("),
            drug("Adriamycin", 2),
            text(")."),
        ];
        assert_eq!(
            shown(&runs, &mut terms),
            "<daunorubicin> ({Cerubidine}, {daunomycin}) or <doxorubicin> ({Adriamycin})."
        );
        assert_eq!(terms, [TermKey::Drug(1), TermKey::Drug(2)]);
        // In the next block of the same section, the terms are no longer first.
        let next = [text("Then "), drug("doxorubicin", 2), text(".")];
        assert_eq!(shown(&next, &mut terms), "Then {doxorubicin}.");
        let numbers: Vec<usize> = pieces(&next, &mut terms)
            .iter()
            .filter_map(|p| match p {
                Piece::Mention { tip, .. } => Some(*tip),
                _ => None,
            })
            .collect();
        assert_eq!(numbers, [2], "a later mention opens its term's bubble");
    }

    #[test]
    fn brackets_and_punctuation_stay_with_a_button() {
        let mut terms = vec![TermKey::Drug(0)];
        let runs = [
            drug("imatinib", 0),
            text(" ("),
            drug("Gleevec", 5),
            text("), then "),
            drug("dasatinib", 6),
            text(", and "),
            drug("b", 7),
            text("/"),
            drug("c", 8),
            text("."),
        ];
        assert_eq!(
            shown(&runs, &mut terms),
            "{imatinib} [(<Gleevec>),] then [<dasatinib>,] and [<b>/][<c>.]"
        );
        let all: String = runs.iter().map(Inline::text).collect();
        let back: String = shown(&runs, &mut vec![TermKey::Drug(0)])
            .chars()
            .filter(|c| !"[]<>{}".contains(*c))
            .collect();
        assert_eq!(back, all, "no character lost or doubled");
    }

    #[test]
    fn plain_text_and_links_pass_unchanged() {
        let runs = [
            text("See "),
            Inline::Link {
                text: "the trials".into(),
                href: "https://example.org".into(),
            },
            text(" (in English)."),
        ];
        assert_eq!(
            shown(&runs, &mut Vec::new()),
            "See #the trials# (in English)."
        );
    }
}
