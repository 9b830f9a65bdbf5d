//! The root component: owns the view state and wires deep links.

use std::rc::Rc;

use yew::prelude::*;

use tg_content::{name_key, Content, Source};
use tg_lookup::DrugIndex;

use super::components::{DrugCard, Lookup, Notice, NoticeBox, SectionList};
use super::dom;
use super::mode::RenderMode;
use super::options::Options;
use super::shared::{ContentRef, Shared};
use super::state::{Action, ViewState};
use super::text::fill;

/// Props of [`App`].
#[derive(Clone, PartialEq, Properties)]
pub struct AppProps {
    /// What to show; `None` while it is loading, or when it could not be used.
    pub content: Option<ContentRef>,
    /// A problem to tell the reader and the web staff about (content that could not be used).
    #[prop_or_default]
    pub notice: Option<Shared<Notice>>,
    /// How the host page set this widget up.
    #[prop_or_default]
    pub options: Options,
    /// Shown while the content is on its way, in the reader's language (`strings.loading`).
    #[prop_or_default]
    pub loading: AttrValue,
    /// The language of the loading line and of a notice shown without content.
    #[prop_or_default]
    pub language: AttrValue,
    /// Receives the guide's [`Control`] each time a guide is shown.
    #[prop_or_default]
    pub oncontrol: Option<Callback<Control>>,
    /// Told of every [`Change`] of the view, whoever made it.
    #[prop_or_default]
    pub onchange: Option<Callback<Change>>,
}

impl AppProps {
    /// Props with nothing to show yet: the loading line `text`, no notice, default options.
    pub fn loading(text: impl Into<AttrValue>) -> Self {
        AppProps {
            content: None,
            notice: None,
            options: Options::default(),
            loading: text.into(),
            language: AttrValue::default(),
            oncontrol: None,
            onchange: None,
        }
    }
}

/// A change of the view that a host page may hear of. It never carries what
/// the reader typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// A section opened or closed.
    Section {
        /// The section's id.
        id: String,
        /// Whether it is now open.
        open: bool,
    },
    /// A drug's card is shown; its generic name.
    Drug(String),
}

/// Drives a shown guide from outside its components (a host page's script):
/// the same actions the reader's own controls send.
#[derive(Clone)]
pub struct Control {
    content: ContentRef,
    index: Shared<DrugIndex>,
    dispatcher: UseReducerDispatcher<ViewState>,
}

impl Control {
    /// Opens or closes the section `id`; `false` when the guide has no such section.
    pub fn set_section(&self, id: &str, open: bool) -> bool {
        let Some(index) = self.content.sections.iter().position(|s| s.id == id) else {
            return false;
        };
        self.dispatcher.dispatch(Action::Set(index, open));
        true
    }

    /// Opens (`true`) or closes every section.
    pub fn set_all(&self, open: bool) {
        self.dispatcher.dispatch(if open {
            Action::OpenAll
        } else {
            Action::CloseAll
        });
    }

    /// Shows the card of the drug the lookup ranks first for `name` (any of
    /// its names), and returns its generic name; `None` when nothing matches.
    pub fn show_drug(&self, name: &str) -> Option<String> {
        let hit = self.index.search(name.trim(), 1).into_iter().next()?;
        let drug = self.content.drugs.get(hit.drug)?;
        self.dispatcher.dispatch(Action::RevealDrug(hit.drug));
        Some(drug.name.clone())
    }
}

/// One whole widget: a loading line until the content is there, then the
/// guide; a notice alone when the content could not be used and nothing stands in.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let language = (!props.language.is_empty()).then(|| props.language.clone());
    match (&props.content, &props.notice) {
        (None, None) => html! {
            <div class="tg-root" lang={language} part="root">
                <p class="tg-loading" role="status">{ props.loading.clone() }</p>
            </div>
        },
        (None, Some(notice)) => html! {
            <div class="tg-root" lang={language} part="root">
                <NoticeBox notice={notice.clone()} />
            </div>
        },
        // Keyed by the content itself: other content is a new guide, with a view state of its own.
        (Some(content), _) => html! {
            <Guide key={format!("{:p}", Rc::as_ptr(&content.0))} content={content.clone()}
                notice={props.notice.clone()} options={props.options.clone()}
                oncontrol={props.oncontrol.clone()} onchange={props.onchange.clone()} />
        },
    }
}

