//! The component tree rendered to HTML natively (Yew `ssr`), checked against
//! the accessibility contract of DESIGN.md: roles, ids, `aria-*`, heading
//! levels and text. The same markup is what the build prerenders.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::rc::Rc;

use tg_content::toml_source::shipped;
use tg_content::SECTION_IDS;
use tg_ui::{AppProps, OpenSpec, Options, RenderMode, Shared};

/// One start tag: its name and attributes.
#[derive(Debug)]
struct Tag {
    name: String,
    attrs: HashMap<String, String>,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }
}

/// Every start tag of well-formed HTML as Yew writes it (attribute values in
/// double quotes, `"` escaped inside them).
fn tags(html: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        if rest.starts_with(['/', '!']) {
            continue;
        }
        let end = rest.find('>').expect("tags close");
        let inner = &rest[..end];
        let name_end = inner.find([' ', '/']).unwrap_or(inner.len());
        let mut attrs = HashMap::new();
        let mut a = &inner[name_end..];
        loop {
            a = a.trim_start_matches([' ', '/']);
            if a.is_empty() {
                break;
            }
            let key_end = a.find(['=', ' ']).unwrap_or(a.len());
            let key = a[..key_end].to_owned();
            a = &a[key_end..];
            if let Some(value) = a.strip_prefix("=\"") {
                let close = value.find('"').expect("attribute values close");
                attrs.insert(key, value[..close].to_owned());
                a = &value[close + 1..];
            } else {
                attrs.insert(key, String::new());
            }
        }
        out.push(Tag {
            name: inner[..name_end].to_owned(),
            attrs,
        });
    }
    out
}

fn render(options: Options) -> String {
    let props = AppProps {
        content: Some(Shared(Rc::new(shipped()))),
        notice: None,
        options,
        ..AppProps::loading("")
    };
    tg_ui::ssr::render(props)
}

fn by_id<'a>(tags: &'a [Tag], id: &str) -> &'a Tag {
    tags.iter()
        .find(|t| t.attr("id") == Some(id))
        .unwrap_or_else(|| panic!("an element has id {id}"))
}

#[test]
fn section_headers_are_buttons_in_headings_controlling_hidden_panels() {
    let html = render(Options::default());
    let tags = tags(&html);
    let buttons: Vec<&Tag> = tags
        .iter()
        .filter(|t| t.attr("class") == Some("tg-toggle"))
        .collect();
    assert_eq!(buttons.len(), SECTION_IDS.len());
    for (button, id) in buttons.iter().zip(SECTION_IDS) {
        assert_eq!(button.name, "button");
        assert_eq!(button.attr("type"), Some("button"));
        assert_eq!(button.attr("aria-expanded"), Some("false"));
        let panel_id = format!("tg-{id}-panel");
        assert_eq!(button.attr("aria-controls"), Some(panel_id.as_str()));
        let panel = by_id(&tags, &panel_id);
        assert_eq!(
            panel.attr("hidden"),
            Some("until-found"),
            "{id} starts closed"
        );
    }
    // Each button sits in an h2 (the default heading level).
    assert_eq!(html.matches("<h2 class=\"tg-heading\"><button").count(), 9);
    assert!(
        !html.contains("<h1"),
        "the widget never claims the page's h1"
    );
}

/// The guide as `open` asks, put together from the guide with no section
/// open and the open parts, the way the loader does before the code.
fn put_together(open: &[&str]) -> String {
    let content = Shared(Rc::new(shipped()));
    let parts = tg_ui::ssr::open_parts(&content);
    let mut html = render(Options::default());
    for (id, part) in parts
        .sections
        .iter()
        .filter(|(id, _)| open.contains(&id.as_str()))
    {
        let start = html.find(&format!("<section id=\"tg-{id}\"")).unwrap();
        let end = start + html[start..].find("</section>").unwrap() + "</section>".len();
        html.replace_range(start..end, part);
    }
    if !open.is_empty() {
        let start = html.find("<div part=\"toolbar\"").unwrap();
        let end = start + html[start..].find("</div>").unwrap() + "</div>".len();
        let toolbar = if open.len() == SECTION_IDS.len() {
            &parts.toolbar_all
        } else {
            &parts.toolbar_some
        };
        html.replace_range(start..end, toolbar);
    }
    html
}

#[test]
fn the_open_parts_put_together_are_the_guide_with_those_sections_open() {
    for open in [
        &["chemotherapy"][..],
        &["targeted-therapy", "immunotherapy"],
        &SECTION_IDS[..],
    ] {
        let whole = render(Options {
            open: OpenSpec::Ids(open.iter().map(|id| (*id).to_owned()).collect()),
            ..Options::default()
        });
        assert_eq!(put_together(open), whole, "open: {open:?}");
    }
}

