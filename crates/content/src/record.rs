//! One definition per record of the content format.
//!
//! [`record!`] declares a record (a struct of the format) once. From that one
//! declaration come the struct, its field table for the reader
//! ([`Record::FIELDS`]: names, which are required, what they hold), its
//! place in the built-in encoding, and its JSON export. Adding a field to
//! the format is one line in `raw.rs` (plus its doc and tests).
//!
//! The generic codec: [`Value`] for texts, lists and records, and the entry
//! points [`read`], [`encode`], [`decode`]. Nothing here knows which records
//! the format has.

use crate::encoding::{Decoder, Encoder};
use crate::error::ContentError;
use crate::json::Json;
use crate::read::{get, join, Field, Reader};

/// A value of the content format: read from a tree, encoded and decoded for
/// the built-in content, written back as a tree.
pub trait Value: Default {
    /// What the value is, in the words of a message (`a text`).
    const KIND: &'static str;
    /// Reads the value at `path`, reporting problems to `reader`.
    fn read(reader: &mut Reader, value: &Json, path: &str) -> Self;
    /// Appends the value to the built-in encoding.
    fn encode(&self, out: &mut Encoder);
    /// Reads the value back from the built-in encoding.
    fn decode(input: &mut Decoder) -> Self;
    /// The value as a tree (the JSON export).
    fn to_json(&self) -> Json;
    /// Whether the value is empty (a blank text, an empty list, a record of
    /// empty fields): what a file that leaves it out gives.
    fn is_empty(&self) -> bool;
    /// The value as text, when it is a text.
    fn as_text(&self) -> Option<&str> {
        None
    }
    /// The value as text to change, when it is a text.
    fn as_text_mut(&mut self) -> Option<&mut String> {
        None
    }
}

/// A record of the format: an object with named fields.
pub trait Record: Value {
    /// Every field, in order.
    const FIELDS: &'static [Field];
}

impl Value for String {
    const KIND: &'static str = "a text";

    fn read(reader: &mut Reader, value: &Json, path: &str) -> Self {
        reader.text(value, path)
    }

    fn encode(&self, out: &mut Encoder) {
        out.text(self);
    }

    fn decode(input: &mut Decoder) -> Self {
        input.text()
    }

    fn to_json(&self) -> Json {
        Json::String(self.clone())
    }

    fn is_empty(&self) -> bool {
        self.trim().is_empty()
    }

    fn as_text(&self) -> Option<&str> {
        Some(self)
    }

    fn as_text_mut(&mut self) -> Option<&mut String> {
        Some(self)
    }
}

impl<T: Value> Value for Vec<T> {
    const KIND: &'static str = "a list";

    fn read(reader: &mut Reader, value: &Json, path: &str) -> Self {
        reader.list(value, path, T::read)
    }

    fn encode(&self, out: &mut Encoder) {
        out.count(self.len());
        for item in self {
            item.encode(out);
        }
    }

    fn decode(input: &mut Decoder) -> Self {
        (0..input.count()).map(|_| T::decode(input)).collect()
    }

    fn to_json(&self) -> Json {
        Json::Array(self.iter().map(Value::to_json).collect())
    }

    fn is_empty(&self) -> bool {
        <[T]>::is_empty(self)
    }
}

/// The field `name` of an object's members; empty when absent (a missing
/// required field is reported by [`Reader::object`]).
pub fn field<T: Value>(
    reader: &mut Reader,
    members: &[(String, Json)],
    path: &str,
    name: &str,
) -> T {
    get(members, name).map_or_else(T::default, |value| {
        T::read(reader, value, &join(path, name))
    })
}

/// Reads a whole tree as a `T`, or every problem found.
pub fn read<T: Value>(value: &Json) -> Result<T, Vec<ContentError>> {
    let mut reader = Reader::default();
    let read = T::read(&mut reader, value, "");
    let errors = reader.into_errors();
    if errors.is_empty() {
        Ok(read)
    } else {
        Err(errors)
    }
}

/// Encodes a value in the built-in encoding.
///
/// Fails when a text holds [`crate::encoding::SEPARATOR`] itself.
pub fn encode<T: Value>(value: &T) -> Result<String, ContentError> {
    let mut out = Encoder::default();
    value.encode(&mut out);
    out.finish()
}