/// Props of [`Guide`].
#[derive(Clone, PartialEq, Properties)]
pub struct GuideProps {
    /// What to show.
    pub content: ContentRef,
    /// A problem to show above the guide.
    #[prop_or_default]
    pub notice: Option<Shared<Notice>>,
    /// How the host page set this widget up.
    #[prop_or_default]
    pub options: Options,
    /// Receives the guide's [`Control`] once it is shown.
    #[prop_or_default]
    pub oncontrol: Option<Callback<Control>>,
    /// Told of every [`Change`] of the view.
    #[prop_or_default]
    pub onchange: Option<Callback<Change>>,
}

/// The guide: title, lookup, drug card, sections, footer.
#[function_component]
pub fn Guide(props: &GuideProps) -> Html {
    let content = props.content.clone();
    let options = &props.options;
    let state = {
        let (content, open) = (content.clone(), options.open.clone());
        use_reducer(move || {
            ViewState::new(content.sections.iter().map(|s| open.opens(&s.id)).collect())
        })
    };
    use_hash_link(&content, state.dispatcher(), options.hash_prefix.clone());

    // The callbacks are made once (per content and options), not on every
    // render: a new callback is a changed prop, and would make every section
    // and its text render again when one section opens.
    let open_now = use_mut_ref(Vec::new);
    open_now.borrow_mut().clone_from(&state.open);
    let dispatcher = state.dispatcher();
    let ontoggle = {
        let (dispatcher, open_now) = (dispatcher.clone(), open_now.clone());
        use_memo(
            (content.clone(), options.hash_prefix.clone()),
            move |(content, hash_prefix)| {
                let (content, hash_prefix) = (content.clone(), hash_prefix.clone());
                Callback::from(move |index: usize| {
                    let opening = !open_now.borrow().get(index).copied().unwrap_or(true);
                    dispatcher.dispatch(Action::Toggle(index));
                    // The address follows once the section is painted open:
                    // changing it costs milliseconds the tap need not wait for.
                    if let Some(prefix) = &hash_prefix {
                        let fragment = format!("{prefix}{}", content.sections[index].id);
                        dom::after_paint(move || {
                            if opening {
                                dom::replace_hash(Some(&fragment));
                            } else if dom::current_hash() == fragment {
                                dom::replace_hash(None);
                            }
                        });
                    }
                })
            },
        )
    };
    let callbacks = {
        let dispatcher = dispatcher.clone();
        use_memo((), move |()| GuideCallbacks {
            onscrolled: send(&dispatcher, |()| Action::Scrolled),
            ondrug: send(&dispatcher, Action::ShowDrug),
            onreveal: send(&dispatcher, Action::RevealDrug),
            onclose: send(&dispatcher, |()| Action::CloseDrug),
            onall: send(&dispatcher, |open: bool| {
                if open {
                    Action::OpenAll
                } else {
                    Action::CloseAll
                }
            }),
        })
    };
    let GuideCallbacks {
        onscrolled,
        ondrug,
        onreveal,
        onclose,
        onall,
    } = (*callbacks).clone();
    let ontoggle = (*ontoggle).clone();
    let index = use_memo(content.clone(), |content| {
        Shared(Rc::new(DrugIndex::new(content)))
    });
    {
        let control = props.oncontrol.clone().map(|to| {
            let control = Control {
                content: content.clone(),
                index: (*index).clone(),
                dispatcher: dispatcher.clone(),
            };
            move || to.emit(control)
        });
        use_effect_with(content.clone(), move |_| {
            if let Some(hand_over) = control {
                hand_over();
            }
        });
    }
    use_changes(&content, &state, props.onchange.clone());
    let card_ref = use_node_ref();
    {
        let (card_ref, dispatcher) = (card_ref.clone(), dispatcher.clone());
        use_effect_with((state.scroll_to_card, state.drug), move |&(scroll, _)| {
            if let Some(card) = card_ref.cast::<web_sys::Element>().filter(|_| scroll) {
                dom::scroll_into_view(&card);
                dispatcher.dispatch(Action::Scrolled);
            }
        });
    }

    let meta = &content.meta;
    let version = fill(&content.strings.version_line, &[("version", &meta.version)]);
    let interactive = options.mode.is_interactive();
    let listen = interactive.then_some(&content.strings);
    html! {
        <ContextProvider<RenderMode> context={options.mode}>
        // The words of the Listen controls, for the read-aloud module (components/listen.rs).
        <div class="tg-root" lang={meta.language.clone()} part="root"
            data-listen-controls={listen.map(|s| s.listen_controls.clone())}
            data-listen-pause={listen.map(|s| s.listen_pause.clone())}
            data-listen-resume={listen.map(|s| s.listen_resume.clone())}
            data-listen-stop={listen.map(|s| s.listen_stop.clone())}
            data-listen-slower={listen.map(|s| s.listen_slower.clone())}>
            if let Some(notice) = &props.notice {
                <NoticeBox notice={notice.clone()} />
            }
            <header class="tg-header" part="header">
                <p class="tg-title">{ &meta.title }</p>
                if !meta.intro.is_empty() {
                    <p class="tg-intro">{ &meta.intro }</p>
                }
            </header>
            if interactive {
                <Lookup content={props.content.clone()} index={(*index).clone()}
                    id_prefix={AttrValue::from(options.id_prefix.clone())} {ondrug} />
            }
            if let Some(drug) = state.drug.filter(|_| interactive) {
                <DrugCard content={props.content.clone()} {drug} heading_level={options.heading_level}
                    id_prefix={AttrValue::from(options.id_prefix.clone())} {onclose} {card_ref}
                    onmention={send(&dispatcher, move |section| Action::GoToMention { drug, section })} />
            }
            <SectionList
                content={props.content.clone()}
                state={(*state).clone()}
                heading_level={options.heading_level}
                id_prefix={AttrValue::from(options.id_prefix.clone())}
                {ontoggle}
                {onall}
                {onscrolled}
                ondrug={onreveal}
            />
            // The review, the source, then the widget's version (Cargo.toml) beside the content's.
            <footer class="tg-footer" part="footer">
                <p class="tg-footer-review" data-review={review_state(&content)}>{ review_line(&content) }</p>
                if let Some(source) = &meta.source {
                    <p class="tg-footer-source">{ source_line(&content, source) }</p>
                }
                <p class="tg-footer-version">
                    { version }{ " · treatment-guide " }{ env!("CARGO_PKG_VERSION") }
                </p>
            </footer>
        </div>
        </ContextProvider<RenderMode>>
    }
}

