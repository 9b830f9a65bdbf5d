//! Data that props share by reference: compared by identity (cheap), never
//! by value. Below the components and the app, which both use it.

use std::ops::Deref;
use std::rc::Rc;

use tg_content::Content;

/// Shared, immutable data that props compare by identity (cheap), not by value.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The content a widget shows.
pub type ContentRef = Shared<Content>;
