//! A widget's state, each part changed only by its named actions: the view
//! ([`ViewState`]: open sections, the drug card, highlights, scroll requests),
//! the drug lookup ([`LookupState`]) and the help bubbles ([`TipState`]).

use std::rc::Rc;

use yew::Reducible;

use tg_lookup::DrugHit;

/// What a widget shows right now.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// Per section, in page order: open or not.
    pub open: Vec<bool>,
    /// A section to bring into view after the next render.
    pub scroll_to: Option<usize>,
    /// The drug whose card shows, by index into the content's drugs.
    pub drug: Option<usize>,
    /// The drug whose mentions in the text are highlighted.
    pub highlight: Option<usize>,
    /// Bring the drug card into view after the next render.
    pub scroll_to_card: bool,
}

/// Everything that can change the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Open a closed section or close an open one.
    Toggle(usize),
    /// Open a section and bring it into view (deep link).
    Reveal(usize),
    /// Open (`true`) or close (`false`) one section, without scrolling (a host's script).
    Set(usize, bool),
    /// Open every section.
    OpenAll,
    /// Close every section.
    CloseAll,
    /// The requested scroll has happened.
    Scrolled,
    /// Show a drug's card (chosen in the lookup or by a link).
    ShowDrug(usize),
    /// Show a drug's card and bring it into view (deep link, inline link).
    RevealDrug(usize),
    /// Close the drug card and clear highlighted mentions.
    CloseDrug,
    /// Open a section where a drug is mentioned, bring it into view and highlight the drug.
    GoToMention {
        /// Index of the drug.
        drug: usize,
        /// Index of the section.
        section: usize,
    },
}

impl ViewState {
    /// A state with the given sections open.
    pub fn new(open: Vec<bool>) -> Self {
        ViewState {
            open,
            ..ViewState::default()
        }
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
            Action::Set(i, value) => {
                if let Some(open) = state.open.get_mut(i) {
                    *open = value;
                }
            }
            Action::OpenAll => state.open.iter_mut().for_each(|o| *o = true),
            Action::CloseAll => state.open.iter_mut().for_each(|o| *o = false),
            Action::Scrolled => {
                state.scroll_to = None;
                state.scroll_to_card = false;
            }
            Action::ShowDrug(drug) => {
                state.drug = Some(drug);
                state.highlight = None;
            }
            Action::RevealDrug(drug) => {
                state.drug = Some(drug);
                state.highlight = None;
                state.scroll_to_card = true;
            }
            Action::CloseDrug => {
                state.drug = None;
                state.highlight = None;
            }
            Action::GoToMention { drug, section } => {
                if let Some(open) = state.open.get_mut(section) {
                    *open = true;
                    state.scroll_to = Some(section);
                    state.highlight = Some(drug);
                }
            }
        }
        Rc::new(state)
    }
}

/// What the drug lookup shows right now.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LookupState {
    /// The text in the field.
    pub query: String,
    /// Suggestions for that text, best first.
    pub hits: Vec<DrugHit>,
    /// The suggestion under the keyboard cursor.
    pub active: Option<usize>,
    /// Whether the suggestions list is shown.
    pub expanded: bool,
    /// Whether the text is a chosen drug's name (not typed).
    pub chosen: bool,
}

/// Everything that can change the lookup.
#[derive(Clone, Debug, PartialEq)]
pub enum LookupAction {
    /// The reader typed; the suggestions for the new text.
    Typed {
        /// The new text.
        query: String,
        /// Its suggestions.
        hits: Vec<DrugHit>,
    },
    /// Down arrow: the next suggestion (wrapping), opening the list if closed.
    Next,
    /// Up arrow: the previous suggestion (wrapping), opening the list if closed.
    Previous,
    /// Alt+Down: open the list without choosing.
    Expand,
    /// Home or End: back to editing the text.
    Unselect,
    /// Escape or leaving the field: hide the list.
    Collapse,
    /// Escape with the list hidden: empty the field.
    Clear,
    /// A drug was chosen: its generic name goes into the field.
    Chosen(String),
}

