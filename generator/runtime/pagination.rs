//! List operations that answer page by page, as one stream of every item.

use std::future::Future;

use futures_util::Stream;

use super::Error;

/// A page of a list operation: its items, and the number of the next page
/// (`None` after the last).
pub(crate) trait Page {
    type Item;

    fn into_items(self) -> (Vec<Self::Item>, Option<i64>);
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
