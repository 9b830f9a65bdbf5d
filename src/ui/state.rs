//! View state: which sections are open, changed only by named actions.

use std::rc::Rc;

use yew::Reducible;

/// What a widget shows right now.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// Per section, in page order: open or not.
    pub open: Vec<bool>,
    /// A section to bring into view after the next render.
    pub scroll_to: Option<usize>,
}

/// Everything that can change the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Open a closed section or close an open one.
    Toggle(usize),
    /// Open a section and bring it into view (deep link).
    Reveal(usize),
    /// Open every section.
    OpenAll,
    /// Close every section.
    CloseAll,
    /// The requested scroll has happened.
    Scrolled,
}

impl ViewState {
    /// A state with the given sections open.
    pub fn new(open: Vec<bool>) -> Self {
        ViewState { open, scroll_to: None }
    }

    /// Whether every section is open.
    pub fn all_open(&self) -> bool {
        self.open.iter().all(|&o| o)
    }

    /// Whether every section is closed.
    pub fn all_closed(&self) -> bool {
        !self.open.iter().any(|&o| o)
    }
}

impl Reducible for ViewState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = Rc::unwrap_or_clone(self);
        match action {
            Action::Toggle(i) => {
                if let Some(open) = state.open.get_mut(i) {
                    *open = !*open;
                }
            }
            Action::Reveal(i) => {
                if let Some(open) = state.open.get_mut(i) {
                    *open = true;
                    state.scroll_to = Some(i);
                }
            }
            Action::OpenAll => state.open.iter_mut().for_each(|o| *o = true),
            Action::CloseAll => state.open.iter_mut().for_each(|o| *o = false),
            Action::Scrolled => state.scroll_to = None,
        }
        Rc::new(state)
    }
}
