//! The root component: owns the view state and wires deep links.

use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

use crate::content::Content;

use super::components::SectionList;
use super::dom::{self, HASH_PREFIX};
use super::options::Options;
use super::state::{Action, ViewState};
use super::text::fill;

/// Shared, immutable content; equal when it is the same allocation, so props compare cheaply.
#[derive(Clone, Debug)]
pub struct ContentRef(pub Rc<Content>);

impl PartialEq for ContentRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for ContentRef {
    type Target = Content;
    fn deref(&self) -> &Content {
        &self.0
    }
}

/// Props of [`App`].
#[derive(Clone, PartialEq, Properties)]
pub struct AppProps {
    /// What to show.
    pub content: ContentRef,
    /// How the host page set this widget up.
    #[prop_or_default]
    pub options: Options,
}

/// One whole widget: title, sections, footer.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let content = props.content.clone();
    let options = &props.options;
    let state = {
        let (content, open) = (content.clone(), options.open.clone());
        use_reducer(move || ViewState::new(content.sections.iter().map(|s| open.opens(&s.id)).collect()))
    };
    use_hash_link(&content, state.dispatcher(), options.follow_hash);

    let ontoggle = {
        let (state, content, follow_hash) = (state.clone(), content.clone(), options.follow_hash);
        Callback::from(move |index: usize| {
            let opening = !state.open.get(index).copied().unwrap_or(true);
            state.dispatch(Action::Toggle(index));
            if follow_hash {
                let id = &content.sections[index].id;
                if opening {
                    dom::replace_hash(Some(&format!("{HASH_PREFIX}{id}")));
                } else if dom::current_hash() == format!("{HASH_PREFIX}{id}") {
                    dom::replace_hash(None);
                }
            }
        })
    };
    let onscrolled = {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(Action::Scrolled))
    };
    let onall = {
        let dispatcher = state.dispatcher();
        Callback::from(move |open: bool| dispatcher.dispatch(if open { Action::OpenAll } else { Action::CloseAll }))
    };

    let meta = &content.meta;
    let version = fill(
        &content.strings.version_line,
        &[("version", &meta.version), ("date", &meta.last_reviewed)],
    );
    html! {
        <div class="tg-root" lang={meta.language.clone()} part="root">
            <header class="tg-header" part="header">
                <p class="tg-title">{ &meta.title }</p>
                if !meta.intro.is_empty() {
                    <p class="tg-intro">{ &meta.intro }</p>
                }
            </header>
            <SectionList
                content={props.content.clone()}
                state={(*state).clone()}
                heading_level={options.heading_level}
                id_prefix={AttrValue::from(options.id_prefix.clone())}
                {ontoggle}
                {onall}
                {onscrolled}
            />
            <footer class="tg-footer" part="footer">{ version }</footer>
        </div>
    }
}

/// Opens the section named by the URL hash (`#tg-<section-id>`) at start and
/// whenever the hash changes.
#[hook]
fn use_hash_link(content: &ContentRef, dispatcher: UseReducerDispatcher<ViewState>, enabled: bool) {
    let content = content.clone();
    use_effect_with(enabled, move |&enabled| {
        let reveal = move || {
            let hash = dom::current_hash();
            let Some(id) = hash.strip_prefix(HASH_PREFIX) else { return };
            if let Some(index) = content.sections.iter().position(|s| s.id == id) {
                dispatcher.dispatch(Action::Reveal(index));
            }
        };
        let listener = enabled.then(|| {
            reveal();
            gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| reveal())
        });
        move || drop(listener)
    });
}