/// `template` with its `{name}` replaced by `node` (and left as text when it has none).
fn with_node(template: &str, name: &str, node: Html) -> Html {
    match template.split_once(&format!("{{{name}}}")) {
        Some((before, after)) => html! { <>{ before }{ node }{ after }</> },
        None => html! { { template } },
    }
}

/// What the footer says of the medical review, in the reader's language,
/// every date inside `<time>`: "Medically reviewed on {date}" only while the
/// text is the one reviewed (the tools compare fingerprints and seal the
/// verdict, see `tg_content::review`); otherwise that this version has not
/// had a review, and when the last one was. A translation first says what it
/// was translated from (an earlier version, when its original has changed
/// since) and whether that text was reviewed, then its own review.
fn review_line(content: &Content) -> Html {
    let (meta, strings) = (&content.meta, &content.strings);
    let Some(translation) = &meta.translation else {
        return own_review(content);
    };
    let language = strings.language_name(&translation.from_language);
    let origin = |template: &str| {
        fill(
            template,
            &[
                ("language", language),
                ("version", &translation.from_version),
            ],
        )
    };
    let from = if translation.behind {
        html! { { origin(&strings.translation_behind_line) } }
    } else if meta.review.is_some() {
        html! { { origin(&strings.translation_source_line) } }
    } else if let Some(reviewed) = &translation.from_reviewed {
        with_node(
            &origin(&strings.translation_line),
            "date",
            date(strings, reviewed),
        )
    } else {
        html! { { origin(&strings.translation_unreviewed_line) } }
    };
    let own = match meta.review {
        Some(_) => own_review(content),
        None => html! { { &strings.translation_own_line } },
    };
    html! { <>{ from }{ " " }{ own }</> }
}

/// A date in the reader's words inside `<time>`.
fn date(strings: &tg_content::UiStrings, iso: &str) -> Html {
    html! { <time datetime={iso.to_owned()}>{ strings.format_date(iso) }</time> }
}

/// The review of the text itself: reviewed on a date, changed since, or never.
fn own_review(content: &Content) -> Html {
    let (meta, strings) = (&content.meta, &content.strings);
    let updated = meta.updated.as_ref().map(|iso| {
        html! { <>{ with_node(&strings.updated_line, "date", date(strings, iso)) }{ " " }</> }
    });
    match &meta.review {
        Some(review) if review.current => {
            with_node(&strings.reviewed_line, "date", date(strings, &review.date))
        }
        Some(review) => html! { <>
            { for updated }
            { with_node(&strings.changed_line, "date", date(strings, &review.date)) }
        </> },
        None => html! { <>{ for updated }{ &strings.unreviewed_line }</> },
    }
}