/// Decodes what [`encode`] wrote; a truncated text gives incomplete values
/// (which validation reports), never a panic.
pub fn decode<T: Value>(text: &str) -> T {
    T::decode(&mut Decoder::new(text))
}

/// Declares a record of the content format; see the module docs.
///
/// A field written `name: Type = default` may be left out of a file (it is
/// then empty); every other field is required. A field written
/// `name: Type = derived` is no part of the file format: the tools compute it
/// (for example whether the text is the one a reviewer signed) and only the
/// built-in encoding carries it; the reader leaves it empty and the JSON
/// export leaves it out. A field written `name: Type = reviewer` is the
/// opposite: an optional field of the file (references, review points) that
/// only tools and reviewers read, so the built-in encoding leaves it out and
/// the widget never decodes it.
macro_rules! record {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            $( $(#[doc = $fdoc:literal])* $field:ident : $ty:ty $(= $optional:ident)? ),* $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct $name {
            $( $(#[doc = $fdoc])* pub $field: $ty, )*
        }

        impl $name {
            /// Every field's name, in order.
            pub const NAMES: &'static [&'static str] = &[$(stringify!($field)),*];

            /// The text of the field called `name` (`None` for a field that
            /// is not a text, or no field).
            pub fn field(&self, name: &str) -> Option<&str> {
                match name {
                    $(stringify!($field) => $crate::record::Value::as_text(&self.$field),)*
                    _ => None,
                }
            }

            /// The text of the field called `name`, to change (`None` for a
            /// field that is not a text, or no field).
            pub fn field_mut(&mut self, name: &str) -> Option<&mut String> {
                match name {
                    $(stringify!($field) => $crate::record::Value::as_text_mut(&mut self.$field),)*
                    _ => None,
                }
            }

            /// Fills every field left empty with the one of `defaults`.
            pub fn fill_empty(&mut self, defaults: &Self) {
                $(
                    if $crate::record::Value::is_empty(&self.$field) {
                        self.$field = defaults.$field.clone();
                    }
                )*
            }
        }

        impl $crate::record::Record for $name {
            const FIELDS: &'static [$crate::read::Field] = &[$($crate::read::Field {
                name: stringify!($field),
                required: record!(@required $($optional)?),
                kind: <$ty as $crate::record::Value>::KIND,
                derived: record!(@derived $($optional)?),
            }),*];
        }

        impl $crate::record::Value for $name {
            const KIND: &'static str = "a block of fields";

            fn read(reader: &mut $crate::read::Reader, value: &$crate::json::Json, path: &str) -> Self {
                use $crate::record::Record;
                let Some(members) = reader.object(value, path, Self::FIELDS) else {
                    return Self::default();
                };
                $name { $( $field: if record!(@derived $($optional)?) {
                    <$ty as ::core::default::Default>::default()
                } else {
                    $crate::record::field(reader, members, path, stringify!($field))
                }, )* }
            }

            fn encode(&self, out: &mut $crate::encoding::Encoder) {
                $(
                    if record!(@encoded $($optional)?) {
                        $crate::record::Value::encode(&self.$field, out);
                    }
                )*
            }

            fn decode(input: &mut $crate::encoding::Decoder) -> Self {
                $name { $( $field: if record!(@encoded $($optional)?) {
                    $crate::record::Value::decode(input)
                } else {
                    <$ty as ::core::default::Default>::default()
                }, )* }
            }

            fn to_json(&self) -> $crate::json::Json {
                let mut members = Vec::new();
                $(
                    if !record!(@derived $($optional)?) {
                        members.push((stringify!($field).to_owned(), $crate::record::Value::to_json(&self.$field)));
                    }
                )*
                $crate::json::Json::Object(members)
            }

            fn is_empty(&self) -> bool {
                true $(&& $crate::record::Value::is_empty(&self.$field))*
            }
        }
    };
    (@required default) => { false };
    (@required derived) => { false };
    (@required reviewer) => { false };
    (@required) => { true };
    (@derived derived) => { true };
    (@derived $($other:ident)?) => { false };
    (@encoded reviewer) => { false };
    (@encoded $($other:ident)?) => { true };
}

pub(crate) use record;