#[test]
fn open_sections_and_heading_level_follow_the_options() {
    let html = render(Options {
        open: OpenSpec::parse(Some("chemotherapy")),
        heading_level: 3,
        ..Options::default()
    });
    let tags = tags(&html);
    let button = by_id(&tags, "tg-chemotherapy-button");
    assert_eq!(button.attr("aria-expanded"), Some("true"));
    assert_eq!(by_id(&tags, "tg-chemotherapy-panel").attr("hidden"), None);
    assert_eq!(
        by_id(&tags, "tg-immunotherapy-panel").attr("hidden"),
        Some("until-found")
    );
    assert_eq!(html.matches("<h3 class=\"tg-heading\">").count(), 9);
    // The open section's text is in the markup; vincristine is its first drug.
    assert!(html.contains("vincristine"));
}

#[test]
fn an_open_section_has_a_listen_control_named_for_it_and_the_root_the_words_the_module_shows() {
    let html = render(Options {
        open: OpenSpec::parse(Some("chemotherapy")),
        ..Options::default()
    });
    let tags = tags(&html);
    let controls: Vec<&Tag> = tags
        .iter()
        .filter(|t| t.attrs.contains_key(tg_ui::components::LISTEN_ATTR))
        .collect();
    assert_eq!(controls.len(), 1, "one control, in the one open section");
    let control = controls[0];
    assert_eq!(control.attr("data-listen"), Some("chemotherapy"));
    assert_eq!(control.attr("part"), Some("listen"));
    // The module shows it: until then it has no state (and the stylesheet keeps it unseen).
    assert_eq!(control.attr("data-tg-listen"), None);
    let main = tags
        .iter()
        .find(|t| t.attr("class") == Some("tg-button tg-listen-main"))
        .expect("the main button");
    assert_eq!(main.name, "button");
    assert_eq!(main.attr("type"), Some("button"));
    assert_eq!(main.attr("aria-label"), Some("Listen to Chemotherapy"));
    assert!(panel(&html, "chemotherapy").contains(">Listen</button></div>"));
    assert!(!panel(&html, "immunotherapy").contains("tg-listen"));
    let root = tags
        .iter()
        .find(|t| t.attr("class") == Some("tg-root"))
        .unwrap();
    let words = ["controls", "pause", "resume", "stop", "slower"]
        .map(|name| root.attr(&format!("data-listen-{name}")));
    assert_eq!(
        words,
        ["Read aloud", "Pause", "Resume", "Stop", "Slower"].map(Some)
    );
}

#[test]
fn the_lookup_is_a_labelled_combobox_with_a_listbox_and_a_status() {
    let html = render(Options::default());
    let tags = tags(&html);
    let input = tags
        .iter()
        .find(|t| t.attr("role") == Some("combobox"))
        .expect("a combobox");
    assert_eq!(input.name, "input");
    assert_eq!(input.attr("aria-expanded"), Some("false"));
    let id = input.attr("id").expect("the input has an id");
    let label = tags
        .iter()
        .find(|t| t.name == "label" && t.attr("for") == Some(id))
        .expect("a visible label names the input");
    assert!(label.attr("class").is_some());
    assert!(html.contains(">Look up a drug by any of its names</label>"));
    let list = by_id(&tags, input.attr("aria-controls").unwrap());
    assert_eq!(list.attr("role"), Some("listbox"));
    assert!(tags.iter().any(|t| t.attr("role") == Some("status")));
}

#[test]
fn a_second_widget_uses_its_own_prefix_everywhere() {
    let html = render(Options::for_position(1));
    let tags = tags(&html);
    by_id(&tags, "tg2-chemotherapy-button");
    by_id(&tags, "tg2-lookup-input");
    assert!(
        tags.iter()
            .filter_map(|t| t.attr("id"))
            .all(|id| id.starts_with("tg2-")),
        "every id of the second widget starts with tg2-"
    );
}

#[test]
fn the_static_document_has_every_section_open_and_no_controls() {
    let html = tg_ui::ssr::render(AppProps {
        content: Some(Shared(Rc::new(shipped()))),
        notice: None,
        options: Options {
            mode: RenderMode::Static,
            ..Options::default()
        },
        ..AppProps::loading("")
    });
    assert!(!html.contains("<!--"), "no hydration markers");
    assert!(
        !html.contains("<button"),
        "no control that would do nothing"
    );
    assert!(!html.contains("<input"), "no lookup without its code");
    assert!(!html.contains("hidden"), "every section's text can be read");
    let content = shipped();
    // The text without tags (hyphenated words are wrapped to keep them whole).
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    for section in &content.sections {
        assert!(
            text.contains(&section.title),
            "{} has its title",
            section.id
        );
    }
    assert_eq!(html.matches("<h2 class=\"tg-heading\">").count(), 9);
    assert!(html.contains("lang=\"en\""));
}