impl Reducible for LookupState {
    type Action = LookupAction;

    fn reduce(self: Rc<Self>, action: LookupAction) -> Rc<Self> {
        let mut state = Rc::unwrap_or_clone(self);
        let count = state.hits.len();
        match action {
            LookupAction::Typed { query, hits } => {
                state.expanded = !hits.is_empty();
                state.active = None;
                state.chosen = false;
                state.query = query;
                state.hits = hits;
            }
            LookupAction::Next | LookupAction::Previous if count == 0 => {}
            LookupAction::Next => {
                state.active = Some(match (state.expanded, state.active) {
                    (true, Some(i)) => (i + 1) % count,
                    _ => 0,
                });
                state.expanded = true;
            }
            LookupAction::Previous => {
                state.active = Some(match (state.expanded, state.active) {
                    (true, Some(i)) => (i + count - 1) % count,
                    _ => count - 1,
                });
                state.expanded = true;
            }
            LookupAction::Expand => state.expanded = count > 0,
            LookupAction::Unselect => state.active = None,
            LookupAction::Collapse => {
                state.expanded = false;
                state.active = None;
            }
            LookupAction::Clear => state = LookupState::default(),
            LookupAction::Chosen(name) => {
                state.query = name;
                state.expanded = false;
                state.active = None;
                state.chosen = true;
            }
        }
        Rc::new(state)
    }
}

/// A term with inline help: a drug or a glossary entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TermKey {
    /// Index into the content's drugs.
    Drug(usize),
    /// Index into the content's glossary.
    Glossary(usize),
}

/// Which help bubble of a section shows (at most one).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TipState {
    /// The term whose bubble shows.
    pub open: Option<TermKey>,
    /// Where it shows when a later mention opened it: that mention's number in
    /// the section, and the bubble's top in pixels from the panel's top.
    /// `None`: under the term's first mention.
    pub at: Option<(usize, i32)>,
}

/// Everything that can change which bubble shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TipAction {
    /// The first mention's button was pressed: open its bubble under it, or close it.
    Toggle(TermKey),
    /// A later mention was clicked or tapped: open the bubble under it, or
    /// close it if it already shows there.
    OpenAt {
        /// The term.
        term: TermKey,
        /// The mention's number in the section.
        mention: usize,
        /// The bubble's top in pixels from the panel's top.
        top: i32,
    },
    /// Close this term's bubble (Escape, a click elsewhere, focus leaving); another term's stays.
    Close(TermKey),
}

impl Reducible for TipState {
    type Action = TipAction;

