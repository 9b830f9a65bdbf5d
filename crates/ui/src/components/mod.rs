//! The components, one per file.

mod drug_card;
mod listen;
mod lookup;
mod mention;
mod notice;
mod rich_text;
mod section;
mod section_list;

pub use drug_card::{DrugCard, DrugCardProps};
pub use listen::{listen_control, LISTEN_ATTR};
pub use lookup::{marked, Lookup, LookupProps, MAX_SUGGESTIONS};
pub use mention::{Mention, MentionEcho, MentionEchoProps, MentionProps};
pub use notice::{Notice, NoticeBox, NoticeBoxProps, MAX_DETAILS};
pub use rich_text::{RichText, RichTextProps};
pub use section::{Section, SectionProps};
pub use section::{HEADING_CLASS, SECTION_ATTR};
pub use section_list::{toolbar, SectionList, SectionListProps, ToolbarProps, TOOLBAR_CLASS};
