//! The components, one per file.

mod rich_text;
mod section;
mod section_list;

pub use rich_text::{RichText, RichTextProps};
pub use section::{Section, SectionProps};
pub use section_list::{SectionList, SectionListProps};