#[test]
fn text_from_content_is_escaped() {
    let mut content = shipped();
    content.meta.title = "<script>alert(1)</script>".into();
    let html = tg_ui::ssr::render(AppProps {
        content: Some(Shared(Rc::new(content))),
        notice: None,
        options: Options::default(),
        ..AppProps::loading("")
    });
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;"));
}

/// The panel of the section `id` in rendered HTML: from its start tag to the end of its section.
fn panel<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"tg-{id}-panel\""))
        .unwrap_or_else(|| panic!("a panel for {id}"));
    let end = html[start..]
        .find("</section>")
        .expect("the section closes");
    &html[start..start + end]
}

#[test]
fn the_clinical_trials_link_shows_only_when_the_content_gives_one() {
    let render_with = |content: tg_content::Content| {
        let props = AppProps {
            content: Some(Shared(Rc::new(content))),
            notice: None,
            options: Options {
                open: OpenSpec::parse(Some("all")),
                ..Options::default()
            },
            ..AppProps::loading("")
        };
        tg_ui::ssr::render(props)
    };

    let content = shipped();
    assert_eq!(content.meta.clinical_trials_link, None);
    let html = render_with(content.clone());
    assert!(!html.contains("tg-section-link"), "no link by default");
    assert!(
        panel(&html, "clinical-trials").contains("healthcare team"),
        "without a link, the section says where to ask"
    );

    let mut with_link = content;
    with_link.meta.clinical_trials_link = Some(tg_content::Link {
        text: "Trials we support <b>now</b>".into(),
        href: "https://example.org/trials?a=1&b=2".into(),
    });
    let html = render_with(with_link);
    assert_eq!(html.matches("tg-section-link").count(), 1, "one link");
    let trials = panel(&html, "clinical-trials");
    assert!(
        trials.contains(
            "<p class=\"tg-section-link\"><a \
             href=\"https://example.org/trials?a=1&amp;b=2\" class=\"tg-link\">\
             Trials we support &lt;b&gt;now&lt;/b&gt;</a></p>"
        ),
        "{trials}"
    );
    assert!(!panel(&html, "chemotherapy").contains("example.org"));
}

/// The footer of `content`, rendered.
fn footer_of(content: tg_content::Content) -> String {
    let props = AppProps {
        content: Some(Shared(Rc::new(content))),
        notice: None,
        options: Options::default(),
        ..AppProps::loading("")
    };
    let html = tg_ui::ssr::render(props);
    let start = html.find("<footer").expect("a footer");
    let end = html[start..].find("</footer>").expect("the footer closes");
    html[start..start + end].to_owned()
}

/// The built-in content of `code`, as written.
fn raw_of(code: &str) -> tg_content::RawContent {
    tg_content::toml_source::built_in(code)
        .and_then(|dir| dir.raw)
        .expect("built-in content")
}

/// The footers of the English text and its French translation, sealed as the
/// build seals them (the widget computes no fingerprint).
fn footers(en: &tg_content::RawContent, fr: &tg_content::RawContent) -> (String, String) {
    let content = |raw: &tg_content::RawContent, original: Option<&tg_content::RawContent>| {
        let mut sealed = raw.clone();
        tg_content::review::seal(&mut sealed, original);
        tg_content::Content::from_raw(sealed).expect("valid content")
    };
    (
        footer_of(content(en, None)),
        footer_of(content(fr, Some(en))),
    )
}

/// `raw` with one word of its first paragraph changed.
fn one_word_changed(raw: &tg_content::RawContent, from: &str, to: &str) -> tg_content::RawContent {
    let mut changed = raw.clone();
    let body = &mut changed.sections[1].body;
    assert!(body.contains(from), "{body}");
    *body = body.replacen(from, to, 1);
    changed
}

#[test]
fn the_shipped_footer_says_the_text_has_not_had_a_medical_review() {
    let english = footer_of(shipped());
    assert!(
        english.contains(
            "data-review=\"none\" class=\"tg-footer-review\">Updated on <time datetime=\"2026-12-06\">6\u{a0}December 2026</time>. \
             This version has not yet had a medical review.</p>"
        ),
        "{english}"
    );
    assert!(!english.contains("Medically reviewed"), "{english}");
    assert!(
        english.contains("Source: Canadian Cancer Society"),
        "{english}"
    );
    assert!(english.contains("Content version "), "{english}");

    let (_, french) = footers(&raw_of("en"), &raw_of("fr"));
    assert!(
        french.contains(
            "Ce texte est traduit du texte anglais (version 1.3.0), qui n’a pas encore été révisé \
             sur le plan médical. La traduction n’a pas encore été révisée sur le plan médical."
        ),
        "{french}"
    );
    assert!(!french.contains("Dernière révision"), "{french}");
    assert!(
        french.contains("Source\u{a0}: Société canadienne du cancer"),
        "{french}"
    );
}