    fn reduce(self: Rc<Self>, action: TipAction) -> Rc<Self> {
        let shown = |term| self.open == Some(term);
        let next = match action {
            TipAction::Toggle(term) if shown(term) && self.at.is_none() => TipState::default(),
            TipAction::Toggle(term) => TipState {
                open: Some(term),
                at: None,
            },
            TipAction::OpenAt { term, mention, .. }
                if shown(term) && self.at.is_some_and(|(m, _)| m == mention) =>
            {
                TipState::default()
            }
            TipAction::OpenAt { term, mention, top } => TipState {
                open: Some(term),
                at: Some((mention, top)),
            },
            TipAction::Close(term) if shown(term) => TipState::default(),
            TipAction::Close(_) => *self,
        };
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(state: TipState, actions: &[TipAction]) -> TipState {
        *actions
            .iter()
            .fold(Rc::new(state), |state, &action| state.reduce(action))
    }

    const A: TermKey = TermKey::Drug(3);
    const B: TermKey = TermKey::Glossary(3);

    #[test]
    fn the_button_toggles_its_bubble_and_replaces_another() {
        let open_a = TipState {
            open: Some(A),
            at: None,
        };
        assert_eq!(after(TipState::default(), &[TipAction::Toggle(A)]), open_a);
        assert_eq!(
            after(
                TipState::default(),
                &[TipAction::Toggle(A), TipAction::Toggle(A)]
            ),
            TipState::default()
        );
        assert_eq!(
            after(open_a, &[TipAction::Toggle(B)]).open,
            Some(B),
            "one bubble at a time"
        );
    }

    #[test]
    fn a_later_mention_opens_the_same_bubble_under_itself() {
        let at = TipAction::OpenAt {
            term: A,
            mention: 7,
            top: 120,
        };
        let state = after(TipState::default(), &[at]);
        assert_eq!(state.open, Some(A));
        assert_eq!(state.at, Some((7, 120)));
        assert_eq!(
            after(state, &[at]),
            TipState::default(),
            "a second tap closes"
        );
        assert_eq!(
            after(state, &[TipAction::Toggle(A)]).at,
            None,
            "the button moves it under the first mention"
        );
    }

    #[test]
    fn closing_one_term_leaves_another_open() {
        let state = after(TipState::default(), &[TipAction::Toggle(B)]);
        assert_eq!(after(state, &[TipAction::Close(A)]), state);
        assert_eq!(after(state, &[TipAction::Close(B)]), TipState::default());
    }

    fn view(open: &[bool], action: Action) -> ViewState {
        Rc::new(ViewState::new(open.to_vec()))
            .reduce(action)
            .as_ref()
            .clone()
    }

    #[test]
    fn sections_toggle_open_and_close_all() {
        assert_eq!(view(&[false, false], Action::Toggle(1)).open, [false, true]);
        assert_eq!(view(&[false, true], Action::OpenAll).open, [true, true]);
        assert_eq!(
            view(&[false, true], Action::Set(0, true)).open,
            [true, true]
        );
        assert_eq!(
            view(&[false, true], Action::Set(1, false)).open,
            [false, false]
        );
        assert_eq!(view(&[true], Action::Set(3, false)).open, [true]);
        assert!(view(&[true, true], Action::CloseAll).all_closed());
        // An index past the end changes nothing.
        assert_eq!(view(&[false], Action::Toggle(5)).open, [false]);
    }

    #[test]
    fn a_deep_link_opens_and_scrolls_once() {
        let state = view(&[false, false], Action::Reveal(1));
        assert_eq!((state.open[1], state.scroll_to), (true, Some(1)));
        let state = Rc::new(state).reduce(Action::Scrolled);
        assert_eq!(state.scroll_to, None);
    }

    #[test]
    fn going_to_a_mention_opens_its_section_and_highlights_the_drug() {
        let state = view(
            &[false, false],
            Action::GoToMention {
                drug: 3,
                section: 0,
            },
        );
        assert_eq!((state.open[0], state.highlight), (true, Some(3)));
        let state = Rc::new(state).reduce(Action::CloseDrug);
        assert_eq!((state.drug, state.highlight), (None, None));
    }

    fn lookup(hits: usize) -> Rc<LookupState> {
        let hit = DrugHit {
            drug: 0,
            synonym: None,
            kind: tg_lookup::MatchKind::Exact,
            ranges: Vec::new(),
        };
        Rc::new(LookupState::default()).reduce(LookupAction::Typed {
            query: "x".into(),
            hits: vec![hit; hits],
        })
    }

    #[test]
    fn arrows_wrap_through_suggestions() {
        let state = lookup(3);
        assert!(state.expanded);
        let state = state.reduce(LookupAction::Previous);
        assert_eq!(state.active, Some(2));
        let state = state.reduce(LookupAction::Next);
        assert_eq!(state.active, Some(0));
        let state = state.reduce(LookupAction::Collapse);
        assert_eq!((state.expanded, state.active), (false, None));
    }

    #[test]
    fn no_suggestions_keep_the_list_closed_and_escape_clears() {
        let state = lookup(0).reduce(LookupAction::Next);
        assert_eq!((state.expanded, state.active), (false, None));
        let state = lookup(2).reduce(LookupAction::Clear);
        assert_eq!(*state, LookupState::default());
        let state = lookup(2).reduce(LookupAction::Chosen("imatinib".into()));
        assert_eq!((state.query.as_str(), state.chosen), ("imatinib", true));
    }
}
