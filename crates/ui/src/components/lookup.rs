//! The drug lookup: an editable combobox with a listbox of suggestions
//! (WAI-ARIA combobox pattern). Focus stays in the input; the active
//! suggestion is shown with `aria-activedescendant`.

use std::ops::Range;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use tg_content::{Synonym, UiStrings};
use tg_lookup::{DrugHit, DrugIndex};

use crate::shared::{ContentRef, Shared};
use crate::state::{LookupAction, LookupState};
use crate::text::fill;

/// Most suggestions shown at once.
pub const MAX_SUGGESTIONS: usize = 8;
/// Longest piece of the reader's text repeated back in the no-match message.
const ECHO_CHARS: usize = 60;

/// Props of [`Lookup`].
#[derive(Clone, PartialEq, Properties)]
pub struct LookupProps {
    /// The content (for names and interface words).
    pub content: ContentRef,
    /// The search index over every drug name.
    pub index: Shared<DrugIndex>,
    /// Prefix of element ids.
    pub id_prefix: AttrValue,
    /// A drug was chosen: its index.
    pub ondrug: Callback<usize>,
}

/// The lookup field, its suggestions and its status line.
#[function_component]
pub fn Lookup(props: &LookupProps) -> Html {
    let state = use_reducer(LookupState::default);
    let content = &props.content;
    let strings = &content.strings;
    let prefix = &props.id_prefix;
    let (input_id, list_id, hint_id) = (
        format!("{prefix}-lookup-input"),
        format!("{prefix}-lookup-list"),
        format!("{prefix}-lookup-hint"),
    );
    let option_id = |i: usize| format!("{prefix}-lookup-option-{i}");

    let choose = {
        let (state, ondrug, content) = (state.clone(), props.ondrug.clone(), content.clone());
        Callback::from(move |i: usize| {
            if let Some(hit) = state.hits.get(i) {
                state.dispatch(LookupAction::Chosen(content.drugs[hit.drug].name.clone()));
                ondrug.emit(hit.drug);
            }
        })
    };
    let oninput = {
        let (state, index) = (state.clone(), props.index.clone());
        Callback::from(move |event: InputEvent| {
            let query = event.target_unchecked_into::<HtmlInputElement>().value();
            let hits = index.search(&query, MAX_SUGGESTIONS);
            state.dispatch(LookupAction::Typed { query, hits });
        })
    };
    let onkeydown = {
        let (state, choose) = (state.clone(), choose.clone());
        Callback::from(move |event: KeyboardEvent| {
            let action = match event.key().as_str() {
                "ArrowDown" if event.alt_key() => LookupAction::Expand,
                "ArrowDown" => LookupAction::Next,
                "ArrowUp" => LookupAction::Previous,
                "Home" | "End" => LookupAction::Unselect,
                "Escape" if state.expanded => LookupAction::Collapse,
                "Escape" => LookupAction::Clear,
                "Enter" if state.expanded && !state.hits.is_empty() => {
                    event.prevent_default();
                    choose.emit(state.active.unwrap_or(0));
                    return;
                }
                _ => return,
            };
            if !matches!(action, LookupAction::Unselect) {
                event.prevent_default();
            }
            state.dispatch(action);
        })
    };
    let onblur = {
        let state = state.clone();
        Callback::from(move |_: FocusEvent| state.dispatch(LookupAction::Collapse))
    };

    let expanded = state.expanded && !state.hits.is_empty();
    let active_id = state.active.filter(|_| expanded).map(option_id);
    let status = status_text(content, &state);
    let options = state.hits.iter().enumerate().map(|(i, hit)| {
        let onclick = choose.reform(move |_: MouseEvent| i);
        // Keep focus in the input when an option is pressed.
        let onmousedown = Callback::from(|event: MouseEvent| event.prevent_default());
        let selected = state.active == Some(i);
        html! {
            <li role="option" id={option_id(i)} aria-selected={selected.to_string()}
                class={classes!("tg-option", selected.then_some("tg-active"))}
                data-tg-drug={content.drugs[hit.drug].anchor()} {onclick} {onmousedown}>
                { suggestion(content, hit) }
            </li>
        }
    });

    html! {
        <div class="tg-lookup" part="lookup">
            <label class="tg-label" for={input_id.clone()}>{ &strings.lookup_label }</label>
            <p class="tg-hint" id={hint_id.clone()}>{ &strings.lookup_hint }</p>
            <div class="tg-combobox">
                <input id={input_id} class="tg-input" part="lookup-input" type="text" role="combobox"
                    aria-autocomplete="list" aria-expanded={expanded.to_string()} aria-controls={list_id.clone()}
                    aria-activedescendant={active_id} aria-describedby={hint_id}
                    autocomplete="off" autocapitalize="none" spellcheck="false" enterkeyhint="search"
                    value={state.query.clone()} {oninput} {onkeydown} {onblur} />
                <ul id={list_id} class="tg-listbox" role="listbox" aria-label={strings.suggestions.clone()}
                    hidden={!expanded}>
                    { for options }
                </ul>
            </div>
            <p class="tg-status" role="status" aria-live="polite">{ status }</p>
        </div>
    }
}

