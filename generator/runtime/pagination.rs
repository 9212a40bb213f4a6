//! List operations that answer page by page, as one stream of every item:
//! [`Call::items`] of the operation's call.

use std::future::Future;

use futures_util::Stream;
use serde::de::DeserializeOwned;

use super::{Call, Error};

/// A page of a list operation (the type its call answers): its items, and
/// the number of the next page. [`Call::items`] reads the pages one by one.
pub trait Page: sealed::Sealed {
    /// What the list holds.
    type Item;

    /// The items, and the number of the next page (`None` after the last).
    #[doc(hidden)]
    fn into_items(self) -> (Vec<Self::Item>, Option<i64>);
}

pub(crate) mod sealed {
    /// Only the crate's page types are pages.
    pub trait Sealed {}
}

impl<'a, P> Call<'a, P>
where
    P: Page + DeserializeOwned + 'static,
    P::Item: 'a,
{
    /// Every item of the list, page after page: from the page the call asks
    /// for (the first when it names none), each next page fetched when the
    /// items before it have been taken. Ends after the last page, or after
    /// the first error, which it yields. Options given to the call apply to
    /// every page.
    pub fn items(self) -> impl Stream<Item = Result<P::Item, Error>> + 'a {
        let (client, request, options, decoding) = self.into_parts();
        let first = request.as_ref().and_then(|r| r.page()).unwrap_or(1);
        // The first page is the call's own request (which may carry an
        // error to report); the next ones are copies of it.
        let copy = request.as_ref().map(|r| r.with_page(first));
        let mut own = request.map(|mut request| {
            request.set_page(first);
            request
        });
        paginate(first, move |page| {
            let request = match own.take() {
                Some(request) => Some(request),
                None => copy.as_ref().map(|copy| copy.with_page(page)),
            };
            Call::<P>::from_parts(client, request, options.clone(), decoding)
        })
    }
}

/// A `next` page number as a page answers it, where `0` (or nothing) means
/// there is no next page.
pub(crate) trait PageNumber {
    fn page(self) -> Option<i64>;
}

impl PageNumber for f64 {
    fn page(self) -> Option<i64> {
        // Page numbers are small whole numbers; anything else ends the stream.
        ((1.0..9.0e15).contains(&self) && self.fract() == 0.0).then_some(self as i64)
    }
}

impl PageNumber for f32 {
    fn page(self) -> Option<i64> {
        f64::from(self).page()
    }
}

impl PageNumber for i64 {
    fn page(self) -> Option<i64> {
        (self >= 1).then_some(self)
    }
}

impl PageNumber for i32 {
    fn page(self) -> Option<i64> {
        i64::from(self).page()
    }
}

impl<T: PageNumber> PageNumber for Option<T> {
    fn page(self) -> Option<i64> {
        self.and_then(PageNumber::page)
    }
}

/// Every item of the pages `fetch` answers, from page `first` on: each page
/// is fetched when the items before it have been taken. The stream ends
/// after the last page (no next page, or a next page that is not after the
/// current one), or after yielding the first error.
pub(crate) fn paginate<'a, P, F, Fut>(
    first: i64,
    fetch: F,
) -> impl Stream<Item = Result<P::Item, Error>> + 'a
where
    P: Page + 'a,
    F: FnMut(i64) -> Fut + 'a,
    Fut: Future<Output = Result<P, Error>> + 'a,
{
    struct State<F, T> {
        fetch: F,
        next: Option<i64>,
        items: std::vec::IntoIter<T>,
    }
    let state = State {
        fetch,
        next: Some(first),
        items: Vec::new().into_iter(),
    };
    futures_util::stream::unfold(state, |mut state| async move {
        loop {
            if let Some(item) = state.items.next() {
                return Some((Ok(item), state));
            }
            let page = state.next.take()?;
            match (state.fetch)(page).await {
                Ok(received) => {
                    let (items, next) = received.into_items();
                    state.next = next.filter(|next| *next > page);
                    state.items = items.into_iter();
                }
                Err(error) => return Some((Err(error), state)),
            }
        }
    })
}