/// The footer's `data-review`: `reviewed` while the text is the one
/// reviewed, `changed` once it has changed since, `none` without a review.
fn review_state(content: &Content) -> &'static str {
    match &content.meta.review {
        Some(review) if review.current => "reviewed",
        Some(_) => "changed",
        None => "none",
    }
}

/// Where the text comes from: its words, a link when the content gives one.
fn source_line(content: &Content, source: &Source) -> Html {
    let node = match &source.href {
        Some(href) => html! { <a class="tg-link" href={href.clone()}>{ &source.text }</a> },
        None => html! { { &source.text } },
    };
    with_node(&content.strings.source_line, "source", node)
}

/// The callbacks [`Guide`] hands its children, made once.
#[derive(Clone)]
struct GuideCallbacks {
    onscrolled: Callback<()>,
    ondrug: Callback<usize>,
    onreveal: Callback<usize>,
    onclose: Callback<()>,
    onall: Callback<bool>,
}

/// A callback that turns its argument into an action for the view state.
fn send<T: 'static>(
    dispatcher: &UseReducerDispatcher<ViewState>,
    to_action: impl Fn(T) -> Action + 'static,
) -> Callback<T> {
    let dispatcher = dispatcher.clone();
    Callback::from(move |value| dispatcher.dispatch(to_action(value)))
}

/// Tells `onchange` of each section that opened or closed and each drug card
/// shown since the last render (not of the first render's state). The
/// read-aloud module hears of them too: opening a section or showing a
/// drug's card stops what is read on the page.
#[hook]
fn use_changes(content: &ContentRef, state: &ViewState, onchange: Option<Callback<Change>>) {
    let seen = use_mut_ref(|| None::<(Vec<bool>, Option<usize>)>);
    let content = content.clone();
    use_effect_with((state.open.clone(), state.drug), move |(open, drug)| {
        let mut seen = seen.borrow_mut();
        if let (Some(onchange), Some((was_open, was_drug))) = (&onchange, seen.as_ref()) {
            for ((section, &now), &before) in content.sections.iter().zip(open).zip(was_open) {
                if now != before {
                    onchange.emit(Change::Section {
                        id: section.id.clone(),
                        open: now,
                    });
                }
            }
            if let Some(shown) = drug.filter(|_| drug != was_drug) {
                if let Some(d) = content.drugs.get(shown) {
                    onchange.emit(Change::Drug(d.name.clone()));
                }
            }
        }
        *seen = Some((open.clone(), *drug));
    });
}

/// Opens the section named by the URL hash (`#tg-<section-id>`), or the card
/// of the drug it names (`#tg-drug-<generic-name>`), at start and whenever the
/// hash changes. Only fragments with this widget's prefix count; `None` turns it off.
#[hook]
fn use_hash_link(
    content: &ContentRef,
    dispatcher: UseReducerDispatcher<ViewState>,
    prefix: Option<String>,
) {
    let content = content.clone();
    use_effect_with(prefix, move |prefix| {
        let prefix = prefix.clone();
        let enabled = prefix.is_some();
        let reveal = move || {
            let hash = dom::current_hash();
            let Some(id) = prefix.as_deref().and_then(|p| hash.strip_prefix(p)) else {
                return;
            };
            if let Some(index) = content.sections.iter().position(|s| s.id == id) {
                dispatcher.dispatch(Action::Reveal(index));
            } else if let Some(drug) = {
                // Compared by the one name key: case, accents and separators
                // do not matter (`drug-VinCristine`, `drug-straße`).
                // Any name of the drug counts, so the generic name in either
                // language works (`drug-daunorubicine`, `drug-daunorubicin`).
                let key = name_key(id);
                content.drugs.iter().position(|d| {
                    std::iter::once(&d.name)
                        .chain(d.synonyms.iter().map(|s| &s.name))
                        .any(|name| format!("drug{}", name_key(name)) == key)
                })
            } {
                dispatcher.dispatch(Action::RevealDrug(drug));
            }
        };
        let listener = enabled.then(|| {
            reveal();
            gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                reveal()
            })
        });
        move || drop(listener)
    });
}