#[test]
fn signing_makes_the_footer_say_reviewed_and_a_one_word_change_takes_it_back() {
    let (mut en, mut fr) = (raw_of("en"), raw_of("fr"));
    en.review = tg_content::review::sign(&en, "Dr A. Tremblay, hematologist", "2027-01-10");
    fr.review = tg_content::review::sign(&fr, "Dr B. Roy, hématologue", "2027-01-12");
    let (english, french) = footers(&en, &fr);
    assert!(
        english.contains(
            "data-review=\"reviewed\" class=\"tg-footer-review\">Medically reviewed on <time datetime=\"2027-01-10\">10\u{a0}January 2027</time></p>"
        ),
        "{english}"
    );
    assert!(
        french.contains(
            "data-review=\"reviewed\" class=\"tg-footer-review\">Ce texte est traduit du texte anglais (version 1.3.0). \
             Dernière révision médicale\u{a0}: <time datetime=\"2027-01-12\">12\u{a0}janvier 2027</time></p>"
        ),
        "{french}"
    );

    // One word of what readers see changes, in each language: the review no longer holds.
    let en2 = one_word_changed(&en, "main treatment", "first treatment");
    let fr2 = one_word_changed(&fr, "principal", "premier");
    let (english, french) = footers(&en2, &fr2);
    assert!(
        english.contains(
            "data-review=\"changed\" class=\"tg-footer-review\">Updated on <time datetime=\"2026-12-06\">6\u{a0}December 2026</time>. \
             This version has not yet had a medical review; the last review was on \
             <time datetime=\"2027-01-10\">10\u{a0}January 2027</time>.</p>"
        ),
        "{english}"
    );
    assert!(!english.contains("Medically reviewed"), "{english}");
    // The French text changed too, and its original has changed since it was translated.
    assert!(
        french.contains(
            "data-review=\"changed\" class=\"tg-footer-review\">Ce texte est traduit d’une version antérieure du texte anglais \
             (version 1.3.0); le texte anglais a changé depuis. Mis à jour le \
             <time datetime=\"2026-12-06\">6\u{a0}décembre 2026</time>. Cette version n’a pas encore été \
             révisée sur le plan médical; la révision médicale précédente date du \
             <time datetime=\"2027-01-12\">12\u{a0}janvier 2027</time>.</p>"
        ),
        "{french}"
    );
    assert!(!french.contains("Dernière révision"), "{french}");

    // Signing the changed text turns it back.
    let mut en3 = en2.clone();
    en3.review = tg_content::review::sign(&en3, "Dr A. Tremblay, hematologist", "2027-02-01");
    let (english, _) = footers(&en3, &fr2);
    assert!(
        english.contains("data-review=\"reviewed\" class=\"tg-footer-review\">Medically reviewed on <time datetime=\"2027-02-01\">"),
        "{english}"
    );
}

#[test]
fn a_translation_names_the_review_of_the_text_it_was_translated_from() {
    let (mut en, mut fr) = (raw_of("en"), raw_of("fr"));
    en.review = tg_content::review::sign(&en, "Dr A. Tremblay, hematologist", "2027-01-10");
    tg_content::review::mark_translation(&mut fr, &en);
    let (_, french) = footers(&en, &fr);
    assert!(
        french.contains(
            "data-review=\"none\" class=\"tg-footer-review\">Ce texte est traduit du texte anglais (version 1.3.0), qui a été révisé \
             sur le plan médical le <time datetime=\"2027-01-10\">10\u{a0}janvier 2027</time>. \
             La traduction n’a pas encore été révisée sur le plan médical.</p>"
        ),
        "{french}"
    );
    // The English text changes after the translation: it is flagged, and the
    // English review is no longer claimed for it.
    let en2 = one_word_changed(&en, "main treatment", "first treatment");
    let (_, french) = footers(&en2, &fr);
    assert!(
        french.contains("Ce texte est traduit d’une version antérieure du texte anglais (version 1.3.0); le texte anglais a changé depuis. La traduction n’a pas encore été révisée"),
        "{french}"
    );
    assert!(!french.contains("janvier 2027"), "{french}");
}