/// What the status line says: the number of suggestions, or that nothing matches.
fn status_text(content: &ContentRef, state: &LookupState) -> String {
    let strings = &content.strings;
    let query = state.query.trim();
    if query.is_empty() {
        return String::new();
    }
    if state.chosen {
        return fill(&strings.card_shown, &[("drug", query)]);
    }
    match state.hits.len() {
        0 => {
            let mut echo: String = query
                .chars()
                .filter(|c| !c.is_control())
                .take(ECHO_CHARS)
                .collect();
            if query.chars().count() > ECHO_CHARS {
                echo.push('…');
            }
            fill(&strings.no_match, &[("query", &echo)])
        }
        1 => strings.one_result.clone(),
        n => fill(&strings.many_results, &[("count", &n.to_string())]),
    }
}

/// One suggestion: the generic name first, then the name that matched, with its kind.
fn suggestion(content: &ContentRef, hit: &DrugHit) -> Html {
    let drug = &content.drugs[hit.drug];
    match hit.synonym {
        None => html! { <span class="tg-option-name">{ marked(&drug.name, &hit.ranges) }</span> },
        Some(s) => {
            let synonym = &drug.synonyms[s];
            html! {
                <>
                    <span class="tg-option-name">{ &drug.name }</span>
                    <span class="tg-option-via">
                        { " — " }{ marked(&synonym.name, &hit.ranges) }
                        { format!(" ({})", name_label(&content.strings, synonym)) }
                    </span>
                </>
            }
        }
    }
}

/// The label of a matched name: its language for a name in another
/// language ("French name"), else its kind ("brand name").
fn name_label(strings: &UiStrings, synonym: &Synonym) -> String {
    match synonym
        .lang
        .as_deref()
        .map(|lang| strings.language_name(lang))
    {
        Some(language) => fill(&strings.other_language_name, &[("language", language)]),
        None => strings.kind_label(synonym.kind).to_owned(),
    }
}

/// Text with the matched byte ranges wrapped in `<mark>`. Ranges that do not
/// fall on character boundaries are ignored rather than trusted.
pub fn marked(text: &str, ranges: &[Range<usize>]) -> Html {
    let mut parts = Vec::new();
    let mut at = 0;
    for range in ranges {
        let (Some(before), Some(hit)) = (text.get(at..range.start), text.get(range.clone())) else {
            continue;
        };
        if !before.is_empty() {
            parts.push(html! { { before } });
        }
        parts.push(html! { <mark>{ hit }</mark> });
        at = range.end;
    }
    parts.push(html! { { text.get(at..).unwrap_or_default() } });
    html! { <>{ for parts }</> }
}
