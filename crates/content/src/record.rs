//! One definition per record of the content format.
//!
//! [`record!`] declares a record (a struct of the format) once. From that one
//! declaration come the struct with its serde derives (the TOML files and the
//! JSON export), its field table for the JSON reader ([`Record::FIELDS`]:
//! names and which are required), and its place in the built-in encoding.
//! Adding a field to the format is one line in `raw.rs` (plus its doc and tests).

use crate::encoding::{Decoder, Encoder};
use crate::json::Json;
use crate::read::Reader;

/// A value of the content format: read from JSON, encoded and decoded for
/// the built-in content.
pub trait Value: Default {
    /// Reads the value at `path`, reporting problems to `reader`.
    fn read(reader: &mut Reader, value: &Json, path: &str) -> Self;
    /// Appends the value to the built-in encoding.
    fn encode(&self, out: &mut Encoder);
    /// Reads the value back from the built-in encoding.
    fn decode(input: &mut Decoder) -> Self;
}

/// A record of the format: an object with named fields.
pub trait Record: Value {
    /// Every field's name and whether a file must give it, in order.
    const FIELDS: &'static [(&'static str, bool)];
}

impl Value for String {
    fn read(reader: &mut Reader, value: &Json, path: &str) -> Self {
        reader.text(value, path)
    }

    fn encode(&self, out: &mut Encoder) {
        out.text(self);
    }

    fn decode(input: &mut Decoder) -> Self {
        input.text()
    }
}

impl<T: Value> Value for Vec<T> {
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
}

/// Declares a record of the content format; see the module docs.
///
/// A field written `name: Type = default` may be left out of a file (it is
/// then empty); every other field is required.
macro_rules! record {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            $( $(#[doc = $fdoc:literal])* $field:ident : $ty:ty $(= $optional:ident)? ),* $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $( $(#[doc = $fdoc])* $(#[serde($optional)])? pub $field: $ty, )*
        }

        impl $crate::record::Record for $name {
            const FIELDS: &'static [(&'static str, bool)] =
                &[$((stringify!($field), record!(@required $($optional)?))),*];
        }

        impl $crate::record::Value for $name {
            fn read(reader: &mut $crate::read::Reader, value: &$crate::json::Json, path: &str) -> Self {
                use $crate::record::Record;
                let Some(members) = reader.object(value, path, Self::FIELDS) else {
                    return Self::default();
                };
                $name { $( $field: reader.field(members, path, stringify!($field)), )* }
            }

            fn encode(&self, out: &mut $crate::encoding::Encoder) {
                $( $crate::record::Value::encode(&self.$field, out); )*
            }

            fn decode(input: &mut $crate::encoding::Decoder) -> Self {
                $name { $( $field: $crate::record::Value::decode(input), )* }
            }
        }
    };
    (@required default) => { false };
    (@required) => { true };
}

pub(crate) use record;
