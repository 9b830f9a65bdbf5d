//! The accordion: open/close-all controls and the sections, with arrow-key
//! movement between section headers (WAI-ARIA accordion pattern).

use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use super::Section;
use crate::dom;
use crate::mode::RenderMode;
use crate::shared::ContentRef;
use crate::state::ViewState;

/// Data attribute on each header button holding its section index.
pub const HEADER_INDEX_ATTR: &str = "data-tg-index";

/// The class of the toolbar with the open-all and close-all buttons.
pub const TOOLBAR_CLASS: &str = "tg-toolbar";

/// What [`toolbar`] shows.
#[derive(Clone, PartialEq, Properties)]
pub struct ToolbarProps {
    /// Whether every section is open (open-all is then disabled).
    pub all_open: bool,
    /// Whether every section is closed (close-all is then disabled).
    pub all_closed: bool,
    /// The open-all button's text.
    pub expand_all: AttrValue,
    /// The close-all button's text.
    pub collapse_all: AttrValue,
    /// Open-all (`true`) or close-all (`false`) was pressed.
    pub onall: Callback<bool>,
}

/// The open-all and close-all buttons. A function, not a component: the
/// build renders it alone too (`ssr::open_parts`), and a component of its
/// own would cost the browser build bytes for nothing.
pub fn toolbar(props: &ToolbarProps) -> Html {
    let open_all = props.onall.reform(|_| true);
    let close_all = props.onall.reform(|_| false);
    html! {
        <div class={TOOLBAR_CLASS} part="toolbar">
            <button type="button" class="tg-button" data-tg-action="expand-all"
                aria-disabled={props.all_open.then_some("true")} onclick={open_all}>
                { props.expand_all.clone() }
            </button>
            <button type="button" class="tg-button" data-tg-action="collapse-all"
                aria-disabled={props.all_closed.then_some("true")} onclick={close_all}>
                { props.collapse_all.clone() }
            </button>
        </div>
    }
}

/// Props of [`SectionList`].
#[derive(Clone, PartialEq, Properties)]
pub struct SectionListProps {
    /// What to show.
    pub content: ContentRef,
    /// Which sections are open.
    pub state: ViewState,
    /// Heading level of section titles (1–6).
    pub heading_level: u8,
    /// Prefix of element ids.
    pub id_prefix: AttrValue,
    /// A header was activated: the section index.
    pub ontoggle: Callback<usize>,
    /// Open-all (`true`) or close-all (`false`) was pressed.
    pub onall: Callback<bool>,
    /// The requested scroll into view has been done.
    pub onscrolled: Callback<()>,
    /// The reader asked for a drug's card from the text.
    pub ondrug: Callback<usize>,
}

/// All sections with their controls.
#[function_component]
pub fn SectionList(props: &SectionListProps) -> Html {
    let count = props.content.sections.len();
    // The text of closed sections (for find-in-page and printing) is rendered
    // after the headers, one section per task, so that no task of the page's
    // main thread grows long on a slow phone.
    let rendered_closed = use_state_eq(|| 0usize);
    {
        let rendered_closed = rendered_closed.clone();
        use_effect_with(*rendered_closed, move |&done| {
            let timeout = (done < count).then(|| {
                gloo::timers::callback::Timeout::new(0, move || rendered_closed.set(done + 1))
            });
            move || drop(timeout)
        });
    }
    let refs = use_memo(count, |&count| {
        (0..count).map(|_| NodeRef::default()).collect::<Vec<_>>()
    });

    {
        let (refs, onscrolled) = (refs.clone(), props.onscrolled.clone());
        use_effect_with(props.state.scroll_to, move |&target| {
            if let Some(element) = target
                .and_then(|i| refs.get(i))
                .and_then(|r| r.cast::<HtmlElement>())
            {
                dom::scroll_into_view(&element);
                // Keyboard and screen-reader users continue from the section they were sent to.
                dom::focus_without_scrolling(&element);
                onscrolled.emit(());
            }
        });
    }

    let onkeydown = {
        let refs = refs.clone();
        Callback::from(move |event: KeyboardEvent| {
            let Some(current) = event
                .target_dyn_into::<HtmlElement>()
                .and_then(|t| t.get_attribute(HEADER_INDEX_ATTR))
                .and_then(|i| i.parse::<usize>().ok())
            else {
                return;
            };
            let last = refs.len().saturating_sub(1);
            let next = match event.key().as_str() {
                "ArrowDown" => {
                    if current >= last {
                        0
                    } else {
                        current + 1
                    }
                }
                "ArrowUp" => {
                    if current == 0 {
                        last
                    } else {
                        current - 1
                    }
                }
                "Home" => 0,
                "End" => last,
                _ => return,
            };
            event.prevent_default();
            if let Some(button) = refs.get(next).and_then(|r| r.cast::<HtmlElement>()) {
                let _ = button.focus();
            }
        })
    };

    let strings = &props.content.strings;
    let mode = use_context::<RenderMode>().unwrap_or_default();
    html! {
        <div class="tg-sections">
            if mode.is_interactive() {
                { toolbar(&ToolbarProps {
                    all_open: props.state.all_open(),
                    all_closed: props.state.all_closed(),
                    expand_all: strings.expand_all.clone().into(),
                    collapse_all: strings.collapse_all.clone().into(),
                    onall: props.onall.clone(),
                }) }
            }
            <div class="tg-accordion" {onkeydown}>
                { for (0..count).map(|index| html! {
                    <Section
                        key={index}
                        content={props.content.clone()}
                        {index}
                        open={props.state.open.get(index).copied().unwrap_or(false)}
                        heading_level={props.heading_level}
                        id_prefix={props.id_prefix.clone()}
                        ontoggle={props.ontoggle.clone()}
                        button_ref={refs[index].clone()}
                        highlight={props.state.highlight}
                        ondrug={props.ondrug.clone()}
                        render_closed={index < *rendered_closed}
                    />
                }) }
            </div>
        </div>
    }
}
